package org.infera.core.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.infera.core.fuzz.FuzzedFile;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the estimated-scores reader (HDF5, format estimated_scores, with an ensemble's
 * members) (docs/fuzzing.md): any throwable but an input error is a finding. Seeds:
 * src/test/resources/org/infera/core/data/EstimatedScoresFileFuzzTestInputs/read.
 */
class EstimatedScoresFileFuzzTest {
    /** The timeout is per input: a reader that hangs on a file is a finding. */
    @FuzzTest
    @Timeout(10)
    void read(byte[] bytes) {
        FuzzedFile.read(bytes, ".h5", EstimatedScoresFile::read);
    }
}
