package org.ctdc.synth.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;

/**
 * Aggregate-seeded synthesis from the reported counts alone. The single-attribute counts are the attributes
 * still available; each record starts from an attribute drawn by its available count and grows by attributes
 * drawn in proportion to the reported count of the extended combination (of the whole record up to length R,
 * beyond it of the new attribute with the R-1 attributes added last), capped by the attribute's available
 * count, among the attributes that keep every combination of the record of length at most R a reported one.
 * A record ends when no attribute can be added; its attributes are then used up. Synthesis stops when the
 * available counts or the record quota are used up.
 *
 * <p>The work is cut into {@value #BLOCKS} blocks, each with its own share of the counts and of the quota and its
 * own generator seeded from the seed and the block number; the blocks run on any number of threads and are
 * joined in block order, so the output depends on the seed only. Thread-safe (stateless).
 */
public final class SeededSynthesis {
  /** The fixed number of blocks. */
  public static final int BLOCKS = 16;

  private SeededSynthesis() {}

  /**
   * Synthesises.
   *
   * @param table the attributes
   * @param counts the reported counts by length (index 1..R)
   * @param r the reporting length
   * @param quota the most records to make
   * @param seed the seed
   * @param threads threads
   * @param progress the listener (stage {@code "synthesising"}, blocks done)
   * @param cancellation the signal, checked between records
   * @return the synthetic records, in the output schema
   */
  public static Dataset run(AttributeTable table, LongLongMap[] counts, int r, long quota, long seed, int threads,
      ProgressListener progress, Cancellation cancellation) {
    int a = table.size();
    long[] reported1 = new long[a];
    for (int i = 0; i < a; i++) {
      reported1[i] = Math.max(0, counts[1].get(i + 1, 0));
    }
    int words = (a + 63) >>> 6;
    long[][] partners = new long[a][words];
    int[] pair = new int[2];
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < a; j++) {
        if (i == j || reported1[j] <= 0) {
          continue;
        }
        if (table.column(i) == table.column(j) && !table.multiValued(table.column(i))) {
          continue;
        }
        boolean ok;
        if (r < 2) {
          ok = true;
        } else {
          pair[0] = Math.min(i, j);
          pair[1] = Math.max(i, j);
          ok = counts[2].get(table.pack(pair, 2), 0) > 0;
        }
        if (ok) {
          partners[i][j >>> 6] |= 1L << j;
        }
      }
    }
    int[] done = {0};
    List<List<int[]>> blocks = Parallel.run(threads, BLOCKS, b -> {
      long[] avail = new long[a];
      for (int i = 0; i < a; i++) {
        avail[i] = share(reported1[i], b, i);
      }
      long myQuota = share(quota, b, 0);
      List<int[]> out = new Block(table, counts, r, partners, avail, new SplittableRandom(DpAggregator.mix(seed, b)))
          .run(myQuota, cancellation);
      synchronized (done) {
        done[0]++;
        if (b == 0) {
          progress.onProgress("synthesising", done[0], BLOCKS);
        }
      }
      return out;
    });
    Dataset.Appender app = Dataset.appender(table.outputSchema());
    for (List<int[]> block : blocks) {
      for (int[] rec : block) {
        table.write(app, rec, rec.length);
      }
    }
    progress.onProgress("synthesising", BLOCKS, BLOCKS);
    return app.build();
  }

  /** Block b's share of a count: the quotient, plus one for the first {@code rest} blocks from {@code offset}. */
  static long share(long total, int b, int offset) {
    long q = total / BLOCKS;
    long rest = total % BLOCKS;
    int pos = Math.floorMod(b - offset, BLOCKS);
    return q + (pos < rest ? 1 : 0);
  }

  /** One block's synthesis. Not thread-safe. */
  private static final class Block {
    private final AttributeTable table;
    private final LongLongMap[] counts;
    private final int r;
    private final long[][] partners;
    private final long[] avail;
    private final SplittableRandom rng;
    private final int[] rec;
    private final long[] cand;
    private final long[] weights;
    private final int[] candIds;
    private final int[] tuple;
    private final int[] sorted;

    Block(AttributeTable table, LongLongMap[] counts, int r, long[][] partners, long[] avail, SplittableRandom rng) {
      this.table = table;
      this.counts = counts;
      this.r = r;
      this.partners = partners;
      this.avail = avail;
      this.rng = rng;
      int a = table.size();
      this.rec = new int[Math.max(1, a)];
      this.cand = new long[(a + 63) >>> 6];
      this.weights = new long[Math.max(1, a)];
      this.candIds = new int[Math.max(1, a)];
      this.tuple = new int[r + 1];
      this.sorted = new int[r + 1];
    }

    List<int[]> run(long quota, Cancellation cancellation) {
      List<int[]> out = new ArrayList<>();
      long totalAvail = 0;
      for (long v : avail) {
        totalAvail += Math.max(0, v);
      }
      while (out.size() < quota && totalAvail > 0) {
        if ((out.size() & 0xFF) == 0) {
          cancellation.throwIfCancelled("synthesis");
        }
        int start = drawByAvail(totalAvail);
        int len = grow(start);
        int[] record = Arrays.copyOf(rec, len);
        Arrays.sort(record);
        for (int x : record) {
          if (avail[x] > 0) {
            avail[x]--;
            totalAvail--;
          }
        }
        out.add(record);
      }
      return out;
    }

    private int drawByAvail(long total) {
      long pick = rng.nextLong(total);
      for (int i = 0; i < avail.length; i++) {
        long w = Math.max(0, avail[i]);
        if (pick < w) {
          return i;
        }
        pick -= w;
      }
      throw new IllegalStateException("no attribute available");
    }

    private int grow(int start) {
      int len = 0;
      rec[len++] = start;
      System.arraycopy(partners[start], 0, cand, 0, cand.length);
      while (true) {
        int n = 0;
        long total = 0;
        for (int w = 0; w < cand.length; w++) {
          long bitsLeft = cand[w];
          while (bitsLeft != 0) {
            int c = (w << 6) + Long.numberOfTrailingZeros(bitsLeft);
            bitsLeft &= bitsLeft - 1;
            if (avail[c] <= 0 || !consistent(c, len)) {
              cand[c >>> 6] &= ~(1L << c);
              continue;
            }
            long weight = Math.min(avail[c], combinationCount(c, len));
            if (weight <= 0) {
              continue;
            }
            candIds[n] = c;
            weights[n++] = weight;
            total += weight;
          }
        }
        if (n == 0) {
          return len;
        }
        long pick = rng.nextLong(total);
        int chosen = candIds[n - 1];
        for (int i = 0; i < n; i++) {
          if (pick < weights[i]) {
            chosen = candIds[i];
            break;
          }
          pick -= weights[i];
        }
        rec[len++] = chosen;
        long[] p = partners[chosen];
        for (int w = 0; w < cand.length; w++) {
          cand[w] &= p[w];
        }
        cand[chosen >>> 6] &= ~(1L << chosen);
      }
    }

    /**
     * Whether adding c keeps every combination of length 3..R that holds c and the attribute added last
     * reported (pairs are kept by the partner sets; earlier additions were checked at their own step).
     */
    private boolean consistent(int c, int len) {
      if (r < 3 || len < 2) {
        return true;
      }
      int last = rec[len - 1];
      // subsets s of rec[0..len-2] of size 1..r-2, each with c and last
      return subsets(c, last, len - 1, 0, 0);
    }

    private boolean subsets(int c, int last, int m, int from, int depth) {
      for (int i = from; i < m; i++) {
        tuple[depth] = rec[i];
        int size = depth + 1;
        if (!reported(c, last, size)) {
          return false;
        }
        if (size < r - 2 && !subsets(c, last, m, i + 1, depth + 1)) {
          return false;
        }
      }
      return true;
    }

    private boolean reported(int c, int last, int size) {
      int k = size + 2;
      for (int i = 0; i < size; i++) {
        sorted[i] = tuple[i];
      }
      sorted[size] = c;
      sorted[size + 1] = last;
      Arrays.sort(sorted, 0, k);
      return counts[k].get(table.pack(sorted, k), 0) > 0;
    }

    /** The reported count of c with the record (up to R) or with its R-1 attributes added last. */
    private long combinationCount(int c, int len) {
      int take = Math.min(len, r - 1);
      int k = take + 1;
      for (int i = 0; i < take; i++) {
        sorted[i] = rec[len - take + i];
      }
      sorted[take] = c;
      Arrays.sort(sorted, 0, k);
      return counts[k].get(table.pack(sorted, k), 0);
    }
  }
}
