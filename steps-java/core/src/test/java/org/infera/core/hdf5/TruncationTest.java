package org.infera.core.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.infera.core.cli.InputException;
import org.infera.core.data.EventsFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.MadMinerEventFileTest;
import org.infera.core.data.TemplatesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files our steps write, and MadMiner's fixture, cut at many offsets: every reader says "truncated" with
 * the file, as an {@link InputException}, and never returns data (jhdf alone reads zeros past the end).
 */
class TruncationTest {
    @TempDir
    Path dir;

    private static TreeSet<Long> offsets(long size) {
        TreeSet<Long> cuts = new TreeSet<>();
        for (long c : new long[] {0, 1, 7, 8, 9, 40, 47, 48, 49, 100, 200, size / 2, size - 100, size - 8, size - 1}) {
            if (c >= 0 && c < size) cuts.add(c);
        }
        long step = Math.max(1, size / 150);
        for (long c = 0; c < size; c += step) cuts.add(c);
        return cuts;
    }

    /** Returns the number of cuts tried. */
    private int everyCutIsCaught(Path whole, Consumer<Path> reader) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        reader.accept(whole); // the whole file reads
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (long cut : offsets(bytes.length)) {
            Path p = dir.resolve("cut-" + cut + "-" + whole.getFileName());
            Files.write(p, java.util.Arrays.copyOf(bytes, (int) cut));
            n++;
            try {
                reader.accept(p);
                wrong.add(cut + ": read without error");
            } catch (InputException e) {
                if (!e.getMessage().contains(p.toString()) || !e.getMessage().contains("truncated"))
                    wrong.add(cut + ": " + e.getMessage());
            } catch (Throwable t) {
                wrong.add(cut + ": " + t);
            }
            Files.delete(p);
        }
        if (!wrong.isEmpty())
            fail(wrong.size() + " of " + n + " cuts of " + whole + " not reported as truncated:\n"
                    + String.join("\n", wrong));
        return n;
    }

    @Test
    void truncatedFilesOfEveryKindSayTruncated() throws IOException {
        int cuts = 0;
        Path events = dir.resolve("events.h5");
        new EventsFile(
                        "test",
                        7,
                        new String[] {"x0", "x1"},
                        new String[] {"signal", "background"},
                        new double[] {50, 1000},
                        new double[200][2],
                        new long[200])
                .write(events);
        cuts += everyCutIsCaught(events, EventsFile::read);

        Path templates = dir.resolve("templates.h5");
        new TemplatesFile(
                        "nn",
                        new double[] {0, 0.5, 1},
                        new String[] {"signal", "background"},
                        new long[] {1, 0},
                        new double[][] {{5, 10}, {100, 50}},
                        new long[][] {{20, 30}, {200, 100}},
                        List.of(new TemplatesFile.NuisanceTemplate(
                                "r", 1, 0, 0.2, -0.2, new double[] {110, 40}, new double[] {90, 60})))
                .write(templates);
        cuts += everyCutIsCaught(templates, TemplatesFile::read);

        Path madminer = MadMinerEventFileTest.fixture();
        cuts += everyCutIsCaught(madminer, MadMinerEventFile::read);
        cuts += everyCutIsCaught(madminer, MadMinerEventFile::readHeader);
        assertTrue(cuts > 500, "cuts tried: " + cuts);
    }

    @Test
    void aDatasetWhoseDataLieBeyondTheEndIsTruncatedEvenWhenTheSuperblockAgrees() throws IOException {
        Path events = dir.resolve("events.h5");
        new EventsFile(
                        "test",
                        7,
                        new String[] {"x0", "x1"},
                        new String[] {"signal", "background"},
                        new double[] {50, 1000},
                        new double[5000][2],
                        new long[5000])
                .write(events);
        byte[] bytes = Files.readAllBytes(events);
        int cut = bytes.length - 20000;
        byte[] cutBytes = java.util.Arrays.copyOf(bytes, cut);
        // rewrite the superblock's end-of-file address (version 2/3 superblock: at byte 28, 8 bytes little-endian)
        assertEquals(2, bytes[8] & 0xff, "jhdf writes a version 2 superblock");
        java.nio.ByteBuffer.wrap(cutBytes, 28, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(cut);
        int checksum = io.jhdf.checksum.ChecksumUtils.checksum(java.util.Arrays.copyOf(cutBytes, 44));
        java.nio.ByteBuffer.wrap(cutBytes, 44, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(checksum);
        Files.write(events, cutBytes);
        try {
            EventsFile.read(events);
            fail("read a file whose data lie past its end");
        } catch (InputException e) {
            assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("dataset"), e.getMessage());
        }
    }
}
