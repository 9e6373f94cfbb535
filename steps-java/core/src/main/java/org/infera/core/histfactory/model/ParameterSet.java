package org.infera.core.histfactory.model;

/**
 * The parameters one modifier name declares: one value (normfactor, normsys, histosys, lumi) or one
 * per bin of its channel (shapesys, staterror, shapefactor), with their initial values, bounds,
 * whether they are fixed, and their constraint term.
 */
public final class ParameterSet {
    /** The constraint term of each parameter of the set. */
    public enum Constraint {
        NONE,
        /** Normal(aux | θ, σ). */
        GAUSSIAN,
        /** Poisson(aux | θ·τ), continuous in aux. */
        POISSON
    }

    final String name;
    final String kind;
    final int size;
    int offset;
    final double[] inits;
    final double[] lower;
    final double[] upper;
    final boolean[] fixed;
    Constraint constraint;
    /** Per parameter: whether its constraint term is present (per-bin parameters of empty bins have none). */
    final boolean[] constrained;

    final double[] auxdata;
    /** σ of a Gaussian constraint, or τ of a Poisson constraint. */
    final double[] scale;

    ParameterSet(
            String name,
            String kind,
            int size,
            double init,
            double lower,
            double upper,
            Constraint constraint,
            double aux,
            double scale) {
        this.name = name;
        this.kind = kind;
        this.size = size;
        this.inits = filled(size, init);
        this.lower = filled(size, lower);
        this.upper = filled(size, upper);
        this.fixed = new boolean[size];
        this.constraint = constraint;
        this.constrained = new boolean[size];
        java.util.Arrays.fill(constrained, constraint != Constraint.NONE);
        this.auxdata = filled(size, aux);
        this.scale = filled(size, scale);
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return offset;
    }

    public Constraint constraint() {
        return constraint;
    }

    /** σ of parameter {@code i}'s Gaussian constraint, or τ of its Poisson constraint. */
    public double scale(int i) {
        return scale[i];
    }

    /**
     * Leaves parameter {@code i} of the set out of the fit: fixed at 1 and unconstrained (a bin with nothing to
     * modify).
     */
    void mask(int i) {
        inits[i] = 1;
        fixed[i] = true;
        constrained[i] = false;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
