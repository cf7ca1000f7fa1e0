package org.ctdc.synth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.ctdc.synth.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17 (performance): k-synthetic mode counts length by length only the combinations whose shorter ones
 * reach the resolution; the result equals the full count restricted to counts of at least the resolution, with
 * the trie and with the fallback to the full count, on any number of threads.
 */
class Issue17CountAtLeastTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "2, 3", "3, 5", "4, 10", "5, 2"})
  void issue17_countAtLeastIsTheFullCountAboveTheMinimum(long seed, int min) {
    Dataset d = Fixtures.random(500, seed, "n");
    AttributeTable t = AttributeTable.of(d, Fixtures.COLUMNS, List.of("isAbduction"), true);
    int r = 4;
    LongLongMap[] all = ExactCounter.count(d, t, r, 1, ProgressListener.none(), Cancellation.none());
    for (long limit : new long[] {0, ExactCounter.TRIE_LIMIT}) {
      for (int threads : new int[] {1, 3}) {
        LongLongMap[] got = ExactCounter.countAtLeast(d, t, r, min, threads, ProgressListener.none(),
            Cancellation.none(), limit);
        for (int k = 1; k <= r; k++) {
          LongLongMap want = new LongLongMap();
          for (long key : all[k].sortedKeys()) {
            if (all[k].get(key, 0) >= min) {
              want.put(key, all[k].get(key, 0));
            }
          }
          long[] keys = want.sortedKeys();
          assertArrayEquals(keys, got[k].sortedKeys(), "length " + k + ", limit " + limit);
          for (long key : keys) {
            assertEquals(want.get(key, 0), got[k].get(key, 0));
          }
        }
      }
    }
  }
}
