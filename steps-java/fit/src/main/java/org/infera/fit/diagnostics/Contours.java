package org.infera.fit.diagnostics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Level lines of a function on a grid by marching squares: in each cell, the crossings of the level on the cell's
 * edges (linear interpolation) joined pairwise, and the segments chained into polylines through the edges they
 * share. Saddle cells (two opposite corners above) are split by the cell centre's mean value.
 */
final class Contours {
    /** Δ(−2 ln L) of 68.27% and 95.45% for two parameters: χ²₂ quantiles, −2 ln(1 − CL). */
    static final double CL68 = 0.6826894921370859, CL95 = 0.9544997361036416;

    static double level(double cl) {
        return -2 * Math.log(1 - cl);
    }

    private Contours() {}

    /** Polylines of {x[], y[]} where f = level. */
    static List<double[][]> lines(double[] xs, double[] ys, double[][] f, double level) {
        Map<Long, List<long[]>> byEdge = new HashMap<>();
        List<long[]> segments = new ArrayList<>();
        int nx = xs.length, ny = ys.length;
        for (int i = 0; i + 1 < nx; i++) {
            for (int j = 0; j + 1 < ny; j++) {
                // corners 0:(i,j) 1:(i+1,j) 2:(i+1,j+1) 3:(i,j+1); edges 0:bottom 1:right 2:top 3:left
                double[] v = {f[i][j], f[i + 1][j], f[i + 1][j + 1], f[i][j + 1]};
                boolean skip = false;
                for (double d : v) skip |= !Double.isFinite(d);
                if (skip) continue;
                List<Integer> crossed = new ArrayList<>();
                for (int e = 0; e < 4; e++) if ((v[e] > level) != (v[(e + 1) % 4] > level)) crossed.add(e);
                if (crossed.size() == 2) {
                    add(segments, byEdge, edge(i, j, crossed.get(0), ny), edge(i, j, crossed.get(1), ny));
                } else if (crossed.size() == 4) {
                    boolean centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
                    boolean corner0Above = v[0] > level;
                    // join the edges around the corners on the centre's other side
                    int[][] pairs =
                            centreAbove == corner0Above ? new int[][] {{0, 1}, {2, 3}} : new int[][] {{3, 0}, {1, 2}};
                    for (int[] p : pairs) add(segments, byEdge, edge(i, j, p[0], ny), edge(i, j, p[1], ny));
                }
            }
        }
        List<double[][]> lines = new ArrayList<>();
        java.util.Set<long[]> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (long[] s : segments) {
            if (used.contains(s)) continue;
            used.add(s);
            java.util.ArrayDeque<Long> chain = new java.util.ArrayDeque<>(List.of(s[0], s[1]));
            extend(chain, byEdge, used, true);
            extend(chain, byEdge, used, false);
            double[][] xy = new double[2][chain.size()];
            int k = 0;
            for (long e : chain) {
                double[] p = point(e, xs, ys, f, level);
                xy[0][k] = p[0];
                xy[1][k++] = p[1];
            }
            lines.add(xy);
        }
        return lines;
    }

    private static void extend(
            java.util.ArrayDeque<Long> chain,
            Map<Long, List<long[]>> byEdge,
            java.util.Set<long[]> used,
            boolean tail) {
        while (true) {
            long end = tail ? chain.peekLast() : chain.peekFirst();
            long[] next = null;
            for (long[] s : byEdge.get(end)) if (!used.contains(s)) next = s;
            if (next == null) return;
            used.add(next);
            long other = next[0] == end ? next[1] : next[0];
            if (tail) chain.addLast(other);
            else chain.addFirst(other);
        }
    }

    private static void add(List<long[]> segments, Map<Long, List<long[]>> byEdge, long a, long b) {
        long[] s = {a, b};
        segments.add(s);
        byEdge.computeIfAbsent(a, k -> new ArrayList<>()).add(s);
        byEdge.computeIfAbsent(b, k -> new ArrayList<>()).add(s);
    }

    /** A grid edge's id: 2·(i·ny + j) for the edge from (i,j) to (i+1,j), + 1 for the one from (i,j) to (i,j+1). */
    private static long edge(int i, int j, int side, int ny) {
        return switch (side) {
            case 0 -> 2L * ((long) i * ny + j);
            case 1 -> 2L * ((long) (i + 1) * ny + j) + 1;
            case 2 -> 2L * ((long) i * ny + j + 1);
            default -> 2L * ((long) i * ny + j) + 1;
        };
    }

    /** Where the level crosses an edge, interpolated linearly between its two grid points. */
    private static double[] point(long edge, double[] xs, double[] ys, double[][] f, double level) {
        long node = edge / 2;
        int i = (int) (node / ys.length), j = (int) (node % ys.length);
        int i2 = edge % 2 == 0 ? i + 1 : i, j2 = edge % 2 == 0 ? j : j + 1;
        double t = (level - f[i][j]) / (f[i2][j2] - f[i][j]);
        return new double[] {xs[i] + t * (xs[i2] - xs[i]), ys[j] + t * (ys[j2] - ys[j])};
    }
}
