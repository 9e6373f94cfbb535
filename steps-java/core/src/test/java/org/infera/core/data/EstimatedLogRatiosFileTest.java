package org.infera.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.infera.core.cli.InputException;
import org.infera.core.hdf5.H5Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log-ratios file keeps an ensemble's members beside their mean, and still reads version 1's mean alone. */
class EstimatedLogRatiosFileTest {
    @TempDir
    Path dir;

    private static final float[][] MEAN = {{0.1f, 0f}, {0.2f, -0.2f}};
    private static final float[][][] MEMBERS = {{{0.2f, 0f}, {0.1f, -0.3f}}, {{0f, 0f}, {0.3f, -0.1f}}};

    private static EstimatedLogRatiosFile file(float[][][] members) {
        return new EstimatedLogRatiosFile(
                "gauss.h5",
                2,
                "ratio",
                "alices",
                new String[] {"theta"},
                new String[] {"x"},
                new double[] {0},
                new double[][] {{-0.5}, {0.5}},
                MEAN,
                members);
    }

    @Test
    void anEnsemblesMembersComeBackBesideTheirMean() {
        Path p = dir.resolve("ensemble.h5");
        file(MEMBERS).write(p);
        EstimatedLogRatiosFile r = EstimatedLogRatiosFile.read(p);
        assertEquals(2, r.members());
        for (int e = 0; e < 2; e++) {
            assertArrayEquals(MEAN[e], r.logR()[e]);
            for (int k = 0; k < 2; k++) assertArrayEquals(MEMBERS[k][e], r.memberLogR()[k][e]);
        }
        Path one = dir.resolve("one.h5");
        file(null).write(one);
        assertEquals(1, EstimatedLogRatiosFile.read(one).members());
        assertNull(EstimatedLogRatiosFile.read(one).memberLogR());
    }

    @Test
    void aMissingMemberIsNamed() {
        Path p = dir.resolve("missing.h5");
        H5Output.write(p, EstimatedLogRatiosFile.FORMAT, 2, out -> header(out)
                .attribute("", "members", 2L)
                .dataset("members/log_r_0", MEMBERS[0]));
        InputException e = assertThrows(InputException.class, () -> EstimatedLogRatiosFile.read(p));
        assertTrue(e.getMessage().contains("members/log_r_1"), e.getMessage());
    }

    /** Version 1 wrote an ensemble's mean alone, with its number of members: read as the mean, no members. */
    @Test
    void version1EnsembleIsReadAsItsMeanAlone() {
        Path p = dir.resolve("v1.h5");
        H5Output.write(p, EstimatedLogRatiosFile.FORMAT, 1, out -> header(out).attribute("", "members", 3L));
        EstimatedLogRatiosFile r = EstimatedLogRatiosFile.read(p);
        assertEquals(1, r.members());
        assertArrayEquals(MEAN[1], r.logR()[1]);
    }

    private static H5Output header(H5Output out) {
        return out.attribute("", "events_file", "gauss.h5")
                .attribute("", "events", 2L)
                .attribute("", "kind", "ratio")
                .attribute("", "loss", "alices")
                .dataset("parameters/names", new String[] {"theta"})
                .dataset("observables/names", new String[] {"x"})
                .dataset("theta1", new double[] {0})
                .dataset("grid/points", new double[][] {{-0.5}, {0.5}})
                .dataset("log_r", MEAN);
    }
}
