package org.infera.nn.statistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one list of the statistics infera trains. For each: the train sub-command that makes it (its name),
 * its family (how the shift step applies its network and how the fit step treats what shift wrote), whether
 * it is trained for one benchmark of the analysis (pipeline name {@code <kind>_bm<k>}), its trainer's own
 * defaults of the options every trainer has (standalone use), and the pipeline parameter behind each of its
 * training options. The pipeline reads this list from conf/statistics.json,
 * which a test keeps equal to it; adding a statistic is a line here and its trainer's package.
 */
public enum StatisticKind {
    CLASSIFIER(
            "classifier",
            Family.BINNED,
            false,
            options(
                    "--hidden",
                    "100,100",
                    "--activation",
                    "relu",
                    "--epochs",
                    "50",
                    "--batch-size",
                    "256",
                    "--patience",
                    "5"),
            options(
                    "--epochs",
                    "epochs",
                    "--batch-size",
                    "batch_size",
                    "--learning-rate",
                    "learning_rate",
                    "--patience",
                    "patience",
                    "--hidden",
                    "hidden")),
    INFERNO(
            "inferno",
            Family.BINNED,
            true,
            options(
                    "--hidden",
                    "100,100",
                    "--activation",
                    "relu",
                    "--epochs",
                    "100",
                    "--batch-size",
                    "1000",
                    "--patience",
                    "10",
                    "--bins",
                    "10",
                    "--temperature",
                    "0.1"),
            options(
                    "--epochs",
                    "inferno_epochs",
                    "--batch-size",
                    "inferno_batch_size",
                    "--learning-rate",
                    "inferno_learning_rate",
                    "--learning-rate-decay",
                    "inferno_learning_rate_decay",
                    "--patience",
                    "inferno_patience",
                    "--hidden",
                    "hidden",
                    "--bins",
                    "bins",
                    "--temperature",
                    "inferno_temperature")),
    NEOS(
            "neos",
            Family.BINNED,
            true,
            options(
                    "--hidden",
                    "100,100",
                    "--activation",
                    "relu",
                    "--epochs",
                    "20",
                    "--batch-size",
                    "500",
                    "--patience",
                    "10",
                    "--bins",
                    "4",
                    "--temperature",
                    "0.1"),
            options(
                    "--objective",
                    "neos_objective",
                    "--mu",
                    "neos_mu",
                    "--epochs",
                    "neos_epochs",
                    "--batch-size",
                    "neos_batch_size",
                    "--learning-rate",
                    "neos_learning_rate",
                    "--patience",
                    "neos_patience",
                    "--hidden",
                    "hidden",
                    "--bins",
                    "bins",
                    "--temperature",
                    "neos_temperature",
                    "--histogram",
                    "neos_histogram",
                    "--bandwidth",
                    "neos_bandwidth")),
    /** The classifier made insensitive to the nuisances by an adversary (Louppe, Kagan & Cranmer 2017). */
    PIVOT(
            "pivot",
            Family.BINNED,
            false,
            true,
            options(
                    "--hidden",
                    "100,100",
                    "--activation",
                    "relu",
                    "--epochs",
                    "6",
                    "--batch-size",
                    "256",
                    "--patience",
                    "5"),
            options(
                    "--epochs",
                    "pivot_epochs",
                    "--batch-size",
                    "batch_size",
                    "--learning-rate",
                    "learning_rate",
                    "--patience",
                    "patience",
                    "--hidden",
                    "hidden",
                    "--lambda",
                    "pivot_lambda",
                    "--pretrain-epochs",
                    "pivot_pretrain_epochs",
                    "--adversary-steps",
                    "pivot_adversary_steps",
                    "--adversary-activation",
                    "pivot_adversary_activation")),
    SALLY(
            "sally",
            Family.SCORE,
            false,
            options(
                    "--hidden",
                    "100",
                    "--activation",
                    "tanh", // MadMiner's SALLY network
                    "--epochs",
                    "50",
                    "--batch-size",
                    "128",
                    "--patience",
                    "10"),
            options(
                    "--epochs",
                    "sally_epochs",
                    "--batch-size",
                    "sally_batch_size",
                    "--patience",
                    "sally_patience",
                    "--hidden",
                    "sally_hidden")),
    RATIO(
            "ratio",
            Family.RATIO,
            false,
            options(
                    "--hidden",
                    "100",
                    "--activation",
                    "tanh", // MadMiner's parameterised ratio network
                    "--epochs",
                    "50",
                    "--batch-size",
                    "128",
                    "--patience",
                    "10"),
            options(
                    "--loss",
                    "ratio_loss",
                    "--epochs",
                    "ratio_epochs",
                    "--batch-size",
                    "ratio_batch_size",
                    "--hidden",
                    "ratio_hidden"));

    /** How a statistic is used after training. */
    public enum Family {
        /** Binned templates, nominal and shifted, fitted by a binned profile likelihood (workflow binned). */
        BINNED,
        /** The estimated score of each event, for Fisher information and limits on θ (workflow score). */
        SCORE,
        /**
         * A likelihood-ratio estimator log r̂(x | θ, θ1) parameterised in θ (CARL, ROLR, RASCAL, ALICES): evaluated by
         * the train step's own report; no workflow applies it yet.
         */
        RATIO
    }

    private static final Pattern PER_BENCHMARK = Pattern.compile("([a-z]+)_bm(\\d+)");

    private final String id;
    private final Family family;
    private final boolean perBenchmark;
    private final boolean readsAnalysis;
    private final Map<String, String> trainerDefaults;
    private final Map<String, String> pipelineOptions;

    StatisticKind(
            String id,
            Family family,
            boolean perBenchmark,
            Map<String, String> trainerDefaults,
            Map<String, String> pipelineOptions) {
        this(id, family, perBenchmark, perBenchmark, trainerDefaults, pipelineOptions);
    }

    StatisticKind(
            String id,
            Family family,
            boolean perBenchmark,
            boolean readsAnalysis,
            Map<String, String> trainerDefaults,
            Map<String, String> pipelineOptions) {
        this.id = id;
        this.family = family;
        this.perBenchmark = perBenchmark;
        this.readsAnalysis = readsAnalysis;
        this.trainerDefaults = trainerDefaults;
        this.pipelineOptions = pipelineOptions;
    }

    /** The trainer's defaults of the options whose sensible value depends on the kind (epochs, batch size, …). */
    public Map<String, String> trainerDefaults() {
        return trainerDefaults;
    }

    /** The kind's name: the train sub-command, model.json's kind. */
    public String id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public boolean perBenchmark() {
        return perBenchmark;
    }

    /**
     * Whether K trainings of the kind can be combined by their mean prediction (an ensemble): only where an
     * output means the same thing in every training (a probability, a score). A soft histogram's bins are
     * labelled arbitrarily by each training, so INFERNO's and neos's outputs are not averaged; their spread
     * over replicas is the measure. Every kind must answer (no default), so a new one decides.
     */
    public boolean averagedOverTrainings() {
        return switch (this) {
            case CLASSIFIER, SALLY, RATIO -> true;
                // the pivot's probability could be averaged as the classifier's is, but the shift step does not yet
            case INFERNO, NEOS, PIVOT -> false;
        };
    }

    /**
     * Whether its trainer reads the analysis ({@code --analysis}): every per-benchmark kind, and the pivot, whose
     * events are shifted by the analysis's nuisances.
     */
    public boolean readsAnalysis() {
        return readsAnalysis;
    }

    /** Each training option (in the order they are passed) and the pipeline parameter it takes its value from. */
    public Map<String, String> pipelineOptions() {
        return pipelineOptions;
    }

    public static Optional<StatisticKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(StatisticKind::id).toList();
    }

    /** The kind and benchmark of a pipeline statistic name ({@code classifier}, {@code inferno_bm4}), if it is one. */
    public static Optional<Named> parse(String name) {
        Matcher m = PER_BENCHMARK.matcher(name);
        if (m.matches()) {
            return of(m.group(1))
                    .filter(StatisticKind::perBenchmark)
                    .map(k -> new Named(k, Integer.parseInt(m.group(2))));
        }
        return of(name).filter(k -> !k.perBenchmark).map(k -> new Named(k, null));
    }

    /** A statistic as the pipeline names it: a kind, with the benchmark it is trained for where it has one. */
    public record Named(StatisticKind kind, Integer benchmark) {}

    /** The regular expression of one pipeline statistic name of the given family. */
    public static String namePattern(Family family) {
        return Arrays.stream(values())
                .filter(k -> k.family == family)
                .map(k -> k.perBenchmark ? k.id + "_bm\\d+" : k.id)
                .collect(Collectors.joining("|"));
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }
}
