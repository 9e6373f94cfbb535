import groovy.json.JsonSlurper

/**
 * The pipeline's parameters as nextflow_schema.json (the nf-core schema format) defines them: the one
 * source of truth for names, types, allowed values, defaults and help. Validates a run's params before
 * any task starts and prints --help from the same file. Implements the subset of JSON Schema the file
 * uses (type, enum, pattern, minimum, maximum, exclusiveMinimum), since the nf-schema plugin cannot be
 * downloaded everywhere the pipeline runs.
 */
class ParamsSchema {
    final Map<String, Map> groups = [:]          // group title → {description, properties}
    final Map<String, Map> properties = [:]      // parameter → its schema

    ParamsSchema(File file) {
        Map schema = new JsonSlurper().parse(file) as Map
        (schema['$defs'] as Map).each { String id, Map group ->
            groups[group.title as String] = group
            (group.properties as Map).each { String name, Map spec -> properties[name] = spec }
        }
    }

    /** Every problem with these params, one line each naming the parameter (empty: all is well). */
    List<String> problems(Map params) {
        List<String> out = []
        params.each { key, value ->
            String name = key as String
            if (properties.containsKey(name)) {
                String p = problem(name, value, properties[name])
                if (p) out << p
            } else if (!isTwin(name, params)) {
                out << unknown(name)
            }
        }
        return out
    }

    /** Nextflow adds a camelCase twin of a kebab-case command-line parameter; report only the kebab-case one. */
    private boolean isTwin(String name, Map params) {
        return params.keySet().any { String other -> other.contains('-') && camel(other) == name && other != name }
    }

    private static String camel(String kebab) {
        return kebab.replaceAll(/-([a-z0-9])/) { all, c -> c.toUpperCase() }
    }

    private String unknown(String name) {
        String snake = name.replace('-', '_').replaceAll(/([a-z0-9])([A-Z])/, '$1_$2').toLowerCase()
        if (properties.containsKey(snake)) return "--${name}: unknown parameter; infera's parameters are snake_case: did you mean --${snake}?"
        String best = properties.keySet().min { distance(snake, it) }
        String hint = distance(snake, best) <= Math.max(2, (int) (snake.length() / 3)) ? " Did you mean --${best}?" : ''
        return "--${name}: unknown parameter.${hint} (--help lists them all)"
    }

    private static String problem(String name, Object value, Map spec) {
        List types = spec.type instanceof List ? spec.type as List : [spec.type]
        if (value == null) return types.contains('null') ? null : "--${name}: a value is required (${describe(spec)})"
        String type = types.find { matches(it as String, value) }
        if (type == null) return "--${name}: expected ${types.findAll { it != 'null' }.join(' or ')}, got '${value}' (${describe(spec)})"
        if (spec.enum && !(spec.enum as List).contains(value)) return "--${name}: '${value}' is not one of ${(spec.enum as List).join(', ')}"
        if (spec.pattern && value instanceof CharSequence && !(value ==~ (spec.pattern as String))) {
            return "--${name}: '${value}' is malformed: ${spec.description}"
        }
        if (value instanceof Number) {
            BigDecimal v = value as BigDecimal
            if (spec.minimum != null && v < (spec.minimum as BigDecimal)) return "--${name}: ${value} is below the minimum ${spec.minimum}"
            if (spec.maximum != null && v > (spec.maximum as BigDecimal)) return "--${name}: ${value} is above the maximum ${spec.maximum}"
            if (spec.exclusiveMinimum != null && v <= (spec.exclusiveMinimum as BigDecimal)) return "--${name}: ${value} must be greater than ${spec.exclusiveMinimum}"
        }
        return null
    }

    private static boolean matches(String type, Object value) {
        switch (type) {
            case 'string': return value instanceof CharSequence
            case 'integer': return value instanceof Integer || value instanceof Long || value instanceof BigInteger
            case 'number': return value instanceof Number && !(value instanceof Double && (((Double) value).isNaN() || ((Double) value).isInfinite()))
            case 'boolean': return value instanceof Boolean
            case 'null': return value == null
            default: return false
        }
    }

    private static String describe(Map spec) {
        if (spec.enum) return "one of ${(spec.enum as List).join(', ')}"
        return "default ${spec.default}"
    }

    private static int distance(String a, String b) {
        int[] previous = (0..b.length()) as int[]
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1]
            current[0] = i
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.length()]
    }

    /** The parameters, grouped, with their defaults; or one parameter in full. */
    String help(Object which) {
        StringBuilder out = new StringBuilder()
        if (which instanceof CharSequence && which) {
            String name = (which as String).replaceFirst(/^--/, '')
            Map spec = properties[name]
            if (spec == null) return unknown(name)
            out << "--${name}\n    ${spec.description}\n"
            if (spec.help_text) out << "    ${spec.help_text}\n"
            out << "    type: ${spec.type instanceof List ? (spec.type as List).join(' or ') : spec.type}; default: ${spec.default}\n"
            if (spec.enum) out << "    allowed: ${(spec.enum as List).join(', ')}\n"
            if (spec.pattern) out << "    pattern: ${spec.pattern}\n"
            if (spec.minimum != null) out << "    minimum: ${spec.minimum}\n"
            if (spec.exclusiveMinimum != null) out << "    greater than: ${spec.exclusiveMinimum}\n"
            if (spec.maximum != null) out << "    maximum: ${spec.maximum}\n"
            return out.toString()
        }
        out << "Usage: ./nextflow run main.nf [-profile test|docker|podman|singularity|slurm|gpu] [-params-file params/<analysis>.yaml] [--PARAM VALUE ...] [-resume]\n"
        out << "       ./nextflow run main.nf --help PARAM   (one parameter in full)\n"
        groups.each { String title, Map group ->
            out << "\n${title}: ${group.description}\n"
            (group.properties as Map).each { String name, Map spec ->
                String allowed = spec.enum ? " [${(spec.enum as List).join('|')}]" : ''
                out << String.format("  --%-24s %s%s (default: %s)%n", name, spec.description, allowed, spec.default)
            }
        }
        return out.toString()
    }
}
