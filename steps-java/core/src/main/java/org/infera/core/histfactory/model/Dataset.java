package org.infera.core.histfactory.model;

/**
 * Data for a likelihood: counts per bin of the main measurement (channels in the model's order)
 * and the auxiliary data of the constrained parameters (in the model's constraint order).
 */
public record Dataset(double[] main, double[] aux) {}
