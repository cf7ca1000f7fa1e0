package org.ctdc.synth.noise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the exact samplers match their probability mass functions, by a chi-square test over 10^6 draws at
 * fixed seeds (bins of expected count below 50 merged into the tails). The pmfs are computed here from their
 * definitions: discrete Laplace {@code exp(-|x| s/t)}, discrete Gaussian {@code exp(-x^2 / (2 sigma^2))},
 * normalised over a range holding all but a negligible mass.
 */
class Issue17DiscreteNoiseTest {
  private static final int DRAWS = 1_000_000;

  private static double pValue(LongSupplier sampler, LongToDoubleFunction weight, int range) {
    double[] p = new double[2 * range + 1];
    double total = 0;
    for (int x = -range; x <= range; x++) {
      p[x + range] = weight.applyAsDouble(x);
      total += p[x + range];
    }
    long[] observed = new long[p.length];
    for (int i = 0; i < DRAWS; i++) {
      long x = sampler.getAsLong();
      assertTrue(Math.abs(x) <= range, "a draw beyond the range of the test");
      observed[(int) x + range]++;
    }
    // bins: the central values with expected count >= 50 each, and the two tails
    List<double[]> bins = new ArrayList<>();
    double expLow = 0;
    long obsLow = 0;
    int lo = 0;
    while (DRAWS * p[lo] / total < 50) {
      expLow += DRAWS * p[lo] / total;
      obsLow += observed[lo];
      lo++;
    }
    int hi = p.length - 1;
    double expHigh = 0;
    long obsHigh = 0;
    while (DRAWS * p[hi] / total < 50) {
      expHigh += DRAWS * p[hi] / total;
      obsHigh += observed[hi];
      hi--;
    }
    if (expLow > 0) {
      bins.add(new double[] {expLow, obsLow});
    }
    for (int i = lo; i <= hi; i++) {
      bins.add(new double[] {DRAWS * p[i] / total, observed[i]});
    }
    if (expHigh > 0) {
      bins.add(new double[] {expHigh, obsHigh});
    }
    double chi = 0;
    for (double[] b : bins) {
      chi += (b[1] - b[0]) * (b[1] - b[0]) / b[0];
    }
    return 1 - new ChiSquaredDistribution(null, bins.size() - 1).cumulativeProbability(chi);
  }

  @Test
  void issue17_theDiscreteGaussianMatchesItsPmf() {
    SplittableRandom a = new SplittableRandom(17);
    double p1 = pValue(() -> DiscreteGaussian.withSigmaSquared(2, 1).sample(a), x -> Math.exp(-x * x / 4.0), 40);
    assertTrue(p1 > 1e-3, "sigma^2 = 2: chi-square p-value " + p1);
    SplittableRandom b = new SplittableRandom(18);
    double p2 = pValue(() -> DiscreteGaussian.withSigmaSquared(25, 2).sample(b), x -> Math.exp(-x * x / 25.0), 80);
    assertTrue(p2 > 1e-3, "sigma^2 = 12.5: chi-square p-value " + p2);
  }

  @Test
  void issue17_theDiscreteLaplaceMatchesItsPmf() {
    SplittableRandom a = new SplittableRandom(19);
    double p1 = pValue(() -> DiscreteLaplace.withRate(1, 3).sample(a), x -> Math.exp(-Math.abs(x) / 3.0), 80);
    assertTrue(p1 > 1e-3, "rate 1/3: chi-square p-value " + p1);
    SplittableRandom b = new SplittableRandom(20);
    double p2 = pValue(() -> DiscreteLaplace.withRate(7, 10).sample(b), x -> Math.exp(-Math.abs(x) * 0.7), 60);
    assertTrue(p2 > 1e-3, "rate 7/10: chi-square p-value " + p2);
  }

  @Test
  void issue17_aWrongPmfIsRejectedByTheSameTest() {
    // the test can fail: the discrete Gaussian of sigma^2 = 2 is not the one of sigma^2 = 2.2
    SplittableRandom a = new SplittableRandom(21);
    double p = pValue(() -> DiscreteGaussian.withSigmaSquared(2, 1).sample(a), x -> Math.exp(-x * x / 4.4), 40);
    assertTrue(p < 1e-6, "p-value " + p);
  }
}
