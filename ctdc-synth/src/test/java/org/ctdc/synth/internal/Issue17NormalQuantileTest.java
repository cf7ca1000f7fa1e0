package org.ctdc.synth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Issue 17: the normal quantile of the thresholds agrees with Commons Math's to 1e-6 relative down to p = 1e-12 (1e-8 from p = 1e-6). */
class Issue17NormalQuantileTest {
  @Test
  void issue17_theNormalQuantileAgreesWithCommonsMath() {
    NormalDistribution n = new NormalDistribution(null, 0, 1);
    for (double p : new double[] {1e-12, 1e-9, 1e-6, 1e-3, 0.01, 0.02425, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999}) {
      double expected = n.inverseCumulativeProbability(p);
      double rel = p < 1e-6 ? 1e-6 : 1e-8;
      assertEquals(expected, NormalQuantile.of(p), Math.max(1e-9, Math.abs(expected) * rel), "p " + p);
      assertEquals(-expected, NormalQuantile.upper(p), Math.max(1e-9, Math.abs(expected) * rel), "upper " + p);
    }
  }
}
