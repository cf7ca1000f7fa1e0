package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17, DP mode: normalisation, accounting, noise of the right size, reproducibility only with a seed. */
class Issue17DpTest {

  static SynthConfig dp(int r, double epsilon, long seed) {
    return SynthConfig.builder(SynthConfig.Mode.DP, r).columns(Fixtures.COLUMNS).epsilon(epsilon).seed(seed).build();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void issue17_normalisedAggregatesNeverGrowWithLength(long seed) {
    Dataset d = Fixtures.random(2000 + (int) seed * 500, seed, "n");
    Aggregates a = Synthesizer.of(dp(4, 1 + seed, seed)).aggregate(d);
    for (int k = 2; k <= 4; k++) {
      Map<String, Long> shorter = Fixtures.asMap(a, k - 1);
      for (Aggregates.Combination c : a.combinations(k)) {
        List<String> parts = Arrays.asList(c.combination().split(";"));
        for (int drop = 0; drop < k; drop++) {
          StringBuilder sub = new StringBuilder();
          for (int i = 0; i < k; i++) {
            if (i != drop) {
              sub.append(sub.length() == 0 ? "" : ";").append(parts.get(i));
            }
          }
          Long s = shorter.get(sub.toString());
          assertTrue(s != null && s >= c.count(), c + " exceeds or lacks its sub-combination " + sub);
        }
        assertTrue(c.count() >= 1, c.toString());
      }
    }
  }

  @Test
  void issue17_theAccountingStatesEveryPartOfTheBudgetAndTheSeed() {
    Dataset d = Fixtures.random(5000, 8, "n");
    SynthConfig c = dp(3, 2, 42);
    Accounting acc = Synthesizer.of(c).aggregate(d).accounting();
    assertEquals(SynthConfig.Mode.DP, acc.mode());
    Budget b = acc.budget().orElseThrow();
    assertEquals(2.0, b.epsilon());
    long n = acc.protectedRecordCount();
    assertEquals(1 / (n * Math.log(n)), b.delta(), 1e-15);
    assertEquals(Budget.split(2, b.delta(), 0.005, 0.01, c.sigmaProportions()), b);
    assertEquals(3, acc.sensitivities().size());
    assertEquals(3, acc.thresholds().size());
    // five columns, the exploitation column multi-valued with three codes: at most 7 attributes a record
    assertTrue(acc.sensitivities().get(0) >= 1 && acc.sensitivities().get(0) <= 7, acc.toString());
    assertTrue(acc.thresholds().get(0) > 1, acc.toString());
    assertEquals("discrete Gaussian", acc.noise());
    assertTrue(acc.randomness().startsWith("seeded"));
    assertTrue(Math.abs(n - 5000) < 5000 * 0.05, "n' " + n);
    String meta = Synthesizer.of(c).aggregate(d).metadataJson();
    assertTrue(meta.contains("\"seed\" : 42") && meta.contains("\"sigma\"") && meta.contains("\"sensitivity\"")
        && meta.contains("\"protectedRecordCount\" : " + n), meta);
  }

  @Test
  void issue17_withoutASeedTheNoiseComesFromSecureRandomAndSaysSo() {
    Dataset d = Fixtures.random(2000, 9, "n");
    SynthConfig c = SynthConfig.builder(SynthConfig.Mode.DP, 2).columns(Fixtures.COLUMNS).epsilon(1).build();
    Aggregates a = Synthesizer.of(c).aggregate(d);
    assertEquals("SecureRandom", a.accounting().randomness());
    assertTrue(a.accounting().seed().isEmpty());
    assertTrue(!a.metadataJson().contains("\"seed\""));
  }

  @Test
  void issue17_theSameSeedGivesTheSameAggregatesOnOneAndTwoThreads() {
    Dataset d = Fixtures.random(30_000, 10, "n");
    StringWriter one = new StringWriter();
    StringWriter two = new StringWriter();
    Synthesizer.builder(dp(4, 3, 5)).threads(1).build().aggregate(d).writeCsv(one);
    Synthesizer.builder(dp(4, 3, 5)).threads(2).build().aggregate(d).writeCsv(two);
    assertEquals(one.toString(), two.toString());
  }

  @Test
  void issue17_singleAttributeCountsCarryNoiseOfTheStatedScale() {
    Dataset d = Fixtures.random(20_000, 11, "n");
    Aggregates a = Synthesizer.of(dp(1, 4, 6)).aggregate(d);
    Map<String, Long> exact = Fixtures.bruteForce(d, Fixtures.COLUMNS, List.of(), 1).get(1);
    double scale = a.accounting().budget().orElseThrow().sigmas().get(0)
        * Math.sqrt(a.accounting().sensitivities().get(0));
    // a record with more than Delta_1 attributes keeps only Delta_1 of them: counts may be lower by that much
    int allowed = a.accounting().sensitivities().get(0);
    long dropped = 0;
    for (int row = 0; row < d.rowCount(); row++) {
      dropped += Math.max(0, Fixtures.attributes(d, row, Fixtures.COLUMNS, List.of()).size() - allowed);
    }
    for (Aggregates.Combination c : a.combinations(1)) {
      long truth = exact.getOrDefault(c.combination(), 0L);
      assertTrue(c.count() - truth < 6 * scale, c + " vs " + truth + ", scale " + scale);
      assertTrue(truth - c.count() < 6 * scale + dropped, c + " vs " + truth + ", scale " + scale);
    }
    assertTrue(dropped < d.rowCount() / 20, "dropped " + dropped);
  }
}
