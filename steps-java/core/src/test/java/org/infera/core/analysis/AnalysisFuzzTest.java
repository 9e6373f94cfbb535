package org.infera.core.analysis;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.infera.core.fuzz.FuzzedFile;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the analysis definition reader (analysis.json; docs/fuzzing.md): any throwable
 * but an input error is a finding. Seeds: src/test/resources/org/infera/core/analysis/AnalysisFuzzTestInputs/read.
 */
class AnalysisFuzzTest {
    /** The timeout is per input: a reader that hangs on a file is a finding. */
    @FuzzTest
    @Timeout(10)
    void read(byte[] bytes) {
        FuzzedFile.read(bytes, ".json", Analysis::read);
    }
}
