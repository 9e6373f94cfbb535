package org.infera.core.hdf5;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.infera.core.cli.InputException;
import org.infera.core.data.EventsFile;
import org.infera.core.data.MadMinerEventFile;
import org.infera.core.data.MadMinerEventFileTest;
import org.infera.core.data.TemplatesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files our steps write, and MadMiner's fixture, with bytes overwritten at random (a fixed seed): every
 * reader either reads the file or stops with an {@link InputException} within seconds; nothing else (an
 * exception of the HDF5 library, an out-of-memory error, a hang) may escape. Not a coverage-guided fuzzer,
 * but a regression test of the same property over the header and data bytes.
 */
class CorruptionTest {
    private static final int CASES_PER_FILE = 250;

    @TempDir
    Path dir;

    private List<String> corrupt(Path whole, Consumer<Path> reader, long seed, ExecutorService pool) throws Exception {
        byte[] bytes = Files.readAllBytes(whole);
        Random random = new Random(seed);
        List<String> escaped = new ArrayList<>();
        for (int c = 0; c < CASES_PER_FILE; c++) {
            byte[] b = bytes.clone();
            int n = 1 + random.nextInt(4);
            // half the cases hit the first 2 KiB (superblock, object headers, B-trees), half anywhere
            for (int k = 0; k < n; k++) {
                int at = c % 2 == 0 ? random.nextInt(Math.min(2048, b.length)) : random.nextInt(b.length);
                b[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : (b[at] ^ (1 << random.nextInt(8))));
            }
            Path p = Files.write(dir.resolve("c" + c + "-" + whole.getFileName()), b);
            Future<?> f = pool.submit(() -> reader.accept(p));
            try {
                f.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof InputException))
                    escaped.add(whole.getFileName() + " case " + c + ": " + e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                f.cancel(true);
                escaped.add(whole.getFileName() + " case " + c + ": no answer within 20 s");
            }
            Files.delete(p);
        }
        return escaped;
    }

    @Test
    void corruptedFilesAreReadOrRefusedAsInputErrors() throws Exception {
        Path events = dir.resolve("events.h5");
        new EventsFile(
                        "test",
                        7,
                        new String[] {"x0", "x1"},
                        new String[] {"signal", "background"},
                        new double[] {50, 1000},
                        new double[300][2],
                        new long[300])
                .write(events);
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
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        List<String> escaped = new ArrayList<>();
        escaped.addAll(corrupt(events, EventsFile::read, 1, pool));
        escaped.addAll(corrupt(templates, TemplatesFile::read, 2, pool));
        escaped.addAll(corrupt(MadMinerEventFileTest.fixture(), MadMinerEventFile::read, 3, pool));
        pool.shutdownNow();
        if (!escaped.isEmpty())
            fail(escaped.size() + " corrupted files escaped as other than input errors:\n"
                    + String.join("\n", escaped));
    }
}
