import groovy.json.JsonOutput
import java.nio.file.Files
import java.nio.file.Path

/**
 * results/params.json (every parameter of the run) and results/README.md (what the run was and each
 * file it published): no timestamps and no absolute paths of the project, so results stay byte-identical
 * between runs; the timestamped reports are in pipeline_info/.
 */
class ResultsReadme {
    static void write(Map params, Path out, Path projectDir, Path launchDir, String profile) {
        def relative = { v ->
            v instanceof CharSequence ? v.toString().replace("${projectDir}/", '').replace("${launchDir}/", '') : v
        }
        def shown = new TreeMap(params.findAll { k, v -> !k.contains('-') && !(k ==~ /.*[A-Z].*/) && k != 'help' }
            .collectEntries { k, v -> [k, relative(v)] })
        out.resolve('params.json').text = JsonOutput.prettyPrint(JsonOutput.toJson(shown)) + '\n'
        def coverage = out.resolve('fit/coverage/coverage.md')
        out.resolve('README.md').text = readme(params, published(out), profile.tokenize(',').contains('test'),
            (params.coverage ?: 0) as int > 0 && Files.isRegularFile(coverage) ? coverage.text : null)
    }

    /** The published files, relative to the results directory, without the run reports and these two files. */
    static List<String> published(Path out) {
        List<String> files = []
        Files.walk(out).withCloseable { all ->
            all.filter { Files.isRegularFile(it) }.forEach { f ->
                String name = out.relativize(f).toString()
                if (!name.startsWith('pipeline_info/') && !(name in ['README.md', 'params.json'])) files << name
            }
        }
        return files.sort()
    }

    static String readme(Map params, List<String> files, boolean tiny, String coverage = null) {
        boolean score = params.method == 'sally'
        def text = new StringBuilder()
        text << "# infera results\n\n"
        text << "Method `${params.method}`" +
            (score ? ", θ = `${params.theta}`" : ", statistics `${params.statistics}`") +
            ", ${params.events_files ? 'external events' : "${params.events} simulated events per process"}" +
            ", ${params.replicas} replica(s)" +
            ((params.ensemble ?: 1) as int > 1 ? " of ${params.ensemble} trainings each (an ensemble)" : '') +
            ", seed ${params.seed}. " +
            "Every parameter is in `params.json`; `-params-file params.json` runs the same analysis again.\n\n"
        if (tiny) {
            text << "**This is the test profile: tiny data and short trainings, a check that the pipeline runs, " +
                "not a physics result.** INFERNO in particular is undertrained here and does worse than the " +
                "classifier; the default analysis reproduces the paper's table.\n\n"
        }
        text << "Summary: `" + (score ? 'sally/summary/summary.md' : 'fit/benchmarks.md') +
            "`. Run reports, trace and versions: `pipeline_info/`.\n\n"
        if (files.any { it.startsWith('diagnostics/') }) {
            text << "Fit diagnostics of every statistic on every benchmark, each on one pseudo-dataset of its model " +
                "(pulls, impacts and their ranking, correlations, pre-/post-fit yields, goodness of fit, a 2-D " +
                "scan): `diagnostics/<statistic>/bm<k>/`, `summary.json` in each.\n\n"
        }
        if (coverage) {
            // --coverage: the coverage table (σ_Fisher beside each cell's coverage) and its global χ²
            text << "## Coverage (`fit/coverage/`)\n\n"
            text << coverage.readLines().findAll { it.startsWith('|') || it.startsWith('- ') }.join('\n') << "\n\n"
        }
        text << "## Files\n\n"
        files.groupBy { it.contains('/') ? it.substring(0, it.indexOf('/')) : '.' }.each { dir, names ->
            def shown = names.collect { "`${it.substring(dir == '.' ? 0 : dir.length() + 1)}`" }
            text << "- `${dir}/`: ${names.size()} file(s)" + (names.size() <= 12 ? ': ' + shown.join(', ') : '') + "\n"
        }
        return text.toString()
    }
}
