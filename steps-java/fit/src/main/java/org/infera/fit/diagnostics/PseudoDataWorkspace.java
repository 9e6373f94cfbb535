package org.infera.fit.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.histfactory.model.Dataset;
import org.infera.core.histfactory.model.Model;
import org.infera.core.histfactory.model.ParameterSet;
import org.infera.core.histfactory.model.PseudoData;
import org.infera.core.histfactory.model.SampleYields;
import org.infera.core.histfactory.spec.Workspace;
import org.infera.core.random.Rng;

/**
 * A workspace whose data are one pseudo-dataset of the model ({@link PseudoData}: Poisson main counts, auxiliary
 * measurements from their constraints around the truth): the observations replaced by the drawn counts, and the
 * measurement's {@code auxdata} of every constrained parameter set replaced by the drawn auxiliary data, so that
 * reading the file back gives exactly that data set.
 */
public final class PseudoDataWorkspace {
    private PseudoDataWorkspace() {}

    /** One pseudo-dataset of {@code m} at {@code theta}, drawn with {@code seed}. */
    public static Dataset draw(Model m, double[] theta, long seed) {
        return new PseudoData(m, theta).sample(new Rng(seed));
    }

    public static Workspace of(Workspace w, String measurement, Model m, Dataset toy) {
        List<Workspace.Observation> observations = new ArrayList<>();
        for (int c = 0; c < m.channels().size(); c++) {
            int offset = SampleYields.channelOffset(m, c), bins = SampleYields.channelBins(m, c);
            observations.add(new Workspace.Observation(
                    m.channels().get(c), java.util.Arrays.copyOfRange(toy.main(), offset, offset + bins)));
        }
        Workspace.Measurement meas = w.measurement(measurement);
        List<Workspace.ParameterConfig> configs = new ArrayList<>(meas.parameters());
        for (ParameterSet s : m.parameterSets()) {
            if (s.constraint() == ParameterSet.Constraint.NONE) continue;
            double[] aux = new double[s.size()];
            boolean any = false;
            for (int i = 0; i < s.size(); i++) {
                int k = m.constraintIndex(s.offset() + i);
                // a masked bin (nothing to constrain) keeps a neutral value: it enters no likelihood term
                aux[i] = k < 0 ? (s.constraint() == ParameterSet.Constraint.POISSON ? 1 : 0) : toy.aux()[k];
                any |= k >= 0;
            }
            if (!any) continue;
            int at = -1;
            for (int j = 0; j < configs.size(); j++) if (configs.get(j).name().equals(s.name())) at = j;
            Workspace.ParameterConfig old = at < 0
                    ? new Workspace.ParameterConfig(s.name(), null, null, null, null, null, null)
                    : configs.get(at);
            Workspace.ParameterConfig updated = new Workspace.ParameterConfig(
                    old.name(), old.inits(), old.bounds(), old.fixed(), aux, old.sigmas(), old.factors());
            if (at < 0) configs.add(updated);
            else configs.set(at, updated);
        }
        List<Workspace.Measurement> measurements = new ArrayList<>();
        for (Workspace.Measurement x : w.measurements())
            measurements.add(x == meas ? new Workspace.Measurement(x.name(), x.poi(), List.copyOf(configs)) : x);
        // keep observations of channels the model does not use (pyhf ignores them) as they were
        for (Workspace.Observation o : w.observations()) if (!m.channels().contains(o.name())) observations.add(o);
        return new Workspace(w.channels(), observations, measurements, w.version());
    }
}
