package org.infera.core.histfactory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.infera.core.fuzz.FuzzedFile;
import org.infera.core.histfactory.spec.WorkspaceReader;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the pyhf workspace reader (docs/fuzzing.md): any throwable but an input
 * error is a finding. Seeds: src/test/resources/org/infera/core/histfactory/WorkspaceReaderFuzzTestInputs/read.
 */
class WorkspaceReaderFuzzTest {
    /** The timeout is per input: a reader that hangs on a file is a finding. */
    @FuzzTest
    @Timeout(10)
    void read(byte[] bytes) {
        FuzzedFile.read(bytes, ".json", WorkspaceReader::read);
    }
}
