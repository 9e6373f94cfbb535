package org.infera.nn;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic of a tensor with a constant, safe inside autograd. DJL's {@code mul(Number)},
 * {@code div(Number)}, {@code maximum(Number)} and {@code pow(Number)} wrap the constant in a
 * tensor over a Java direct buffer and close it right after the forward op; the backward pass of
 * those ops keeps that tensor, so once the garbage collector's cleaner frees the buffer the
 * gradient reads freed memory. That happened now and then, at moments set by the collector: one
 * batch in thousands got a wrong gradient and the same seed trained a different network (issue 2).
 * Here the constant lives on the operand's manager, so it outlives the backward pass of its batch.
 * (Adding or subtracting a constant is safe either way: its backward needs no values.)
 */
public final class Scalars {
    private Scalars() {}

    public static NDArray mul(NDArray a, Number c) {
        return a.mul(constant(a, c));
    }

    public static NDArray div(NDArray a, Number c) {
        return a.div(constant(a, c));
    }

    /** max(a, c) elementwise. */
    public static NDArray maximum(NDArray a, Number c) {
        return a.maximum(constant(a, c));
    }

    private static NDArray constant(NDArray a, Number c) {
        return a.getManager().create(c);
    }
}
