package org.infera.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.infera.core.cli.InputException;
import org.infera.core.cli.StepMain;
import org.infera.core.hdf5.H5Output;
import org.infera.core.plot.Png;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import picocli.CommandLine;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static <T> T overwriting(Callable<T> body) throws Exception {
        return AtomicOutput.withOverwrite(true, body);
    }

    @Test
    void anExistingPathIsRefusedAndLeftAsItIs() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.h5"), "my notes");
        Path folder = Files.createDirectories(dir.resolve("work"));
        Files.writeString(folder.resolve("thesis.tex"), "chapter 1");
        for (Path p : List.of(file, folder)) {
            InputException e = assertThrows(InputException.FileProblem.class, () -> AtomicOutput.writeString(p, "new"));
            assertTrue(
                    e.getMessage().contains(p.toString()) && e.getMessage().contains("already exists"), e.getMessage());
            assertEquals(p, e.file());
        }
        assertEquals("my notes", Files.readString(file));
        assertEquals("chapter 1", Files.readString(folder.resolve("thesis.tex")));
        assertEquals(List.of("notes.h5", "work"), names(dir));
    }

    @Test
    void overwriteReplacesOnlyWhatInferaWrote() throws Exception {
        Path model = dir.resolve("model");
        AtomicOutput.writeDirectory(model, d -> Files.writeString(d.resolve("model.json"), "{}"));
        assertTrue(Files.isRegularFile(model.resolve(AtomicOutput.MARKER)));
        overwriting(() -> {
            AtomicOutput.writeDirectory(model, d -> Files.writeString(d.resolve("model.json"), "{\"v\": 2}"));
            return null;
        });
        assertEquals("{\"v\": 2}", Files.readString(model.resolve("model.json")));

        Path h5 = dir.resolve("events.h5");
        H5Output.write(h5, "events", 1, out -> out.dataset("x", new double[] {1, 2}));
        overwriting(() -> {
            H5Output.write(h5, "events", 1, out -> out.dataset("x", new double[] {3}));
            return null;
        });

        Path png = dir.resolve("plot.png");
        XYChart chart = new XYChartBuilder().width(100).height(80).build();
        chart.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
        Png.write(chart, png);
        assertTrue(InferaOutputs.pngMarked(png));
        overwriting(() -> {
            Png.write(chart, png);
            return null;
        });

        Path userDir = Files.createDirectories(dir.resolve("mine"));
        Path userFile = Files.writeString(dir.resolve("mine.png"), "not a png");
        Path otherH5 = dir.resolve("other.h5");
        Files.write(otherH5, Files.readAllBytes(h5));
        Path link = Files.createSymbolicLink(dir.resolve("link"), model);
        for (Path p : List.of(userDir, userFile, link)) {
            InputException e = assertThrows(
                    InputException.class,
                    () -> overwriting(() -> {
                        AtomicOutput.writeString(p, "x");
                        return null;
                    }));
            assertTrue(e.getMessage().contains("not an output of infera"), e.getMessage());
        }
        assertEquals("not a png", Files.readString(userFile));
        assertEquals(List.of(".infera-output", "model.json"), names(model));
    }

    @Test
    void aFailingWriterLeavesNothingAndKeepsTheOldOutput() throws Exception {
        Path out = dir.resolve("scan.png");
        for (Throwable failure : List.of(
                new IllegalStateException("inside XChart"), new OutOfMemoryError("big"), new IOException("disk"))) {
            assertThrows(
                    Throwable.class,
                    () -> AtomicOutput.write(out, tmp -> {
                        Files.writeString(tmp, "half");
                        Files.writeString(Path.of(tmp + ".png"), "a library's own name");
                        if (failure instanceof IOException io) throw io;
                        if (failure instanceof Error err) throw err;
                        throw (RuntimeException) failure;
                    }));
            assertEquals(List.of(), names(dir));
        }
        Path model = dir.resolve("model");
        AtomicOutput.writeDirectory(model, d -> Files.writeString(d.resolve("a"), "1"));
        assertThrows(
                IllegalStateException.class,
                () -> overwriting(() -> {
                    AtomicOutput.writeDirectory(model, d -> {
                        throw new IllegalStateException("no");
                    });
                    return null;
                }));
        assertEquals(List.of("model"), names(dir));
        assertEquals("1", Files.readString(model.resolve("a")));
    }

    @Test
    void parentsAreCreatedOnlyBelowTheWorkingDirectory() throws IOException {
        Path outside = dir.resolve("missing/sub/out.txt");
        InputException e = assertThrows(InputException.class, () -> AtomicOutput.writeString(outside, "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing")));

        Path below = Path.of(
                "target", "atomic-output-test-" + ProcessHandle.current().pid(), "a", "out.txt");
        try {
            AtomicOutput.writeString(below, "x");
            assertEquals("x", Files.readString(below));
        } finally {
            AtomicOutput.deleteRecursively(below.getParent().getParent());
        }
    }

    @Test
    void leftoversOfDeadProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path dead = Files.createDirectories(dir.resolve(".model.partial-" + p.pid()));
        Files.writeString(dead.resolve("weights.params"), "half");
        Path deadPng = Files.writeString(dir.resolve(".scan.png.partial-" + p.pid() + ".png"), "half");
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path live = Files.writeString(dir.resolve(".other.h5.partial-" + parent), "still being written");
        Path user = Files.writeString(dir.resolve("my.partial-notes"), "mine");
        AtomicOutput.writeString(dir.resolve("x.txt"), "x");
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadPng));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(user));
    }

    @CommandLine.Command(name = "toy")
    static final class Toy implements Callable<Integer> {
        @CommandLine.Option(names = {"-o", "--out"})
        Path out;

        static int runs;

        @Override
        public Integer call() {
            runs++;
            AtomicOutput.writeString(out, "toy");
            return 0;
        }
    }

    @Test
    void stepsGetOverwriteAndRefuseTakenOutputsBeforeWorking() throws IOException {
        Path out = Files.writeString(dir.resolve("out.txt"), "mine");
        Toy.runs = 0;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        try {
            assertEquals(2, StepMain.execute(new Toy(), "-o", out.toString()));
            assertEquals(2, StepMain.execute(new Toy(), "-o", out.toString(), "--overwrite"));
        } finally {
            System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true));
        }
        assertEquals(0, Toy.runs);
        assertEquals("mine", Files.readString(out));
        Path png = dir.resolve("p.png");
        assertEquals(0, StepMain.execute(new Toy(), "-o", dir.resolve("new.txt").toString()));
        assertEquals(1, Toy.runs);
        assertTrue(new CommandLine(new Toy()).getCommandSpec().findOption("--overwrite") == null);
        CommandLine.Help help = new CommandLine(new Toy()).getHelp();
        assertTrue(help != null && !Files.exists(png));
    }
}
