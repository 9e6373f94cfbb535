package org.infera.core.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a progress bar on a terminal, otherwise (Nextflow task logs, CI) a log line
 * on standard error at every tenth of the work and at most every few seconds.
 */
public final class Progress implements AutoCloseable {
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final String task;
    private final long total;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastLogNanos = startNanos;
    private long lastLoggedTenth;

    public Progress(String task, long total, String unit) {
        this.task = task;
        this.total = total;
        this.bar = System.console() != null
                ? ProgressBar.builder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setUnit(" " + unit, 1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build()
                : null;
    }

    public void step(long n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
            return;
        }
        long now = System.nanoTime();
        long tenth = total > 0 ? done * 10 / total : 0;
        if (tenth > lastLoggedTenth || now - lastLogNanos > LOG_INTERVAL_NANOS) {
            lastLoggedTenth = tenth;
            lastLogNanos = now;
            System.err.printf(
                    "%s: %d/%d (%.0f%%) after %.1f s%n",
                    task, done, total, total > 0 ? 100.0 * done / total : 0, (now - startNanos) / 1e9);
        }
    }

    /** An extra line (for example the losses of an epoch) that does not break the bar. */
    public void message(String line) {
        if (bar != null) bar.setExtraMessage(line);
        else System.err.println(task + ": " + line);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
