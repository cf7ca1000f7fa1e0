package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17, synthesis from the aggregates alone: reproducible for a seed on any number of threads. */
class Issue17SynthesisTest {

  private static byte[] csv(Dataset d) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(d, w);
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] synthesise(SynthConfig c, Dataset d, int threads) {
    Synthesizer s = Synthesizer.builder(c).threads(threads).build();
    return csv(s.synthesize(s.aggregate(d)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void issue17_theSameSeedGivesByteIdenticalOutputOnOneAndTwoThreads(long seed) {
    Dataset d = Fixtures.random(6000, seed, "n");
    SynthConfig k = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 3).columns(Fixtures.COLUMNS).resolution(5)
        .seed(seed).build();
    assertArrayEquals(synthesise(k, d, 1), synthesise(k, d, 2));
    SynthConfig dp = SynthConfig.builder(SynthConfig.Mode.DP, 3).columns(Fixtures.COLUMNS).epsilon(2).seed(seed)
        .build();
    assertArrayEquals(synthesise(dp, d, 1), synthesise(dp, d, 2));
  }

  @Test
  void issue17_anotherSeedGivesOtherRecords() {
    Dataset d = Fixtures.random(3000, 4, "n");
    SynthConfig a = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 2).columns(Fixtures.COLUMNS).resolution(5)
        .seed(1).build();
    SynthConfig b = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 2).columns(Fixtures.COLUMNS).resolution(5)
        .seed(2).build();
    assertNotEquals(new String(synthesise(a, d, 2), StandardCharsets.UTF_8),
        new String(synthesise(b, d, 2), StandardCharsets.UTF_8));
  }

  @Test
  void issue17_theSyntheticDataHasTheChosenColumnsInSchemaOrderAndAtMostTheProtectedCount() {
    Dataset d = Fixtures.random(4000, 5, "n");
    SynthConfig c = SynthConfig.builder(SynthConfig.Mode.DP, 3)
        .columns(List.of("children", "gender", "exploit")).epsilon(3).seed(3).build();
    Synthesizer s = Synthesizer.of(c);
    Aggregates a = s.aggregate(d);
    Dataset out = s.synthesize(a);
    assertEquals(List.of("gender", "exploit", "children"), out.schema().variables().stream().map(Variable::name)
        .toList());
    assertEquals(d.schema().format(), out.schema().format());
    assertTrue(out.rowCount() <= a.accounting().protectedRecordCount());
    assertTrue(out.rowCount() > a.accounting().protectedRecordCount() / 2, out.rowCount() + " records");
  }

  @Test
  void issue17_singleAttributeCountsOfTheOutputTrackTheAggregates() {
    Dataset d = Fixtures.random(8000, 6, "n");
    SynthConfig c = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 3).columns(Fixtures.COLUMNS).resolution(10)
        .seed(9).build();
    Synthesizer s = Synthesizer.of(c);
    Aggregates a = s.aggregate(d);
    Dataset out = s.synthesize(a);
    var synthetic = Fixtures.bruteForce(out, Fixtures.COLUMNS, List.of(), 1).get(1);
    for (Aggregates.Combination one : a.combinations(1)) {
      long got = synthetic.getOrDefault(one.combination(), 0L);
      assertTrue(got <= one.count(), one + ": " + got);
      assertTrue(got >= one.count() * 0.7, one + ": " + got);
    }
  }
}
