import groovy.json.JsonSlurper

/**
 * The registry of statistics as the pipeline reads it: conf/statistics.json, written from the Java registry
 * (org.infera.nn.statistics.StatisticKind; a test keeps the two equal). Which statistics exist, how the pipeline
 * names them (classifier, inferno_bm<k>) and which parameter feeds each training option: adding a statistic
 * changes no Groovy file.
 */
class Statistics {
    private static Map<String, Map> registry

    static synchronized Map<String, Map> registry(File projectDir) {
        if (registry == null) registry = new JsonSlurper().parse(new File(projectDir, 'conf/statistics.json')) as Map
        return registry
    }

    /** [statistic:, kind:, benchmark:] of a pipeline statistic name of the family, or null if it names none. */
    static Map parse(String name, String family, File projectDir) {
        def m = name =~ /^([a-z]+)_bm(\d+)$/
        String kind = m.matches() ? m.group(1) : name
        Map entry = registry(projectDir)[kind] as Map
        if (entry == null || entry.family != family || entry.per_benchmark != m.matches()) return null
        return m.matches() ? [statistic: name, kind: kind, benchmark: m.group(2) as int] : [statistic: name, kind: kind]
    }

    /** The names a user may write for the family, a benchmark shown as <k>: for "did you mean". */
    static List<String> names(String family, File projectDir) {
        return registry(projectDir).findAll { k, v -> v.family == family }
            .collect { k, v -> v.per_benchmark ? "${k}_bm<k>".toString() : k }
    }

    /** The kind's training options with their values from the pipeline's parameters, in the registry's order. */
    static String trainArgs(String kind, Map params, File projectDir) {
        Map options = registry(projectDir)[kind].options as Map
        return options.collect { option, parameter -> "${option} ${params[parameter]}" }.join(' ')
    }

    /** Whether K trainings of the kind can be combined by their mean prediction (--ensemble K > 1). */
    static boolean ensemble(String kind, File projectDir) {
        return registry(projectDir)[kind].ensemble
    }

    /** Whether statistics of the kind are trained for one benchmark (they take --analysis and --benchmark). */
    static boolean perBenchmark(String kind, File projectDir) {
        return registry(projectDir)[kind].per_benchmark
    }

    /** Whether the kind's trainer reads the analysis (--analysis): the per-benchmark kinds and the pivot. */
    static boolean readsAnalysis(String kind, File projectDir) {
        return registry(projectDir)[kind].reads_analysis
    }
}
