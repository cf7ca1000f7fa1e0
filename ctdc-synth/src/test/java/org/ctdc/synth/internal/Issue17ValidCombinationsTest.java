package org.ctdc.synth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.ctdc.schema.Dataset;
import org.ctdc.synth.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17: DP mode's listing of a record's valid combinations of length k (every sub-combination of length
 * k - 1 survived), done with extension bit sets, equals the listing by definition on random survived sets.
 */
class Issue17ValidCombinationsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void issue17_validCombinationsEqualTheirDefinition(long seed) {
    Dataset d = Fixtures.random(300, seed, "n");
    AttributeTable t = AttributeTable.of(d, Fixtures.COLUMNS, List.of("isAbduction"), false);
    int r = 4;
    LongLongMap[] exact = ExactCounter.count(d, t, r, 1, org.ctdc.schema.ProgressListener.none(),
        org.ctdc.schema.Cancellation.none());
    Random rnd = new Random(seed);
    LongLongMap[] survived = new LongLongMap[r + 1];
    DpAggregator.Extensions ext = new DpAggregator.Extensions(t.size());
    int[] buf = new int[t.maxPerRecord()];
    for (int k = 1; k <= r; k++) {
      // the definition, per record
      List<TreeSet<Long>> expected = new ArrayList<>();
      for (int row = 0; row < d.rowCount(); row++) {
        int m = t.attributes(d, row, buf);
        TreeSet<Long> set = new TreeSet<>();
        combos(t, Arrays.copyOf(buf, m), k, 0, new int[k], 0, survived, set);
        expected.add(set);
      }
      DpAggregator.Enumerator e = new DpAggregator.Enumerator(t, ext, k, t.maxPerRecord());
      for (int row = 0; row < d.rowCount(); row++) {
        int n = e.list(d, row, false);
        TreeSet<Long> got = new TreeSet<>();
        for (int i = 0; i < n; i++) {
          got.add(e.found[i]);
        }
        assertEquals(expected.get(row), got, "length " + k + ", row " + row);
        assertEquals(n, e.list(d, row, true));
      }
      // a random downward-closed survivor set of this length: valid combinations present in the data, kept
      // with probability 0.7
      LongLongMap s = new LongLongMap();
      for (TreeSet<Long> set : expected) {
        for (long key : set) {
          if (exact[k].contains(key) && (key * 31 + seed) % 10 < 7) {
            s.put(key, 1);
          }
        }
      }
      rnd.nextInt();
      survived[k] = s;
      ext.add(s, k, t);
    }
  }

  private static void combos(AttributeTable t, int[] attrs, int k, int from, int[] chosen, int size,
      LongLongMap[] survived, TreeSet<Long> out) {
    if (size == k) {
      if (k > 1) {
        int[] sub = new int[k - 1];
        for (int drop = 0; drop < k; drop++) {
          int j = 0;
          for (int i = 0; i < k; i++) {
            if (i != drop) {
              sub[j++] = chosen[i];
            }
          }
          if (!survived[k - 1].contains(t.pack(sub, k - 1))) {
            return;
          }
        }
      }
      out.add(t.pack(chosen, k));
      return;
    }
    for (int i = from; i < attrs.length; i++) {
      chosen[size] = attrs[i];
      combos(t, attrs, k, i + 1, chosen, size + 1, survived, out);
    }
  }
}
