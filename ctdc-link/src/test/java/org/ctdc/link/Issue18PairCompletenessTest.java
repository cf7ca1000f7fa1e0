package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the blocking's pair completeness without ground truth, in the match result and its report: the
 * theoretical candidate probability and the measured share on a seeded sample.
 */
class Issue18PairCompletenessTest {

  private static List<ClkSet> sets;

  @BeforeAll
  static void encode() {
    LinkageSamples.Linkage l = LinkageSamples.generate(7, 2, 1500, 0.4, LinkageSamples.Corruption.defaults());
    try (LinkKey k = LinkFixtures.key()) {
      sets = LinkFixtures.encode(Encoder.builder(LinkFixtures.config(), k).threads(2).build(), l);
    }
  }

  private static LinkConfig blocking(int bands, int bits) {
    LinkConfig.Builder b = LinkConfig.builder("record_id").blocking(bands, bits);
    LinkFixtures.config().fields().forEach(b::field);
    return b.build();
  }

  private static PairCompleteness.Measured measured(LinkConfig cfg, int sample, long seed, int threads) {
    MatchResult r = Matcher.builder(cfg).threads(threads).completenessSample(sample).completenessSeed(seed).build().match(sets);
    return r.pairCompleteness().measured().orElseThrow();
  }

  @Test
  void issue18PairCompleteness_theFormulaIsTheHandComputedOne() {
    // p = 1 - 2 f (1 - s): f = 1/4, s = 0.9 gives 1 - 0.05 = 0.95; balanced encodings (f = 1/2) give p = s
    assertEquals(0.95, PairCompleteness.bitAgreement(0.9, 0.25), 1e-12);
    assertEquals(0.8, PairCompleteness.bitAgreement(0.8, 0.5), 1e-12);
    assertEquals(0, PairCompleteness.bitAgreement(0.2, 0.9), 0); // clamped: 1 - 1.8 * 0.8 < 0
    // 1 - (1 - p^r)^b: p = 1/2, r = 2, b = 3 gives 1 - (3/4)^3 = 37/64
    assertEquals(37.0 / 64, PairCompleteness.candidateProbability(0.5, 3, 2), 1e-12);
    // p = 0.9, r = 1, b = 2: 1 - 0.01
    assertEquals(0.99, PairCompleteness.candidateProbability(0.9, 2, 1), 1e-12);
    assertEquals(1, PairCompleteness.candidateProbability(0.1, 0, 18), 0);
    List<PairCompleteness.Point> t = PairCompleteness.table(0.82, 0.5, 256, 18);
    assertEquals(List.of(0.62, 0.72, 0.77, 0.82, 0.87, 0.92), t.stream().map(PairCompleteness.Point::similarity).toList());
    assertEquals(0.82, t.get(3).bitAgreement(), 1e-12);
    assertEquals(1 - Math.pow(1 - Math.pow(0.82, 18), 256), t.get(3).probability(), 1e-12);
    // near 1 the table stops at 1
    assertEquals(List.of(0.75, 0.85, 0.9, 0.95, 1.0),
        PairCompleteness.table(0.95, 0.5, 8, 4).stream().map(PairCompleteness.Point::similarity).toList());
  }

  @Test
  void issue18PairCompleteness_theWilsonIntervalIsTheHandComputedOne() {
    // 9 of 10: the 95 % Wilson score interval is [0.5958, 0.9821]
    PairCompleteness.Measured m = PairCompleteness.Measured.of(1, 10, 10, 9);
    assertEquals(0.9, m.share(), 1e-12);
    assertEquals(0.5958, m.lower(), 1e-4);
    assertEquals(0.9821, m.upper(), 1e-4);
    PairCompleteness.Measured all = PairCompleteness.Measured.of(1, 100, 100, 100);
    assertEquals(1, all.share(), 0);
    assertEquals(100 / (100 + 1.959963984540054 * 1.959963984540054), all.lower(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> PairCompleteness.Measured.of(1, 1, 3, 4));
  }

  @Test
  void issue18PairCompleteness_measuredIsOneWhenBlockingIsExhaustiveAndDropsWithFewBands() {
    PairCompleteness.Measured none = measured(blocking(0, 1), 300, 5, 2);
    assertTrue(none.pairsAtThreshold() > 50, "pairs at the threshold " + none.pairsAtThreshold());
    assertEquals(none.pairsAtThreshold(), none.candidates());
    assertEquals(1, none.share(), 0);
    // 20 bands of two bits: a pair at the threshold misses all with probability (1 - 0.82^2)^20 < 10^-8
    PairCompleteness.Measured dense = measured(blocking(20, 2), 300, 5, 2);
    assertEquals(none.pairsAtThreshold(), dense.pairsAtThreshold(), "the pairs at the threshold do not depend on blocking");
    assertEquals(1, dense.share(), 0);
    PairCompleteness.Measured few = measured(blocking(2, 18), 300, 5, 2);
    assertEquals(none.pairsAtThreshold(), few.pairsAtThreshold());
    // most pairs at the threshold lie well above it (true matches near 0.95), so the share exceeds the theory's
    // 0.06 at the threshold itself, but two bands lose a third of them
    assertTrue(few.share() < 0.8, "2 bands of 18 bits: " + few.share());
    assertTrue(few.upper() < 0.9 && few.lower() <= few.share() && few.share() <= few.upper(), few.toString());
    // the default blocking lets nearly every pair through; the theory agrees in direction
    PairCompleteness.Measured def = measured(LinkFixtures.config(), 300, 5, 2);
    assertTrue(def.share() > 0.95, "default blocking: " + def.share());
    double pDefault = Matcher.builder(LinkFixtures.config()).completenessSample(0).build().match(sets)
        .pairCompleteness().theoretical().get(3).probability();
    double pFew = Matcher.builder(blocking(2, 18)).completenessSample(0).build().match(sets)
        .pairCompleteness().theoretical().get(3).probability();
    assertTrue(pDefault > 0.9 && pFew < 0.2, pDefault + " " + pFew);
  }

  @Test
  void issue18PairCompleteness_aSampleOfEveryRecordCountsTheBlockedPairsOfTheMatch() {
    // a sample of all records: the candidates at the threshold are the pairs the blocked match compared at or above
    // it, i.e. the links of an exhaustive match that the blocking kept (both found by matching with threshold)
    LinkConfig cfg = blocking(6, 16);
    PairCompleteness.Measured all = measured(cfg, 1_000_000, 3, 2);
    assertEquals(sets.get(0).size() - countEmpty(sets.get(0)), all.sampledRecords());
    long exhaustivePairs = measured(blocking(0, 1), 1_000_000, 3, 2).pairsAtThreshold();
    assertEquals(exhaustivePairs, all.pairsAtThreshold());
    assertTrue(all.candidates() < all.pairsAtThreshold(), all.toString());
  }

  private static long countEmpty(ClkSet s) {
    long n = 0;
    for (int i = 0; i < s.size(); i++) {
      n += s.isEmpty(i) ? 1 : 0;
    }
    return n;
  }

  @Test
  void issue18PairCompleteness_isDeterministicForASeedAndAnyThreadCount() {
    LinkConfig cfg = blocking(8, 12);
    PairCompleteness.Measured a = measured(cfg, 200, 42, 1);
    PairCompleteness.Measured b = measured(cfg, 200, 42, 2);
    assertEquals(a, b);
    assertEquals(200, a.sampledRecords());
    assertNotEquals(a, measured(cfg, 200, 43, 2), "another seed draws another sample");
    String json1 = OverlapReport.of(cfg, Matcher.builder(cfg).threads(1).completenessSample(200).completenessSeed(42).build().match(sets)).toJson();
    String json2 = OverlapReport.of(cfg, Matcher.builder(cfg).threads(2).completenessSample(200).completenessSeed(42).build().match(sets)).toJson();
    assertEquals(json1, json2);
    assertTrue(json1.contains("\"pairCompleteness\"") && json1.contains("\"measured\"") && json1.contains("\"theoretical\""), json1);
    assertTrue(json1.contains("\"pairsAtThreshold\" : " + a.pairsAtThreshold()), json1);
  }

  @Test
  void issue18PairCompleteness_theSampleSettingIsChecked() {
    Matcher.Builder b = Matcher.builder(LinkFixtures.config());
    assertThrows(IllegalArgumentException.class, () -> b.completenessSample(-1));
    assertThrows(IllegalArgumentException.class, () -> b.completenessSample(1_000_001));
    MatchResult r = b.completenessSample(0).build().match(sets);
    assertTrue(r.pairCompleteness().measured().isEmpty());
    assertEquals(6, r.pairCompleteness().theoretical().size());
    assertEquals(0.5, r.pairCompleteness().fill(), 1e-12, "balanced encodings are half ones");
  }
}
