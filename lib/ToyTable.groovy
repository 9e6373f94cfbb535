import groovy.json.JsonSlurper
import java.nio.file.Path

/**
 * toys/limits_toys.csv: one row per exported workspace, the toy-based CLs upper limits (observed and expected
 * −2σ…+2σ) with their Monte Carlo errors beside the asymptotic ones of the same workspace. An empty cell is a
 * limit that was not found (the JSON files say why).
 */
class ToyTable {
    static final String HEADER = 'workspace,toys,obs_toys,obs_toys_mc_error,' +
        (['minus2', 'minus1', 'median', 'plus1', 'plus2'].collect { "exp_${it}_toys,exp_${it}_toys_mc_error" }.join(',')) +
        ',obs_asymptotic,' + (['minus2', 'minus1', 'median', 'plus1', 'plus2'].collect { "exp_${it}_asymptotic" }.join(','))

    static String row(String id, Path toys, Path asymptotic) {
        def t = new JsonSlurper().parse(toys.toFile())
        def a = new JsonSlurper().parse(asymptotic.toFile())
        def cell = { v -> v == null ? '' : v.toString() }
        List<String> cells = [id, cell(t.toys), cell(t.obs), cell(t.obs_mc_error)]
        (0..<5).each { k -> cells << cell(t.exp[k]) << cell(t.exp_mc_error[k]) }
        cells << cell(a.obs)
        (0..<5).each { k -> cells << cell(a.exp[k]) }
        return cells.join(',')
    }
}
