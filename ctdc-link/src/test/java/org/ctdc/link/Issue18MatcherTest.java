package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 18: Dice, blocking, the greedy solver and determinism across thread counts. */
class Issue18MatcherTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void issue18_diceOnPackedWordsIsTheSetFormula(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] a = new long[16];
    long[] b = new long[16];
    int ca = 0;
    int cb = 0;
    int both = 0;
    for (int i = 0; i < 1024; i++) {
      boolean x = r.nextInt(3) == 0;
      boolean y = r.nextInt(3) == 0;
      if (x) {
        a[i / 64] |= 1L << i;
        ca++;
      }
      if (y) {
        b[i / 64] |= 1L << i;
        cb++;
      }
      both += x && y ? 1 : 0;
    }
    assertEquals(2.0 * both / (ca + cb), Dice.similarity(a, 0, b, 0, 16), 1e-12);
    assertEquals(both, Dice.common(a, 0, b, 0, 16));
    assertEquals(ca, Dice.cardinality(a, 0, 16));
  }

  private static ClkSet set(String name, long[]... clks) {
    List<Clk> l = new ArrayList<>();
    for (int i = 0; i < clks.length; i++) {
      l.add(new Clk(name + i, clks[i]));
    }
    return ClkSet.of(name, l);
  }

  @Test
  void issue18_theGreedySolverIsOneToOneForTwoAndOnePerSourceForThree() {
    LinkConfig cfg = LinkConfig.builder("id").field(LinkConfig.Field.of("n", "n", FieldKind.NAME, 1)).threshold(0.5).blocking(0, 1).build();
    long x = 0xFFFFL;
    long y = 0xFFFF_0000L;
    // a0 is close to b0 (1.0) and b1 (0.9); a1 only to b1 (0.8): greedy takes a0-b0 then a1-b1
    ClkSet a = set("a", new long[] {x}, new long[] {x | 0x3L << 40});
    ClkSet b = set("b", new long[] {x}, new long[] {x | 0x1L << 40}, new long[] {y});
    MatchResult r = Matcher.builder(cfg).build().match(List.of(a, b));
    assertEquals(2, r.clusters().size());
    assertEquals(List.of(new RecordRef("a", "a0"), new RecordRef("b", "b0")), r.clusters().get(0));
    assertEquals(List.of(new RecordRef("a", "a1"), new RecordRef("b", "b1")), r.clusters().get(1));
    assertEquals(6, r.comparisons());
    assertEquals(6, java.util.Arrays.stream(r.histogram()).sum());
    ClkSet c = set("c", new long[] {x}, new long[] {y});
    MatchResult three = Matcher.builder(cfg).build().match(List.of(a, b, c));
    assertEquals(List.of(new RecordRef("a", "a0"), new RecordRef("b", "b0"), new RecordRef("c", "c0")), three.clusters().get(0));
    for (List<RecordRef> cl : three.clusters()) {
      Set<String> sources = new HashSet<>();
      cl.forEach(m -> assertTrue(sources.add(m.source())));
    }
    assertEquals(3, three.matches().stream().filter(m -> m.a().id().equals("a0") || m.a().id().equals("b0")).count());
  }

  @Test
  void issue18_resultsAreIdenticalForAnyThreadCount() {
    LinkageSamples.Linkage l = LinkageSamples.generate(99, 3, 6000, 0.4, LinkageSamples.Corruption.defaults());
    List<ClkSet> sets;
    try (LinkKey k = LinkFixtures.key()) {
      sets = LinkFixtures.encode(Encoder.builder(LinkFixtures.config(), k).build(), l);
    }
    MatchResult one = Matcher.builder(LinkFixtures.config()).build().match(sets);
    for (int t : new int[] {2, 3, 8}) {
      MatchResult many = Matcher.builder(LinkFixtures.config()).threads(t).build().match(sets);
      assertEquals(one.clusters(), many.clusters());
      assertEquals(one.matches(), many.matches());
      assertEquals(one.comparisons(), many.comparisons());
      assertArrayEquals(one.histogram(), many.histogram());
    }
    assertTrue(one.clusters().size() > 100);
  }

  @Test
  void issue18_blockingComparesFewerPairsAndReportsPairCompleteness() {
    LinkageSamples.Linkage l = LinkageSamples.generate(5, 2, 3000, 0.5, LinkageSamples.Corruption.defaults());
    List<ClkSet> sets;
    try (LinkKey k = LinkFixtures.key()) {
      sets = LinkFixtures.encode(Encoder.builder(LinkFixtures.config(), k).build(), l);
    }
    LinkConfig cfg = LinkFixtures.config();
    Matcher m = Matcher.builder(cfg).build();
    MatchResult r = m.match(sets);
    long all = (long) sets.get(0).size() * sets.get(1).size();
    assertTrue(r.comparisons() < all / 10, r.comparisons() + " of " + all);
    double pc = m.pairCompleteness(sets, LinkFixtures.truth(l));
    assertTrue(pc > 0.98 && pc <= 1, "pair completeness " + pc);
  }
}
