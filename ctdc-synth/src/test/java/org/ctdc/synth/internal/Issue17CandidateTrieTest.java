package org.ctdc.synth.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.ctdc.synth.Fixtures;
import org.ctdc.synth.SynthConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 (performance): DP mode counts the candidates of each length in a trie of the survived shorter
 * combinations with dense counts. The trie lists exactly the valid combinations of the hash-map enumerator, in
 * the same order (the order the per-record subsets are drawn in), and the whole DP aggregation is the same with
 * the trie as with hashing alone, on any number of threads.
 */
class Issue17CandidateTrieTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void issue17_trieListsTheValidCombinationsInTheEnumeratorsOrder(long seed) {
    Dataset d = Fixtures.random(300, seed, "n");
    AttributeTable t = AttributeTable.of(d, Fixtures.COLUMNS, List.of("isAbduction"), false);
    int r = 4;
    LongLongMap[] survived = new LongLongMap[r + 1];
    DpAggregator.Extensions ext = new DpAggregator.Extensions(t.size());
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int k = 1; k <= r; k++) {
      CandidateTrie trie = CandidateTrie.build(t, survived, k, Long.MAX_VALUE);
      assertNotNull(trie);
      CandidateTrie.Walker w = trie.new Walker(t, t.maxPerRecord());
      DpAggregator.Enumerator e = new DpAggregator.Enumerator(t, ext, k, t.maxPerRecord());
      LongLongMap s = new LongLongMap();
      for (int row = 0; row < d.rowCount(); row++) {
        int n = e.list(d, row, false);
        assertEquals(n, w.list(d, row, false), "length " + k + ", row " + row);
        long[] want = java.util.Arrays.copyOf(e.found, n);
        long[] got = new long[n];
        for (int i = 0; i < n; i++) {
          got[i] = trie.keys[w.found[i]];
        }
        assertArrayEquals(want, got, "length " + k + ", row " + row);
        assertEquals(n, w.list(d, row, true));
        // a random survivor set: the valid combinations present, kept with probability 0.7
        for (long key : want) {
          if (rnd.nextInt(10) < 7) {
            s.put(key, 1);
          }
        }
      }
      survived[k] = s;
      ext.add(s, k, t);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9, 10})
  void issue17_dpAggregationIsTheSameWithTheTrieAsWithHashing(long seed) {
    Dataset d = Fixtures.random(400, seed, "n");
    // a low percentile, so that many records keep a random subset of their combinations
    SynthConfig c = SynthConfig.builder(SynthConfig.Mode.DP, 4).columns(Fixtures.COLUMNS).epsilon(3)
        .percentile(40).seed(seed).build();
    AttributeTable t = AttributeTable.of(d, c.columns(), c.sensitiveZeros(), false);
    DpAggregator.Result hashed = run(d, t, c, seed, 1, 0);
    for (int threads : new int[] {1, 3}) {
      DpAggregator.Result trie = run(d, t, c, seed, threads, DpAggregator.TRIE_LIMIT);
      assertArrayEquals(hashed.sensitivities(), trie.sensitivities());
      assertArrayEquals(hashed.thresholds(), trie.thresholds());
      assertEquals(hashed.protectedRecordCount(), trie.protectedRecordCount());
      for (int k = 1; k <= 4; k++) {
        long[] keys = hashed.counts()[k].sortedKeys();
        assertArrayEquals(keys, trie.counts()[k].sortedKeys(), "length " + k);
        for (long key : keys) {
          assertEquals(hashed.counts()[k].get(key, 0), trie.counts()[k].get(key, 0), "length " + k);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5})
  void issue17_trieRefusedBeyondItsLimit(int limit) {
    Dataset d = Fixtures.random(50, 1, "n");
    AttributeTable t = AttributeTable.of(d, Fixtures.COLUMNS, List.of(), false);
    assertNull(CandidateTrie.build(t, new LongLongMap[2], 1, Math.min(limit, t.size() - 1)));
  }

  private static DpAggregator.Result run(Dataset d, AttributeTable t, SynthConfig c, long seed, int threads,
      long limit) {
    return DpAggregator.run(d, t, c, new SplittableRandom(seed), true, threads, ProgressListener.none(),
        Cancellation.none(), limit);
  }
}
