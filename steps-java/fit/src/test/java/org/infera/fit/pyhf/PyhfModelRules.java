package org.infera.fit.pyhf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What pyhf's model builder checks beyond its JSON schema, stated on the JSON tree independently of
 * infera's ModelBuilder (so that the schema test does not check infera with infera). The rules follow
 * pyhf 0.7.6 (main at b3dc4bb2): each modifier type's parameter-set requirements
 * ({@code required_parset}: kind, number of parameters, which settings exist), their reduction
 * ({@code reduce_paramsets_requirements}: one name, one requirement; a setting only where the set has
 * it; as many values as parameters), the duplicate checks of the model config, the POI check, and that
 * a lumi parameter needs inits, bounds, auxdata and sigmas (pyhf has no defaults). Every violation is
 * reported with the JSON path of the element.
 */
public final class PyhfModelRules {
    private PyhfModelRules() {}

    /** A parameter set as a modifier type asks for it: kind and size must agree wherever the name is used. */
    private record Requirement(String kind, int size, String channel, String sample, Set<String> settings) {}

    private static final Set<String> NORMFACTOR = Set.of("inits", "bounds", "fixed");
    private static final Set<String> ALPHA = Set.of("inits", "bounds", "fixed", "auxdata");
    private static final Set<String> NORMAL = Set.of("inits", "bounds", "fixed", "auxdata", "sigmas");
    private static final Set<String> POISSON = Set.of("inits", "bounds", "fixed", "auxdata", "factors");

    /**
     * The violations of the model-builder rules, each "JSON path: what is wrong"; empty when pyhf builds every
     * measurement's model.
     */
    public static List<String> violations(JsonNode ws) {
        List<String> out = new ArrayList<>();
        Map<String, Requirement> sets = new HashMap<>();
        Map<String, String> firstPath = new HashMap<>();
        Map<String, Integer> bins = new HashMap<>();
        Set<String> channels = new HashSet<>();
        JsonNode chans = ws.path("channels");
        for (int c = 0; c < chans.size(); c++) {
            JsonNode ch = chans.get(c);
            String cpath = "$.channels[" + c + "]";
            String cname = ch.path("name").asText();
            if (!channels.add(cname)) out.add(cpath + ".name: duplicate channel '" + cname + "'");
            Set<String> samples = new HashSet<>();
            JsonNode samps = ch.path("samples");
            int n = samps.size() == 0 ? 0 : samps.get(0).path("data").size();
            bins.put(cname, n);
            for (int s = 0; s < samps.size(); s++) {
                JsonNode sample = samps.get(s);
                String spath = cpath + ".samples[" + s + "]";
                String sname = sample.path("name").asText();
                if (!samples.add(sname))
                    out.add(spath + ".name: duplicate sample '" + sname + "' in channel '" + cname + "'");
                if (sample.path("data").size() != n)
                    out.add(spath + ".data: " + sample.path("data").size() + " bins, the channel has " + n);
                Set<String> keys = new HashSet<>();
                JsonNode mods = sample.path("modifiers");
                for (int m = 0; m < mods.size(); m++) {
                    JsonNode mod = mods.get(m);
                    String mpath = spath + ".modifiers[" + m + "]";
                    String name = mod.path("name").asText(),
                            type = mod.path("type").asText();
                    if (!keys.add(type + "/" + name))
                        out.add(mpath + ": modifier " + type + "/" + name + " twice on one sample");
                    Requirement r = requirement(type, n, cname, sname);
                    if (r == null) {
                        out.add(mpath + ".type: unknown modifier type '" + type + "'");
                        continue;
                    }
                    lengths(mod, type, n, mpath, out);
                    Requirement before = sets.putIfAbsent(name, r);
                    if (before == null) {
                        firstPath.put(name, mpath);
                    } else if (!before.kind().equals(r.kind()) || before.size() != r.size()) {
                        out.add(mpath + ": name '" + name + "' reused for another parameter set (" + r.kind() + " of "
                                + r.size() + ", first " + before.kind() + " of " + before.size() + " at "
                                + firstPath.get(name) + ")");
                    } else if (r.kind().equals("shapesys")) {
                        out.add(mpath + ": shapesys '" + name + "' is also at " + firstPath.get(name)
                                + " (a shapesys name is not shared)");
                    } else if (r.kind().equals("staterror") && !before.channel().equals(cname)) {
                        out.add(mpath + ": staterror '" + name + "' is also in channel '" + before.channel() + "'");
                    }
                }
            }
        }
        JsonNode obs = ws.path("observations");
        for (int o = 0; o < obs.size(); o++) {
            String name = obs.get(o).path("name").asText();
            Integer n = bins.get(name);
            if (n != null && obs.get(o).path("data").size() != n) {
                out.add("$.observations[" + o + "].data: "
                        + obs.get(o).path("data").size() + " counts, channel '" + name + "' has " + n + " bins");
            }
        }
        for (String c : channels) {
            boolean found = false;
            for (JsonNode o : obs) found |= o.path("name").asText().equals(c);
            if (!found) out.add("$.observations: no observation of channel '" + c + "'");
        }
        JsonNode measurements = ws.path("measurements");
        for (int i = 0; i < measurements.size(); i++)
            measurement(measurements.get(i), "$.measurements[" + i + "]", sets, out);
        return out;
    }

    private static Requirement requirement(String type, int bins, String channel, String sample) {
        return switch (type) {
            case "normfactor" -> new Requirement("normfactor", 1, channel, sample, NORMFACTOR);
            case "shapefactor" -> new Requirement("shapefactor", bins, channel, sample, NORMFACTOR);
            case "normsys", "histosys" -> new Requirement("alpha (normsys/histosys)", 1, channel, sample, ALPHA);
            case "lumi" -> new Requirement("lumi", 1, channel, sample, NORMAL);
            case "staterror" -> new Requirement("staterror", bins, channel, sample, NORMAL);
            case "shapesys" -> new Requirement("shapesys", bins, channel, sample, POISSON);
            default -> null;
        };
    }

    private static void lengths(JsonNode mod, String type, int bins, String path, List<String> out) {
        JsonNode data = mod.path("data");
        if (type.equals("histosys")) {
            for (String f : List.of("hi_data", "lo_data")) {
                if (data.path(f).size() != bins)
                    out.add(path + ".data." + f + ": " + data.path(f).size() + " values for " + bins + " bins");
            }
        } else if ((type.equals("shapesys") || type.equals("staterror")) && data.size() != bins) {
            out.add(path + ".data: " + data.size() + " values for " + bins + " bins");
        }
    }

    private static void measurement(JsonNode m, String path, Map<String, Requirement> sets, List<String> out) {
        JsonNode config = m.path("config");
        String poi = config.path("poi").asText();
        Requirement p = sets.get(poi);
        if (p == null) out.add(path + ".config.poi: '" + poi + "' is no parameter of the model");
        else if (p.size() != 1)
            out.add(path + ".config.poi: '" + poi + "' has " + p.size() + " parameters; a POI has one");
        Set<String> seen = new HashSet<>();
        JsonNode pars = config.path("parameters");
        for (int i = 0; i < pars.size(); i++) {
            JsonNode par = pars.get(i);
            String ppath = path + ".config.parameters[" + i + "]";
            String name = par.path("name").asText();
            if (!seen.add(name)) out.add(ppath + ".name: '" + name + "' configured twice");
            Requirement r = sets.get(name);
            if (r == null) continue; // pyhf ignores settings of parameters no modifier declares
            for (var it = par.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (f.equals("name")) continue;
                if (!r.settings().contains(f)) {
                    out.add(ppath + "." + f + ": a " + r.kind() + " parameter set has no " + f);
                } else if (!f.equals("fixed") && par.get(f).size() != r.size()) {
                    out.add(ppath + "." + f + ": " + par.get(f).size() + " values for " + r.size() + " parameters");
                }
            }
            if (r.kind().equals("lumi")) {
                for (String f : List.of("inits", "bounds", "auxdata", "sigmas")) {
                    if (!par.has(f)) out.add(ppath + ": a lumi parameter needs " + f);
                }
            }
        }
        if (sets.containsKey("lumi") && !seen.contains("lumi"))
            out.add(path + ".config.parameters: a lumi parameter needs inits, bounds, auxdata and sigmas");
    }
}
