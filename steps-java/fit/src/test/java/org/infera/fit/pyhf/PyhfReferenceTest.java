package org.infera.fit.pyhf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.infera.fit.FitCli;
import org.junit.jupiter.api.Test;

/**
 * infera-fit on the pyhf-format workspaces the default analysis publishes ({@code ./nextflow run main.nf}:
 * benchmark 0 of each statistic; the files are copied here from results/fit/workspaces/) reproduces the
 * numbers real pyhf gives on the same files, and the table's value for that statistic and benchmark.
 * Here: classifier_bm0.json and inferno_bm4_bm0.json (every pyhf file the default analysis writes), and a
 * workspace with a constrained yield as pyhf's lumi written from PyhfWorkspaceSchemaTest's templates.
 *
 * <p>pyhf 0.7.6.dev398+gb3dc4bb2 (scikit-hep/pyhf main at b3dc4bb2, run from its source with Debian's
 * python3 3.11, numpy 1.24.2, scipy 1.10.1), numpy backend, SLSQP at tolerance 1e-10 (pyhf's default
 * tolerance leaves about 1e-5 relative error in CLs), by hand:
 * <pre>
 * pyhf.set_backend("numpy", pyhf.optimize.scipy_optimizer(tolerance=1e-10))
 * ws = pyhf.Workspace(json.load(open(f))); model = ws.model(); data = ws.data(model)
 * pyhf.infer.hypotest(1.5, data, model, test_stat="qtilde", calctype="asymptotics", return_expected_set=True)
 * pyhf.infer.mle.fit(data, model, return_fitted_val=True)
 * pyhf.infer.intervals.upper_limits.toms748_scan(data, model, 0, 10, level=0.05, atol=1e-14, rtol=1e-12)
 * </pre>
 * σ of the POI from the Fisher information, 1/sqrt(Σ_b (∂ν_b/∂μ)²/ν_b) with ν from
 * {@code model.expected_actualdata} at the best fit and at μ̂ − 1 (ν is linear in μ), and the
 * profile interval where {@code -2 model.logpdf} is 1 above its minimum (scipy's brentq, xtol 1e-14;
 * only μ floats on benchmark 0). The table's values are results/fit/benchmarks.csv of that run.
 */
class PyhfReferenceTest {
    static final Path DIR = Path.of(System.getProperty("infera.repo", "../.."))
            .resolve("steps-java/fit/src/test/resources/pyhf-reference");
    static final double MU_TEST = 1.5;

    /** pyhf's numbers on one workspace, and the table's σ_fisher and width_profile (signal events) for it. */
    record Reference(
            String file,
            double clsObs,
            double[] clsExp,
            double muHat,
            double twiceNll,
            double sigmaPoiFisher,
            double lower,
            double upper,
            double limitObs,
            double[] limitExp,
            double tableSigma,
            double tableWidth) {}

    static final List<Reference> REFERENCES = List.of(
            // the default analysis (`./nextflow run main.nf`, seed 42, 5 replicas): classifier, benchmark 0; its table
            // row is
            // classifier,0,14.981274163349504,14.980756559645597 (README: 14.98 (14.98))
            new Reference(
                    "classifier_bm0.json",
                    0.05524751931478558,
                    new double[] {
                        4.2720410199364854e-11,
                        4.903524885079152e-09,
                        4.6929758462499615e-07,
                        3.1974850082620686e-05,
                        0.0012166403161099056
                    },
                    1.0,
                    62.776319694349915,
                    0.29962548326706906,
                    0.7089424042901901,
                    1.3081726666853646,
                    1.5159981642575584,
                    new double[] {
                        0.2741236124808644,
                        0.3728149125447725,
                        0.5275932045928113,
                        0.7536675521069595,
                        1.0418604692851299
                    },
                    14.981274163349504,
                    14.980756559645597),
            // the default analysis: INFERNO trained on benchmark 4, benchmark 0; its table row is
            // inferno_bm4,0,15.27840761105657,15.275634912609725 (README: 15.28 (15.28))
            new Reference(
                    "inferno_bm4_bm0.json",
                    0.05924655928134767,
                    new double[] {
                        8.117160738178267e-11,
                        8.531103551235491e-09,
                        7.48085047474724e-07,
                        4.6746769033875375e-05,
                        0.0016340569078681535
                    },
                    0.9999999993141354,
                    59.072241726105624,
                    0.3055681521891101,
                    0.7039652593288553,
                    1.3149906558454325,
                    1.5280971876526843,
                    new double[] {
                        0.27489230781705476,
                        0.3748504428936965,
                        0.5323045722666334,
                        0.7634065532072951,
                        1.0593614192686485
                    },
                    15.27840761105657,
                    15.275634912609725),
            // written by `infera-fit benchmarks` from PyhfWorkspaceSchemaTest's templates, benchmark 1 (a constrained
            // background yield, pyhf's lumi): its table row is classifier,1,13.8609671403048,13.862464344759577
            new Reference(
                    "test-templates_bm1_lumi.json",
                    0.0442312801845323,
                    new double[] {
                        2.0512109372976807e-12,
                        3.5246278308408234e-10,
                        5.036597993396158e-08,
                        5.102834979257813e-06,
                        0.0002868040280767025
                    },
                    1.0000000178773334,
                    33.51242552462697,
                    0.2772193437250025,
                    0.7322565046006675,
                    1.2867550784074813,
                    1.481842361501801,
                    new double[] {
                        0.24075971889736875,
                        0.32853001347934385,
                        0.46727198668393666,
                        0.6721688393831831,
                        0.9368853766101973
                    },
                    13.8609671403048,
                    13.862464344759577));

    @Test
    void inferaFitReproducesPyhfAndTheTable() {
        assertFalse(REFERENCES.isEmpty());
        for (Reference r : REFERENCES) {
            String ws = DIR.resolve(r.file()).toString();
            FitCli.Result h = FitCli.run("hypotest", "--workspace", ws, "--poi-value", String.valueOf(MU_TEST));
            assertEquals(0, h.code(), h.err());
            close(r.clsObs(), h.json().get("cls_obs").asDouble(), 1e-6, r.file() + " cls_obs");
            for (int i = 0; i < 5; i++)
                close(r.clsExp()[i], h.json().get("cls_exp").get(i).asDouble(), 1e-6, r.file() + " cls_exp " + i);

            FitCli.Result f = FitCli.run("fit", "--workspace", ws);
            assertEquals(0, f.code(), f.err());
            JsonNode mu = poi(f.json());
            close(r.muHat(), mu.get("value").asDouble(), 1e-6, r.file() + " mu hat");
            close(r.twiceNll(), f.json().get("twice_nll").asDouble(), 1e-9, r.file() + " twice_nll");
            close(
                    r.sigmaPoiFisher(),
                    f.json().get("sigma_poi_fisher").asDouble(),
                    1e-6,
                    r.file() + " sigma_poi_fisher");

            double width = 3 * r.sigmaPoiFisher();
            FitCli.Result s = FitCli.run(
                    "scan",
                    "--workspace",
                    ws,
                    "--range",
                    Math.max(0, r.muHat() - width) + ":" + (r.muHat() + width) + ":5");
            assertEquals(0, s.code(), s.err());
            close(r.lower(), s.json().get("interval_68").get("lower").asDouble(), 1e-6, r.file() + " interval lower");
            close(r.upper(), s.json().get("interval_68").get("upper").asDouble(), 1e-6, r.file() + " interval upper");

            FitCli.Result l = FitCli.run("upper-limit", "--workspace", ws);
            assertEquals(0, l.code(), l.err());
            close(r.limitObs(), l.json().get("obs").asDouble(), 1e-6, r.file() + " observed limit");
            for (int i = 0; i < 5; i++)
                close(r.limitExp()[i], l.json().get("exp").get(i).asDouble(), 1e-6, r.file() + " expected limit " + i);

            // the table's numbers for this statistic on benchmark 0, in signal events
            double yield = signalYield(ws);
            close(r.tableSigma(), r.sigmaPoiFisher() * yield, 1e-6, r.file() + " table sigma_fisher");
            close(r.tableWidth(), (r.upper() - r.lower()) / 2 * yield, 1e-6, r.file() + " table width_profile");
        }
        System.out.printf("PyhfReferenceTest: largest relative difference %.2g (%s)%n", worst, worstWhat);
    }

    private static JsonNode poi(JsonNode fit) {
        for (JsonNode p : fit.get("parameters"))
            if (p.get("name").asText().equals(fit.get("poi").asText())) return p;
        throw new AssertionError("no POI in " + fit);
    }

    private static double signalYield(String ws) {
        try {
            JsonNode root = new ObjectMapper().readTree(Path.of(ws).toFile());
            for (JsonNode s : root.get("channels").get(0).get("samples")) {
                for (JsonNode m : s.get("modifiers")) {
                    if (m.get("name").asText().equals("mu")) {
                        double sum = 0;
                        for (JsonNode v : s.get("data")) sum += v.asDouble();
                        return sum;
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no signal sample in " + ws);
    }

    private static double worst;
    private static String worstWhat = "";

    private static void close(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(Math.abs(expected), 1e-300), what);
        double d = Math.abs(actual - expected) / Math.abs(expected);
        if (d > worst) {
            worst = d;
            worstWhat = what;
        }
    }
}
