package org.infera.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A step that runs out of heap exits 1 with one line that says so and what to do, not a JVM stack trace. */
class StepMainOutOfMemoryTest {
    @Command(name = "infera-greedy")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            long[] tooLarge = new long[Integer.MAX_VALUE - 8]; // 16 GiB: more than any test JVM's heap
            return tooLarge.length;
        }
    }

    @Test
    void outOfMemoryIsOneLineAndExitOne() {
        StringWriter err = new StringWriter();
        int code = StepMain.execute(new Greedy(), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(ExitCodes.INTERNAL, code);
        String text = err.toString();
        assertTrue(text.startsWith("infera-greedy: out of memory: the Java heap of "), text);
        assertTrue(text.contains("INFERA_JAVA_OPTS=-Xmx"), text);
        assertFalse(text.contains("\tat "), text);
    }
}
