package org.infera.fit.diagnostics;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import picocli.CommandLine.Command;

@Command(
        name = "correlations",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The correlation matrix of the fitted (free) parameters, from the inverse Hessian at the best fit. "
                    + "Writes correlations.csv (a square table with the names as header and first column) and "
                    + "correlations.png (a heat map).",
            "Exit codes: 0 done, 2 bad input, 3 the fit did not converge."
        })
public final class CorrelationsCommand extends DiagnosticCommand {
    @Override
    public Integer call() {
        PostFit fit = postFit();
        AtomicOutput.writeDirectory(out, dir -> writeInto(dir, fit));
        return done(fit, "correlations");
    }

    static void writeInto(java.nio.file.Path dir, PostFit fit) throws java.io.IOException {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < fit.names().size(); i++) if (!fit.fixed(i)) free.add(i);
        List<String> names = free.stream().map(fit.names()::get).toList();
        double[][] corr = new double[free.size()][free.size()];
        for (int a = 0; a < free.size(); a++)
            for (int b = 0; b < free.size(); b++) corr[a][b] = fit.correlation(free.get(a), free.get(b));
        Files.writeString(dir.resolve("correlations.csv"), csv(names, corr));
        CorrelationPlot.write(dir.resolve("correlations.png"), names, corr);
    }

    static String csv(List<String> names, double[][] corr) {
        StringBuilder s = new StringBuilder("parameter");
        for (String n : names) s.append(',').append(n);
        s.append('\n');
        for (int a = 0; a < names.size(); a++) {
            Object[] cells = new Object[names.size() + 1];
            cells[0] = names.get(a);
            for (int b = 0; b < names.size(); b++) cells[b + 1] = corr[a][b];
            s.append(Tables.join(cells)).append('\n');
        }
        return s.toString();
    }
}
