package org.ctdc.synth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.ctdc.synth.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 (performance): synthesis reads the count of a combination S with an attribute c from the extension
 * sets (one look-up of S per step, then a rank), which equals the reported count of S with c when positive and
 * 0 otherwise, for every S shorter than R and every c, including the empty S (the single counts).
 */
class Issue17ExtensionCountsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void issue17_extensionCountsEqualTheReportedCounts(long seed) {
    Dataset d = Fixtures.random(300, seed, "n");
    AttributeTable t = AttributeTable.of(d, Fixtures.COLUMNS, List.of("isAbduction"), false);
    int r = 4;
    LongLongMap[] counts = ExactCounter.count(d, t, r, 1, ProgressListener.none(), Cancellation.none());
    // a few non-positive counts, which are never extensions
    long[] ones = counts[2].sortedKeys();
    for (int i = 0; i < ones.length; i += 7) {
      counts[2].put(ones[i], -(i % 2));
    }
    long[] reported1 = new long[t.size()];
    for (int i = 0; i < t.size(); i++) {
      reported1[i] = Math.max(0, counts[1].get(i + 1, 0));
    }
    SeededSynthesis.Extensions ext = new SeededSynthesis.Extensions(t, counts, r, reported1);
    int[] ids = new int[r];
    int[] with = new int[r];
    for (int c = 0; c < t.size(); c++) {
      assertEquals(counts[1].get(c + 1, 0), ext.count(ext.at(0), c));
    }
    for (int k = 1; k < r; k++) {
      for (long key : counts[k].sortedKeys()) {
        t.unpack(key, k, ids);
        long at = ext.at(key);
        for (int c = 0; c < t.size(); c++) {
          int n = 0;
          boolean member = false;
          for (int i = 0; i < k; i++) {
            member |= ids[i] == c;
          }
          if (member) {
            continue;
          }
          for (int i = 0; i < k; i++) {
            if (ids[i] > c && n == i) {
              with[n++] = c;
            }
            with[n++] = ids[i];
          }
          if (n == k) {
            with[n++] = c;
          }
          long want = Math.max(0, counts[k + 1].get(t.pack(with, k + 1), 0));
          assertEquals(want, ext.count(at, c), "length " + (k + 1));
        }
      }
    }
  }
}
