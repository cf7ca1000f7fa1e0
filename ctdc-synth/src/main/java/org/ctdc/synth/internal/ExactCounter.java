package org.ctdc.synth.internal;

import java.util.List;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.jspecify.annotations.Nullable;

/**
 * Counts every combination of one to R attributes present in a dataset, in one pass over the records split
 * into chunks counted in parallel and summed (so the result does not depend on the number of threads).
 * Thread-safe (stateless).
 */
public final class ExactCounter {
  /** Records between two cancellation checks and progress reports. */
  static final int CHUNK = 4096;
  /** The most candidates of one length {@link #countAtLeast} counts in a trie. */
  public static final long TRIE_LIMIT = 1 << 24;

  private ExactCounter() {}

  /**
   * Counts.
   *
   * @param data the dataset
   * @param table its attributes
   * @param r the reporting length
   * @param threads threads to use
   * @param progress the listener, reporting stage {@code "aggregating"} from the first chunk's thread
   * @param cancellation the signal checked every {@value #CHUNK} records
   * @return one map per length 1..R (index 0 unused) from packed combination to count
   */
  public static LongLongMap[] count(Dataset data, AttributeTable table, int r, int threads,
      ProgressListener progress, Cancellation cancellation) {
    table.requireFits(r);
    int n = data.rowCount();
    int parts = Math.max(1, Math.min(threads, (n + CHUNK - 1) / CHUNK));
    List<LongLongMap[]> partial = Parallel.run(parts, parts, p -> {
      LongLongMap[] maps = new LongLongMap[r + 1];
      for (int k = 1; k <= r; k++) {
        maps[k] = new LongLongMap(1024);
      }
      int[] buf = new int[Math.max(1, table.maxPerRecord())];
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      for (int row = from; row < to; row++) {
        if ((row - from) % CHUNK == 0) {
          cancellation.throwIfCancelled("synthesis");
          if (p == 0) {
            progress.onProgress("aggregating", (long) (row - from) * parts, n);
          }
        }
        int m = table.attributes(data, row, buf);
        enumerate(buf, m, 0, 0, 0L, r, table.bits(), maps);
      }
      return maps;
    });
    LongLongMap[] total = partial.get(0);
    for (int i = 1; i < partial.size(); i++) {
      for (int k = 1; k <= r; k++) {
        total[k].addAll(partial.get(i)[k]);
      }
    }
    progress.onProgress("aggregating", n, n);
    return total;
  }

  /**
   * Counts the combinations of one to R attributes that occur at least {@code min} times, length by length:
   * the candidates of length k are the combinations whose sub-combinations of length k - 1 all occur at least
   * min times (no other can), counted in a {@link CandidateTrie} with dense per-thread counts summed in part
   * order. Falls back to {@link #count} when a length has more than {@code trieLimit} candidates.
   *
   * @param data the dataset
   * @param table its attributes
   * @param r the reporting length
   * @param min the least count kept, at least 1
   * @param threads threads to use
   * @param progress the listener, reporting stage {@code "aggregating"} by length
   * @param cancellation the signal checked every {@value #CHUNK} records
   * @param trieLimit the most candidates of one length counted in the trie
   * @return one map per length 1..R (index 0 unused) from packed combination to count, counts at least min
   */
  public static LongLongMap[] countAtLeast(Dataset data, AttributeTable table, int r, long min, int threads,
      ProgressListener progress, Cancellation cancellation, long trieLimit) {
    table.requireFits(r);
    int n = data.rowCount();
    int parts = Math.max(1, Math.min(threads, (n + CHUNK - 1) / CHUNK));
    int maxAttrs = Math.max(1, table.maxPerRecord());
    LongLongMap[] out = new LongLongMap[r + 1];
    for (int k = 1; k <= r; k++) {
      @Nullable CandidateTrie built = CandidateTrie.build(table, out, k, trieLimit);
      if (built == null) {
        LongLongMap[] all = count(data, table, r, threads, progress, cancellation);
        for (int j = 1; j <= r; j++) {
          out[j] = new LongLongMap(16);
          for (long key : all[j].sortedKeys()) {
            long c = all[j].get(key, 0);
            if (c >= min) {
              out[j].put(key, c);
            }
          }
        }
        return out;
      }
      CandidateTrie trie = built;
      int size = trie.keys.length;
      List<int[]> partial = Parallel.run(parts, parts, p -> {
        int[] cnt = new int[size];
        CandidateTrie.Walker e = trie.new Walker(table, maxAttrs);
        int from = (int) ((long) n * p / parts);
        int to = (int) ((long) n * (p + 1) / parts);
        for (int row = from; row < to; row++) {
          if ((row - from) % CHUNK == 0) {
            cancellation.throwIfCancelled("synthesis");
          }
          int c = e.list(data, row, false);
          int[] found = e.found;
          for (int i = 0; i < c; i++) {
            cnt[found[i]]++;
          }
        }
        return cnt;
      });
      int[] cnt = partial.get(0);
      for (int i = 1; i < partial.size(); i++) {
        int[] o = partial.get(i);
        for (int x = 0; x < size; x++) {
          cnt[x] += o[x];
        }
      }
      LongLongMap m = new LongLongMap(1024);
      for (int x = 0; x < size; x++) {
        if (cnt[x] >= min) {
          m.put(trie.keys[x], cnt[x]);
        }
      }
      out[k] = m;
      progress.onProgress("aggregating", k, r);
    }
    return out;
  }

  private static void enumerate(int[] attrs, int m, int start, int depth, long key, int r, int bits,
      LongLongMap[] maps) {
    for (int i = start; i < m; i++) {
      long k = (key << bits) | (attrs[i] + 1);
      maps[depth + 1].add(k, 1);
      if (depth + 1 < r) {
        enumerate(attrs, m, i + 1, depth + 1, k, r, bits, maps);
      }
    }
  }
}
