package org.ctdc.synth.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.synth.Fixtures;
import org.ctdc.synth.SynthConfig;
import org.ctdc.synth.Synthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17, the independent evaluator: the hard check of k-synthetic mode, and its measures. */
class Issue17EvaluatorTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void issue17_kSyntheticOutputPassesTheHardCheckOnRandomData(long seed) {
    int r = 1 + (int) (seed % 4);
    int resolution = 2 + (int) (seed * 3 % 9);
    List<String> zeros = seed % 3 == 0 ? List.of("isAbduction") : List.of();
    Dataset d = Fixtures.random(500 + (int) seed * 400, seed, "n");
    SynthConfig c = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, r).columns(Fixtures.COLUMNS)
        .sensitiveZeros(zeros).resolution(resolution).seed(seed).build();
    Synthesizer s = Synthesizer.of(c);
    Dataset out = s.synthesize(s.aggregate(d));
    assertTrue(out.rowCount() > 0);
    Evaluation e = Evaluator.of(Fixtures.COLUMNS, zeros, r, resolution).evaluate(d, out);
    assertTrue(e.passesHardCheck(), "seed " + seed + ": " + e.rareCombinations() + " rare combinations");
    for (Evaluation.ByLength b : e.byLength()) {
      assertEquals(0, b.fabricated());
      assertEquals(0, b.rare());
    }
  }

  @Test
  void issue17_theHardCheckFailsOnDataWithARareCombination() {
    Dataset d = Fixtures.random(2000, 3, "n");
    // the sensitive data itself, as "synthetic": it holds combinations rarer than 10
    Evaluation e = Evaluator.of(Fixtures.COLUMNS, List.of(), 3, 10).evaluate(d, d);
    assertTrue(e.rareCombinations() > 0);
    assertTrue(!e.passesHardCheck());
  }

  @Test
  void issue17_theSensitiveDataComparedWithItselfIsPreservedExactly() {
    Dataset d = Fixtures.random(1500, 4, "n");
    Evaluation e = Evaluator.of(Fixtures.COLUMNS, List.of(), 3, 5).evaluate(d, d);
    for (Evaluation.ByLength b : e.byLength()) {
      assertEquals(0, b.fabricated());
      assertEquals(0, b.suppressed());
      assertEquals(0.0, b.meanAbsoluteError());
      assertEquals(1.0, b.preserved());
      assertEquals(b.sensitiveCombinations(), b.syntheticCombinations());
      assertEquals(Fixtures.bruteForce(d, Fixtures.COLUMNS, List.of(), 3).get(b.length()).size(),
          b.sensitiveCombinations());
    }
  }

  @Test
  void issue17_fabricatedAndSuppressedCombinationsAreCountedByLength() {
    Dataset a = Fixtures.random(1000, 5, "n");
    Dataset b = Fixtures.random(1000, 6, "n");
    Evaluation e = Evaluator.of(Fixtures.COLUMNS, List.of(), 2, 1).evaluate(a, b);
    var sens = Fixtures.bruteForce(a, Fixtures.COLUMNS, List.of(), 2);
    var syn = Fixtures.bruteForce(b, Fixtures.COLUMNS, List.of(), 2);
    for (Evaluation.ByLength l : e.byLength()) {
      long fabricated = syn.get(l.length()).keySet().stream().filter(k -> !sens.get(l.length()).containsKey(k)).count();
      long suppressed = sens.get(l.length()).keySet().stream().filter(k -> !syn.get(l.length()).containsKey(k)).count();
      assertEquals(fabricated, l.fabricated(), "length " + l.length());
      assertEquals(suppressed, l.suppressed(), "length " + l.length());
    }
    long total = e.byBucket().stream().mapToLong(Evaluation.ByBucket::combinations).sum();
    assertEquals(sens.get(1).size() + sens.get(2).size(), total);
  }
}
