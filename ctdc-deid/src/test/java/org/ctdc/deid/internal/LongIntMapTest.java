package org.ctdc.deid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The open-addressing map behind every roll-up, against {@link HashMap}: first insertion wins, lookups of
 * absent keys answer -1, growth past the load factor and reuse after reset keep every entry.
 */
class LongIntMapTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 100, 5000})
  void behavesLikeAHashMapThroughGrowthAndReset(int expected) {
    SplittableRandom r = new SplittableRandom(expected + 17L);
    LongIntMap map = new LongIntMap(expected);
    for (int round = 0; round < 3; round++) {
      Map<Long, Integer> ref = new HashMap<>();
      int inserts = round == 1 ? 3 : 2_000;
      for (int i = 0; i < inserts; i++) {
        // small key range: many repeats; bit 62 set on some keys: high bits take part in the hash
        long key = r.nextInt(600) | (r.nextBoolean() ? 1L << 62 : 0L);
        Integer prev = ref.putIfAbsent(key, i);
        int got = map.getOrPut(key, i);
        assertEquals(prev == null ? i : prev, got, "getOrPut of key " + key);
        assertEquals(ref.size(), map.size());
      }
      for (long key = 0; key < 600; key++) {
        for (long k : new long[] {key, key | 1L << 62}) {
          assertEquals(ref.getOrDefault(k, -1), map.get(k), "get of key " + k);
        }
      }
      map.reset(round == 0 ? 10 : 50_000);
      assertEquals(0, map.size());
      assertEquals(-1, map.get(ref.keySet().iterator().next()));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 40})
  void keysThatCollideInTheLowBitsAreAllKept(int expected) {
    LongIntMap map = new LongIntMap(expected);
    // multiples of 2^40 differ only in high bits
    for (int i = 0; i < 300; i++) {
      assertEquals(i, map.getOrPut((long) i << 40, i));
    }
    for (int i = 0; i < 300; i++) {
      assertEquals(i, map.get((long) i << 40));
      assertEquals(i, map.getOrPut((long) i << 40, -5));
    }
    assertEquals(300, map.size());
    assertEquals(-1, map.get(301L << 40));
  }
}
