import groovy.json.JsonSlurper

/**
 * Checks --statistics of the binned method beyond what nextflow_schema.json can say: each statistic is one of
 * the registry's binned statistics (lib/Statistics), its benchmark k one of the analysis definition, and with
 * --ensemble K > 1 one whose trainings can be averaged.
 */
class StatisticsParam {

    /** Every problem with params.statistics, one line each (empty: all is well). */
    static List<String> problems(Map params, File projectDir) {
        if (params.method != 'binned' || !(params.statistics instanceof CharSequence)
                || !(params.analysis instanceof CharSequence)) return []
        File f = new File(params.analysis as String)
        if (!f.exists()) f = new File(projectDir, params.analysis as String)
        if (!f.exists()) return ["--analysis: no such file: ${params.analysis}".toString()]
        int benchmarks = ((new JsonSlurper().parse(f) as Map).benchmarks ?: []).size()
        List<String> statistics = (params.statistics as String).tokenize(',')*.trim()
        List<String> known = Statistics.names('binned', projectDir)
        List<String> misspelt = statistics.findAll { Statistics.parse(it, 'binned', projectDir) == null }.collect { s ->
            String nearest = known.min { k -> levenshtein(s, k.replace('<k>', '0')) }
            "--statistics: '${s}' is no statistic (${known.join(', ')})" +
                (levenshtein(s, nearest.replace('<k>', '0')) <= 3 ? "; did you mean '${nearest}'?" : '')
        }
        List<String> outOfRange = statistics.findAll { benchmark(it) != null && benchmark(it) >= benchmarks }.collect {
            "--statistics: '${it}' names benchmark ${benchmark(it)}, but ${f.name} has benchmarks 0..${benchmarks - 1}"
        }
        int members = params.ensemble instanceof Integer ? params.ensemble as int : 1
        List<String> notAveraged = members <= 1 ? [] : statistics.findAll {
            Map s = Statistics.parse(it, 'binned', projectDir)
            s != null && !Statistics.ensemble(s.kind as String, projectDir)
        }.collect {
            "--ensemble ${members}: '${it}' cannot be averaged over trainings (each training labels its " +
                "soft-histogram bins arbitrarily; the spread over --replicas measures its training): use " +
                "--ensemble 1, or leave it out of --statistics"
        }
        return (misspelt + outOfRange + notAveraged)*.toString()
    }

    /** k of inferno_bm<k> or neos_bm<k> (null for a statistic without a benchmark). */
    static Integer benchmark(String statistic) {
        def m = statistic =~ /_bm(\d+)$/
        return m.find() ? (m.group(1) as int) : null
    }

    /** Edit distance, for "did you mean". */
    static int levenshtein(String a, String b) {
        List<Integer> d = (0..b.length()).collect { it }
        for (int i = 1; i <= a.length(); i++) {
            List<Integer> next = [i]
            for (int j = 1; j <= b.length(); j++) {
                next << [next[j - 1] + 1, d[j] + 1, d[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)].min()
            }
            d = next
        }
        return d[b.length()]
    }
}
