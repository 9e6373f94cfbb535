package org.infera.fit.diagnostics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.infera.core.cli.VersionProvider;
import org.infera.core.io.AtomicOutput;
import org.infera.fit.histfactory.Json;
import picocli.CommandLine.Command;

@Command(
        name = "gof",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Goodness of fit against the saturated model: q = 2[NLL(θ̂) − NLL_saturated] (every main bin at "
                    + "ν = n, every constraint term at its maximum), ndof = main bins + auxiliary measurements − free "
                    + "parameters, and the asymptotic χ²(ndof) p-value. Writes gof.json and prints it.",
            "Exit codes: 0 done, 2 bad input, 3 the fit did not converge."
        })
public final class GofCommand extends DiagnosticCommand {
    @Override
    public Integer call() {
        PostFit fit = postFit();
        ObjectNode node = json(GoodnessOfFit.of(fit));
        AtomicOutput.writeDirectory(out, dir -> Tables.writeJson(dir.resolve("gof.json"), node));
        Json.print(spec.commandLine().getOut(), node);
        return done(fit, "gof");
    }

    static ObjectNode json(GoodnessOfFit g) {
        ObjectNode node = Json.object();
        node.put("statistic", "saturated");
        Tables.put(node, "q", g.q());
        node.put("bins", g.bins());
        node.put("auxiliary_measurements", g.auxiliary());
        node.put("free_parameters", g.freeParameters());
        node.put("ndof", g.ndof());
        Tables.put(node, "p_value", g.pValue());
        return node;
    }
}
