package org.infera.core.physics;

import java.util.ArrayList;
import java.util.List;
import org.infera.core.cli.InputException;
import org.infera.core.random.Rng;

/**
 * A prior over the parameter space from which the numerator points θ0 of ratio samples are drawn (as
 * MadMiner's {@code random_morphing_points}): independent per parameter, each {@code flat:LO:HI} (uniform
 * on [LO, HI]) or {@code gaussian:MEAN:SD}, the parameters separated by commas in their file order, e.g.
 * {@code flat:-1:1,gaussian:0:0.5}.
 */
public record ParameterPrior(List<Component> components) {
    /** One parameter's prior. */
    public record Component(boolean flat, double a, double b) {
        double draw(Rng rng) {
            return flat ? a + (b - a) * rng.uniform() : a + b * rng.gaussian();
        }
    }

    /** Parses the option's value for {@code parameters} parameters; {@code option} names it in messages. */
    public static ParameterPrior parse(String option, String spec, int parameters) {
        String[] parts = spec.split(",", -1);
        if (parts.length != parameters) {
            throw new InputException.BadOption(
                    option,
                    option + " '" + spec + "' gives " + parts.length + " priors, but there are " + parameters
                            + " parameters (one flat:LO:HI or gaussian:MEAN:SD each, separated by commas)");
        }
        List<Component> out = new ArrayList<>();
        for (String part : parts) {
            String[] f = part.trim().split(":", -1);
            if (f.length != 3 || !(f[0].equals("flat") || f[0].equals("gaussian"))) {
                throw new InputException.BadOption(
                        option, option + " '" + part + "' must be flat:LO:HI or gaussian:MEAN:SD");
            }
            double a = number(option, part, f[1]), b = number(option, part, f[2]);
            boolean flat = f[0].equals("flat");
            if (flat && !(a < b))
                throw new InputException.BadOption(option, option + " '" + part + "': LO must be below HI");
            if (!flat && !(b > 0))
                throw new InputException.BadOption(option, option + " '" + part + "': SD must be positive");
            out.add(new Component(flat, a, b));
        }
        return new ParameterPrior(List.copyOf(out));
    }

    private static double number(String option, String part, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException.BadOption(option, option + " '" + part + "': '" + text + "' is not a finite number");
    }

    /** {@code points} parameter points drawn from the prior. */
    public double[][] draw(Rng rng, int points) {
        double[][] out = new double[points][components.size()];
        for (int k = 0; k < points; k++)
            for (int p = 0; p < components.size(); p++)
                out[k][p] = components.get(p).draw(rng);
        return out;
    }
}
