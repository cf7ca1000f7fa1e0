package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the whole pipeline (encode, block, compare, solve) on the generator's default corruption holds a
 * lower bound of F1 and of the blocking's pair completeness (the goal, stated in BENCHMARKS.md, is F1 ≥ 0.95 and
 * pair completeness ≥ 0.99).
 */
class Issue18QualityTest {

  static double[] measure(int parties, int people, long seed, LinkConfig cfg) {
    LinkageSamples.Linkage l = LinkageSamples.generate(seed, parties, people, 0.4, LinkageSamples.Corruption.defaults());
    try (LinkKey k = LinkFixtures.key()) {
      Encoder e = Encoder.builder(cfg, k).threads(2).build();
      List<ClkSet> sets = LinkFixtures.encode(e, l);
      Matcher m = Matcher.builder(cfg).threads(2).build();
      MatchResult r = m.match(sets);
      List<Match> truth = LinkFixtures.truth(l);
      double[] q = LinkFixtures.quality(r, truth);
      double pc = m.pairCompleteness(sets, truth);
      long all = 0;
      for (int i = 0; i < sets.size(); i++) {
        for (int j = i + 1; j < sets.size(); j++) {
          all += (long) sets.get(i).size() * sets.get(j).size();
        }
      }
      System.out.printf("parties %d people %d: precision %.4f recall %.4f F1 %.4f PC %.4f RR %.4f comparisons %d%n",
          parties, people, q[0], q[1], q[2], pc, 1 - (double) r.comparisons() / all, r.comparisons());
      return new double[] {q[0], q[1], q[2], pc};
    }
  }

  @Test
  void issue18_twoPartiesDefaultCorruptionHoldsTheQualityBound() {
    double[] q = measure(2, 4000, 18, LinkFixtures.config());
    assertTrue(q[2] >= 0.95, "F1 " + q[2]);
    assertTrue(q[3] >= 0.99, "pair completeness " + q[3]);
  }

  @Test
  void issue18_threePartiesDefaultCorruptionHoldsTheQualityBound() {
    double[] q = measure(3, 3000, 1818, LinkFixtures.config());
    assertTrue(q[2] >= 0.95, "F1 " + q[2]);
    assertTrue(q[3] >= 0.99, "pair completeness " + q[3]);
  }
}
