package dev.platen.color;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * CIEDE2000 against the 34 test pairs of Sharma, Wu and Dalal (2005), Table 1, typed in from the paper.
 * They were chosen to catch the usual implementation slips: hue mean and hue difference across 0°/360°,
 * zero chroma, and the rotation term in the blue region.
 */
class DeltaETest {

    /** L1, a1, b1, L2, a2, b2, ΔE00. */
    static final double[][] SHARMA = {
            {50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
            {50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
            {50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412},
            {50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000},
            {50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000},
            {50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000},
            {50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
            {50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
            {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195},
            {50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
            {50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045},
            {50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461},
            {50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065},
            {50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
            {50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977},
            {50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
            {50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535},
            {50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000},
            {50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000},
            {50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000},
            {50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000},
            {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
            {63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
            {61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731},
            {35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645},
            {22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
            {36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146},
            {90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441},
            {90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
            {6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377},
            {2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
    };

    @Test
    void javaImplementationMatchesAllPublishedPairsToFourDecimals() {
        for (double[] row : SHARMA) {
            Lab first = new Lab(row[0], row[1], row[2]);
            Lab second = new Lab(row[3], row[4], row[5]);
            assertThat(DeltaE.cie2000(first, second)).as("%s vs %s", first, second).isCloseTo(row[6], within(5e-5));
            assertThat(DeltaE.cie2000(second, first)).as("symmetric").isCloseTo(row[6], within(5e-5));
        }
    }

    @Test
    void lcmsAgreesWithThePublishedPairs() {
        double worst = 0;
        for (double[] row : SHARMA) {
            Lab first = new Lab(row[0], row[1], row[2]);
            Lab second = new Lab(row[3], row[4], row[5]);
            worst = Math.max(worst, Math.abs(DeltaE.cie2000ByLcms(first, second) - row[6]));
        }
        System.out.printf("cmsCIE2000DeltaE: largest deviation from Sharma's table %.6f%n", worst);
        assertThat(worst).isLessThan(5e-5);
    }

    /**
     * The hue angle's own atan2 against the JDK's (fdlibm, within an ulp or two of the true value) on a million
     * random points of every quadrant and magnitude, the axes, signed zeros, the diagonals and the sixteenths its
     * argument is reduced to: within 4 units in the last place everywhere, the same sign and the same quadrant.
     */
    @Test
    void hueAngleAtan2AgreesWithTheJdksToAFewUnitsInTheLastPlace() {
        SplittableRandom random = new SplittableRandom(2000);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            double scale = Math.pow(10, random.nextInt(-6, 7));
            points.add(new double[] {random.nextDouble(-1, 1) * scale, random.nextDouble(-1, 1) * scale
                    * Math.pow(10, random.nextInt(-3, 4))});
        }
        for (int k = 0; k <= 16; k++) {
            for (double nudge : new double[] {-1e-12, 0, 1e-12, 1.0 / 32, -1.0 / 32}) {
                double t = k / 16.0 + nudge;
                for (int quadrant = 0; quadrant < 4; quadrant++) {
                    double sx = quadrant % 2 == 0 ? 1 : -1;
                    double sy = quadrant < 2 ? 1 : -1;
                    points.add(new double[] {sy * t * 3.5, sx * 3.5});
                    points.add(new double[] {sy * 3.5, sx * t * 3.5});
                }
            }
        }
        for (double a : new double[] {0.0, -0.0, 1, -1, 1e-300, -1e-300, 1e300, -1e300}) {
            for (double b : new double[] {0.0, -0.0, 1, -1, 1e-300, -1e-300, 1e300, -1e300}) {
                points.add(new double[] {a, b});
            }
        }
        double worstUlps = 0;
        for (double[] p : points) {
            double expected = StrictMath.atan2(p[0], p[1]);
            double actual = DeltaE.atan2(p[0], p[1]);
            assertThat(Math.copySign(1, actual)).as("sign of atan2(%s, %s)", p[0], p[1])
                    .isEqualTo(Math.copySign(1, expected));
            double ulps = Math.abs(actual - expected) / Math.ulp(expected);
            worstUlps = Math.max(worstUlps, ulps);
            assertThat(ulps).as("atan2(%s, %s): %s against %s", p[0], p[1], actual, expected).isLessThanOrEqualTo(4);
        }
        System.out.println("hue atan2: worst " + worstUlps + " ulps over " + points.size() + " points");
        assertThat(DeltaE.atan2(Double.NaN, 1)).isNaN();
        assertThat(DeltaE.atan2(Double.POSITIVE_INFINITY, 1)).isEqualTo(Math.PI / 2);
    }

    @Test
    void identicalColoursDifferByNothing() {
        Lab colour = new Lab(37, 12, -5);
        assertThat(colour.deltaE2000(colour)).isZero();
        assertThat(DeltaE.cie2000ByLcms(colour, colour)).isZero();
    }
}
