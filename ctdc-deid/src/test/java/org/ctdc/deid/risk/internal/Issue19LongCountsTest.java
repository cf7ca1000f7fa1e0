package org.ctdc.deid.risk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19: the one-array layout of LongCounts keeps every key, count and weight, and its compatible sums. */
class Issue19LongCountsTest {

  @ParameterizedTest
  @ValueSource(longs = {1L, 19L, 2026L})
  void issue19_entriesAndCompatibleSumsMatchAPlainMap(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    LongCounts t = new LongCounts(1);
    Map<Long, double[]> ref = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      long key = rnd.nextInt(10) == 0 ? Long.MAX_VALUE - rnd.nextInt(3) : rnd.nextLong(0, 3_000);
      double c = rnd.nextInt(-2, 5);
      double w = rnd.nextDouble();
      t.add(key, c, w);
      double[] e = ref.computeIfAbsent(key, k -> new double[2]);
      e[0] += c;
      e[1] += w;
    }
    assertEquals(ref.size(), t.size());
    int seen = 0;
    for (int i = 0; i < t.capacity(); i++) {
      if (t.used(i)) {
        seen++;
        double[] e = ref.get(t.key(i));
        assertEquals(e[0], t.count(i));
        assertEquals(e[1], t.weight(i));
        assertEquals(i, t.find(t.key(i)));
      }
    }
    assertEquals(ref.size(), seen);
    assertEquals(-1, t.find(3_001L));
    long common = 0b1111L;
    long probe = 5L;
    double count = 0;
    double weight = 0;
    for (int i = 0; i < t.capacity(); i++) {
      if (t.used(i) && ((t.key(i) ^ probe) & common) == 0) {
        count += t.count(i);
        weight += t.weight(i);
      }
    }
    double[] out = new double[2];
    t.sumCompatible(probe, common, out);
    assertEquals(count, out[0]);
    assertEquals(weight, out[1]);
  }
}
