package org.infera.core.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infera.core.histfactory.interp.Code0;
import org.infera.core.histfactory.interp.Code1;
import org.infera.core.histfactory.interp.Code2;
import org.infera.core.histfactory.interp.Code4;
import org.infera.core.histfactory.interp.Code4p;
import org.infera.core.histfactory.interp.Interpolation;
import org.junit.jupiter.api.Test;

/** Each interpolation code against its defining formula, and its derivatives against finite differences. */
class InterpolationCodesTest {
    private static final double LO = 0.8, NOM = 1.0, HI = 1.3;
    private static final double[] ALPHAS = {-2.7, -1.3, -1, -0.6, -0.1, 0, 0.2, 0.7, 1, 1.4, 3.1};

    @Test
    void code0IsPiecewiseLinear() {
        Interpolation c = new Code0();
        for (double a : ALPHAS) {
            double expected = a >= 0 ? NOM + a * (HI - NOM) : NOM + a * (NOM - LO);
            assertEquals(expected, c.value(a, LO, NOM, HI), 1e-15, "alpha " + a);
        }
    }

    @Test
    void code1IsPiecewiseExponential() {
        Interpolation c = new Code1();
        for (double a : ALPHAS) {
            double expected = a >= 0 ? Math.pow(HI / NOM, a) : Math.pow(LO / NOM, -a);
            assertEquals(expected, c.value(a, LO, NOM, HI), 1e-14, "alpha " + a);
        }
    }

    @Test
    void code2IsTheParabolaThroughTheThreePointsContinuedLinearly() {
        Interpolation c = new Code2();
        double lo = 7, nom = 10, hi = 14;
        for (double a : ALPHAS) {
            double parabola = nom + a * (hi - lo) / 2 + a * a * ((hi + lo) / 2 - nom);
            double expected;
            if (a > 1) expected = hi + (a - 1) * ((hi - lo) / 2 + 2 * ((hi + lo) / 2 - nom));
            else if (a < -1) expected = lo + (a + 1) * ((hi - lo) / 2 - 2 * ((hi + lo) / 2 - nom));
            else expected = parabola;
            assertEquals(expected, c.value(a, lo, nom, hi), 1e-12, "alpha " + a);
        }
        assertEquals(hi, c.value(1, lo, nom, hi), 1e-12);
        assertEquals(lo, c.value(-1, lo, nom, hi), 1e-12);
    }

    @Test
    void code4MatchesTheExponentialToSecondOrderAtTheJoins() {
        Interpolation c = new Code4();
        double[] in = new double[3], out = new double[3];
        for (double side : new double[] {-1, 1}) {
            c.derivatives(side * (1 - 1e-12), LO, NOM, HI, in);
            c.derivatives(side * (1 + 1e-12), LO, NOM, HI, out);
            for (int k = 0; k < 3; k++) assertEquals(out[k], in[k], 1e-9, "derivative " + k + " at alpha " + side);
        }
        assertEquals(HI, c.value(1, LO, NOM, HI), 1e-14);
        assertEquals(LO, c.value(-1, LO, NOM, HI), 1e-14);
        assertEquals(NOM, c.value(0, LO, NOM, HI), 1e-15);
        assertEquals(Math.pow(HI, 2.5), c.value(2.5, LO, NOM, HI), 1e-14);
        assertEquals(Math.pow(LO, 1.5), c.value(-1.5, LO, NOM, HI), 1e-14);
    }

    @Test
    void code4pIsLinearOutsideAndSmoothAtTheJoins() {
        Interpolation c = new Code4p();
        double lo = 7, nom = 10, hi = 14;
        assertEquals(nom + 2.5 * (hi - nom), c.value(2.5, lo, nom, hi), 1e-12);
        assertEquals(nom - 1.5 * (nom - lo), c.value(-1.5, lo, nom, hi), 1e-12);
        assertEquals(nom, c.value(0, lo, nom, hi), 1e-15);
        // inside: nom + α S + α²(15 + α²(3α² − 10)) A, S = (Δ⁺ + Δ⁻)/2, A = (Δ⁺ − Δ⁻)/16
        double s = 0.5 * ((hi - nom) + (nom - lo)), a = ((hi - nom) - (nom - lo)) / 16;
        double x = 0.37;
        assertEquals(nom + x * s + x * x * (15 + x * x * (3 * x * x - 10)) * a, c.value(x, lo, nom, hi), 1e-12);
        double[] in = new double[3], out = new double[3];
        for (double side : new double[] {-1, 1}) {
            c.derivatives(side * (1 - 1e-12), lo, nom, hi, in);
            c.derivatives(side * (1 + 1e-12), lo, nom, hi, out);
            for (int k = 0; k < 3; k++) assertEquals(out[k], in[k], 1e-8, "derivative " + k + " at alpha " + side);
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        Interpolation[] codes = {new Code0(), new Code1(), new Code2(), new Code4(), new Code4p()};
        double[] d = new double[3], dp = new double[3], dm = new double[3];
        double h = 1e-6;
        for (Interpolation c : codes) {
            for (double a : ALPHAS) {
                if (Math.abs(Math.abs(a) - 1) < 1e-9 || a == 0) continue; // kinks of codes 0, 1, 2 and 4p
                c.derivatives(a, LO, NOM, HI, d);
                assertEquals(c.value(a, LO, NOM, HI), d[0], 1e-14, c.name());
                double fd1 = (c.value(a + h, LO, NOM, HI) - c.value(a - h, LO, NOM, HI)) / (2 * h);
                c.derivatives(a + h, LO, NOM, HI, dp);
                c.derivatives(a - h, LO, NOM, HI, dm);
                double fd2 = (dp[1] - dm[1]) / (2 * h);
                assertEquals(fd1, d[1], 1e-8, c.name() + " d1 at " + a);
                assertEquals(fd2, d[2], 1e-7, c.name() + " d2 at " + a);
            }
        }
    }
}
