package org.infera.train.pivot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infera.core.analysis.Analysis;

/**
 * pivot.json beside the model: λ and the schedule, the prior, and the validation figures of a fresh adversary
 * trained on the final classifier. Its loss at the no-information value (ratio 1) means that no function of the
 * classifier's output predicts the nuisances better than their prior mean: the output is a pivot.
 */
final class PivotReport {
    static final String FILE = "pivot.json";
    /** Epochs of the fresh adversary at least (more where pre-training had more). */
    static final int CHECK_EPOCHS = 5;

    private PivotReport() {}

    static void write(Path file, PivotObjective.Schedule schedule, NuisancePrior prior, ValidationFigures check)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lambda", schedule.lambda());
        root.put("pretrain_epochs", schedule.pretrain());
        root.put("adversary_steps", schedule.adversarySteps());
        root.put("adversary_hidden", schedule.adversaryHidden());
        root.put("adversary_activation", schedule.adversaryActivation());
        root.put("check_adversary_activation", PivotObjective.CHECK_ACTIVATION);
        Map<String, Object> nuisances = new LinkedHashMap<>();
        for (Analysis.Nuisance n : prior.nuisances()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("mean", n.nominal());
            p.put("sigma", NuisancePrior.sigma(n));
            p.put("truncation_sigmas", NuisancePrior.TRUNCATION);
            nuisances.put(n.name(), p);
        }
        root.put("prior", nuisances);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("classifier_loss", check.classifier());
        v.put("adversary_loss", check.adversary());
        v.put("no_information_loss", check.noInformation());
        v.put("adversary_over_no_information", check.adversary() / check.noInformation());
        v.put("gain", check.gain());
        v.put("gain_standard_error", check.gainError());
        Map<String, Object> correlation = new LinkedHashMap<>();
        for (int k = 0; k < prior.size(); k++)
            correlation.put(prior.nuisances().get(k).name(), check.correlation()[k]);
        v.put("correlation_with_nuisance", correlation);
        root.put("validation_fresh_adversary", v);
        Files.writeString(
                file,
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
    }
}
