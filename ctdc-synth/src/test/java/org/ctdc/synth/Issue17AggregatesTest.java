package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17, aggregates: exact counts equal a brute-force count; rounding; threads; CSV. */
class Issue17AggregatesTest {

  private static SynthConfig exact(int r, int resolution, List<String> zeros) {
    return SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, r).columns(Fixtures.COLUMNS).sensitiveZeros(zeros)
        .resolution(resolution).build();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void issue17_exactAggregatesEqualABruteForceCountOnSmallRandomData(long seed) {
    int rows = 1 + (int) (seed * 37 % 300);
    int r = 1 + (int) (seed % 4);
    List<String> zeros = seed % 2 == 0 ? List.of("isAbduction", "children") : List.of();
    Dataset d = Fixtures.random(rows, seed, "n");
    Aggregates a = Synthesizer.builder(exact(r, 1, zeros)).threads(1 + (int) (seed % 3)).build().aggregate(d);
    List<Map<String, Long>> brute = Fixtures.bruteForce(d, Fixtures.COLUMNS, zeros, r);
    for (int k = 1; k <= r; k++) {
      assertEquals(brute.get(k), Fixtures.asMap(a, k), "length " + k + ", seed " + seed);
    }
  }

  @Test
  void issue17_kSyntheticCountsAreRoundedDownToTheResolutionAndRareOnesLeftOut() {
    Dataset d = Fixtures.random(500, 99, "n");
    Aggregates a = Synthesizer.of(exact(3, 7, List.of())).aggregate(d);
    List<Map<String, Long>> brute = Fixtures.bruteForce(d, Fixtures.COLUMNS, List.of(), 3);
    for (int k = 1; k <= 3; k++) {
      Map<String, Long> expected = new HashMap<>();
      brute.get(k).forEach((c, n) -> {
        if (n >= 7) {
          expected.put(c, n / 7 * 7);
        }
      });
      assertEquals(expected, Fixtures.asMap(a, k));
    }
    assertEquals(500 / 7 * 7, a.accounting().protectedRecordCount());
  }

  @Test
  void issue17_aggregatesDoNotDependOnTheNumberOfThreads() {
    Dataset d = Fixtures.random(20_000, 5, "n");
    StringWriter one = new StringWriter();
    StringWriter two = new StringWriter();
    Synthesizer.builder(exact(4, 1, List.of())).threads(1).build().aggregate(d).writeCsv(one);
    Synthesizer.builder(exact(4, 1, List.of())).threads(2).build().aggregate(d).writeCsv(two);
    assertEquals(one.toString(), two.toString());
  }

  @Test
  void issue17_theCsvListsLengthCombinationAndCountInSchemaColumnOrder() {
    Dataset d = Fixtures.random(300, 3, "n");
    StringWriter w = new StringWriter();
    Synthesizer.of(exact(2, 1, List.of())).aggregate(d).writeCsv(w);
    String[] lines = w.toString().split("\n");
    assertEquals("length,combination,count", lines[0]);
    List<String> order = List.of("gender", "age", "exploit", "isAbduction", "children");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      assertEquals(3, cells.length, lines[i]);
      String[] pairs = cells[1].split(";");
      assertEquals(Integer.parseInt(cells[0]), pairs.length);
      for (int j = 1; j < pairs.length; j++) {
        String before = pairs[j - 1].split("=")[0];
        String after = pairs[j].split("=")[0];
        assertTrue(order.indexOf(before) <= order.indexOf(after), lines[i]);
      }
    }
  }
}
