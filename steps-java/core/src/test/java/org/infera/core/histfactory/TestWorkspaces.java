package org.infera.core.histfactory;

/** Workspaces for tests, written out so each test reads like the JSON a user would write. */
final class TestWorkspaces {
    private TestWorkspaces() {}

    /** Two channels; every modifier type; shared names across samples and channels. */
    static final String ALL_MODIFIERS =
            """
            {
              "channels": [
                {"name": "SR", "samples": [
                  {"name": "signal", "data": [10, 12, 8], "modifiers": [
                    {"name": "mu", "type": "normfactor", "data": null},
                    {"name": "lumi", "type": "lumi", "data": null},
                    {"name": "syst_norm", "type": "normsys", "data": {"hi": 1.1, "lo": 0.85}},
                    {"name": "stat_SR", "type": "staterror", "data": [1, 1.5, 0.5]}]},
                  {"name": "background", "data": [100, 150, 80], "modifiers": [
                    {"name": "lumi", "type": "lumi", "data": null},
                    {"name": "shape_a", "type": "histosys", "data": {"hi_data": [110, 148, 70],
                        "lo_data": [92, 153, 86]}},
                    {"name": "shape_b", "type": "histosys", "data": {"hi_data": [104, 160, 79],
                        "lo_data": [97, 141, 82]}},
                    {"name": "syst_norm", "type": "normsys", "data": {"hi": 1.05, "lo": 0.97}},
                    {"name": "uncorr", "type": "shapesys", "data": [10, 15, 4]},
                    {"name": "stat_SR", "type": "staterror", "data": [5, 6, 4]}]}
                ]},
                {"name": "CR", "samples": [
                  {"name": "background", "data": [500, 300], "modifiers": [
                    {"name": "lumi", "type": "lumi", "data": null},
                    {"name": "syst_cr", "type": "normsys", "data": {"hi": 1.2, "lo": 0.9}},
                    {"name": "shape_a", "type": "histosys", "data": {"hi_data": [520, 310], "lo_data": [490, 295]}},
                    {"name": "cr_shape", "type": "shapefactor", "data": null},
                    {"name": "bkg_norm", "type": "normfactor", "data": null}]}
                ]}
              ],
              "observations": [{"name": "SR", "data": [118, 160, 85]}, {"name": "CR", "data": [510, 290]}],
              "measurements": [{"name": "meas", "config": {"poi": "mu", "parameters": [
                {"name": "lumi", "auxdata": [1.0], "sigmas": [0.02], "bounds": [[0.5, 1.5]], "inits": [1.0]},
                {"name": "cr_shape", "fixed": true}]}}],
              "version": "1.0.0"
            }
            """;

    /**
     * One bin per channel, counting experiments: s = 20 signal with a normfactor, b = 100 background,
     * observed n; with no nuisances μ̂ = (n − b)/s and σ_μ = sqrt(n)/s.
     */
    static String counting(double s, double b, double n) {
        return """
                {"channels": [{"name": "c", "samples": [
                   {"name": "sig", "data": [%s], "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
                   {"name": "bkg", "data": [%s], "modifiers": []}]}],
                 "observations": [{"name": "c", "data": [%s]}],
                 "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": [{"name": "mu",
                     "bounds": [[-5, 10]]}]}}],
                 "version": "1.0.0"}
                """
                .formatted(s, b, n);
    }
}
