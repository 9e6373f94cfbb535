package org.infera.fit.histfactory;

import java.nio.file.Path;
import org.infera.core.histfactory.interp.InterpCodes;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ModelBuilder;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.histfactory.spec.WorkspaceReader;
import picocli.CommandLine.Option;

/** The options every workspace command shares: which workspace, which measurement, which interpolation codes. */
public final class WorkspaceOptions {
    @Option(
            names = "--workspace",
            required = true,
            paramLabel = "W.json",
            description = "HistFactory workspace in pyhf's JSON format.")
    Path workspace;

    @Option(names = "--measurement", paramLabel = "NAME", description = "Measurement to use (default: the first).")
    String measurement;

    @Option(
            names = "--interp-normsys",
            defaultValue = InterpCodes.NORMSYS_DEFAULT,
            paramLabel = "CODE",
            description =
                    "Interpolation of normsys factors: code0, code1, code2 or code4 (default: ${DEFAULT-VALUE}, as "
                            + "pyhf).")
    String normsys;

    @Option(
            names = "--interp-histosys",
            defaultValue = InterpCodes.HISTOSYS_DEFAULT,
            paramLabel = "CODE",
            description =
                    "Interpolation of histosys templates: code0, code2 or code4p (default: ${DEFAULT-VALUE}, as pyhf).")
    String histosys;

    private Workspace loaded;
    private Model model;

    /** The --workspace file. */
    public Path path() {
        return workspace;
    }

    /** The --measurement name (null: the first). */
    public String measurement() {
        return measurement;
    }

    /** The interpolation codes, "normsys histosys". */
    public String interpolation() {
        return normsys + " " + histosys;
    }

    public Workspace workspace() {
        if (loaded == null) loaded = WorkspaceReader.read(workspace);
        return loaded;
    }

    public Model model() {
        if (model == null)
            model = ModelBuilder.build(workspace(), measurement, workspace.toString(), normsys, histosys);
        return model;
    }

    public Dataset observed() {
        return ModelBuilder.observed(workspace(), model());
    }
}
