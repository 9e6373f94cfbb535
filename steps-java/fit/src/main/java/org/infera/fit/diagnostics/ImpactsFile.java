package org.infera.fit.diagnostics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infera.core.cli.InputException;
import org.infera.core.io.StrictJson;
import org.infera.fit.histfactory.Json;

/**
 * impacts.json, and the shards that parallel runs write in the same layout: the POI's best fit, the names of all
 * nuisances of the workspace, the SHA-256 of the workspace file with the measurement and interpolation codes (a
 * shard merges only with shards of the same model, data and best fit), and one entry per nuisance computed.
 * Numbers round-trip exactly (Java's shortest repr), NaN as null, so merged shards give the bytes of one full run.
 */
final class ImpactsFile {
    static final String FULL = "infera-impacts";
    static final String SHARD = "infera-impacts-shard";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Document(
            String format,
            String modelSha256,
            String poi,
            double poiBest,
            Double poiError,
            List<String> nuisances,
            List<Entry> impacts) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(
            String parameter,
            String constraint,
            double value,
            Double error,
            Double pull,
            Double constraintRatio,
            Double postfitUp,
            Double postfitDown,
            Double prefitUp,
            Double prefitDown,
            boolean converged) {
        static Entry of(Impacts.Row r) {
            return new Entry(
                    r.name(),
                    r.constraint(),
                    r.value(),
                    box(r.error()),
                    box(r.pull()),
                    box(r.constraintRatio()),
                    box(r.postfitUp()),
                    box(r.postfitDown()),
                    box(r.prefitUp()),
                    box(r.prefitDown()),
                    r.converged());
        }

        Impacts.Row row() {
            return new Impacts.Row(
                    parameter,
                    constraint,
                    value,
                    unbox(error),
                    unbox(pull),
                    unbox(constraintRatio),
                    unbox(postfitUp),
                    unbox(postfitDown),
                    unbox(prefitUp),
                    unbox(prefitDown),
                    converged);
        }
    }

    private ImpactsFile() {}

    static Document document(String format, String sha, PostFit fit, List<Impacts.Row> rows) {
        int poi = fit.model().poi();
        List<String> nuisances = new ArrayList<>();
        for (int i : fit.nuisances()) nuisances.add(fit.names().get(i));
        return new Document(
                format,
                sha,
                fit.model().poiName(),
                fit.best().values()[poi],
                box(fit.error(poi)),
                nuisances,
                rows.stream().map(Entry::of).toList());
    }

    static void write(Path file, Document d) throws IOException {
        Files.writeString(file, Json.MAPPER.writeValueAsString(d) + "\n");
    }

    static Document read(Path file) {
        Document d = StrictJson.read(
                file, Document.class, "an impacts shard (infera-fit impacts --nuisance ...)", ImpactsFile::error);
        if (!SHARD.equals(d.format()))
            throw error(file, "$.format", "is '" + d.format() + "', expected '" + SHARD + "'");
        if (d.nuisances() == null || d.impacts() == null || d.poi() == null || d.modelSha256() == null)
            throw error(file, "$", "lacks one of model_sha256, poi, nuisances, impacts");
        return d;
    }

    /** The shards' entries as one document in the nuisances' order; every nuisance exactly once. */
    static Document merge(List<Path> files) {
        Document first = null;
        Map<String, Entry> byName = new HashMap<>();
        for (Path f : files) {
            Document d = read(f);
            if (first == null) first = d;
            else if (!d.modelSha256().equals(first.modelSha256())
                    || !d.poi().equals(first.poi())
                    || Double.compare(d.poiBest(), first.poiBest()) != 0
                    || !d.nuisances().equals(first.nuisances())) {
                throw error(
                        f, "$", "comes from another workspace or best fit than " + files.get(0) + " (cannot merge)");
            }
            for (Entry e : d.impacts()) {
                if (!first.nuisances().contains(e.parameter()))
                    throw error(f, "$.impacts", "'" + e.parameter() + "' is not a nuisance of the workspace");
                if (byName.put(e.parameter(), e) != null)
                    throw error(f, "$.impacts", "nuisance '" + e.parameter() + "' is in more than one shard");
            }
        }
        List<String> missing =
                first.nuisances().stream().filter(n -> !byName.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new InputException.BadOption(
                    "SHARD",
                    "the shards lack " + missing.size() + " nuisance(s): "
                            + missing.subList(0, Math.min(10, missing.size())) + (missing.size() > 10 ? " ..." : ""));
        }
        List<Entry> ordered = first.nuisances().stream().map(byName::get).toList();
        return new Document(
                FULL, first.modelSha256(), first.poi(), first.poiBest(), first.poiError(), first.nuisances(), ordered);
    }

    static String csv(Document d) {
        StringBuilder s = new StringBuilder(
                "parameter,constraint,value,error,pull,constraint_ratio,postfit_up,postfit_down,prefit_up,prefit_down,"
                        + "converged\n");
        for (Entry e : d.impacts()) {
            Impacts.Row r = e.row();
            s.append(Tables.join(
                            r.name(),
                            r.constraint(),
                            r.value(),
                            r.error(),
                            r.pull(),
                            r.constraintRatio(),
                            r.postfitUp(),
                            r.postfitDown(),
                            r.prefitUp(),
                            r.prefitDown(),
                            r.converged()))
                    .append('\n');
        }
        return s.toString();
    }

    private static Double box(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double unbox(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static InputException error(Path file, String path, String problem) {
        return new InputException.FileProblem(file, path, problem);
    }
}
