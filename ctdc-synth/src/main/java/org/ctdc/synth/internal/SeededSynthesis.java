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
    Extensions ext = new Extensions(table, counts, r, reported1);
    int[] done = {0};
    List<List<int[]>> blocks = Parallel.run(threads, BLOCKS, b -> {
      long[] avail = new long[a];
      for (int i = 0; i < a; i++) {
        avail[i] = share(reported1[i], b, i);
      }
      long myQuota = share(quota, b, 0);
      List<int[]> out = new Block(table, counts, r, ext, avail, new SplittableRandom(DpAggregator.mix(seed, b)))
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
    private final Extensions ext;
    private final long[] avail;
    private final SplittableRandom rng;
    private final int[] rec;
    private final long[] cand;
    private final long[] weights;
    private final int[] candIds;
    private final int[] sorted;
    private final int[] inOrder;

    Block(AttributeTable table, LongLongMap[] counts, int r, Extensions ext, long[] avail, SplittableRandom rng) {
      this.table = table;
      this.counts = counts;
      this.r = r;
      this.ext = ext;
      this.avail = avail;
      this.rng = rng;
      int a = table.size();
      this.rec = new int[Math.max(1, a)];
      this.cand = new long[(a + 63) >>> 6];
      this.weights = new long[Math.max(1, a)];
      this.candIds = new int[Math.max(1, a)];
      this.sorted = new int[r + 1];
      this.inOrder = new int[Math.max(1, a)];
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

    /** Inserts x into the ascending attributes a[0..len). */
    private static void insertSorted(int[] a, int len, int x) {
      int i = len;
      while (i > 0 && a[i - 1] > x) {
        a[i] = a[i - 1];
        i--;
      }
      a[i] = x;
    }

    private int grow(int start) {
      int len = 0;
      rec[len++] = start;
      ext.intersect(cand, inOrder, 0, start, true);
      inOrder[0] = start;
      while (true) {
        int n = 0;
        long total = 0;
        long at = ext.at(lastKey(len));
        for (int w = 0; w < cand.length; w++) {
          long bitsLeft = cand[w];
          while (bitsLeft != 0) {
            int c = (w << 6) + Long.numberOfTrailingZeros(bitsLeft);
            bitsLeft &= bitsLeft - 1;
            if (avail[c] <= 0) {
              cand[c >>> 6] &= ~(1L << c);
              continue;
            }
            long weight = Math.min(avail[c], ext.count(at, c));
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
        // every combination of up to R attributes holding the new one must stay reported: keep the candidates
        // that extend each reported combination of the new attribute with up to R - 2 of the others
        ext.intersect(cand, inOrder, len, chosen, false);
        insertSorted(inOrder, len, chosen);
        rec[len++] = chosen;
        cand[chosen >>> 6] &= ~(1L << chosen);
      }
    }

    /**
     * The key of the record's last min(len, R - 1) attributes in ascending order (0 when none): the reported
     * count of c with them is then {@link Extensions#count}.
     */
    private long lastKey(int len) {
      int take = Math.min(len, r - 1);
      for (int i = 0; i < take; i++) {
        sorted[i] = rec[len - take + i];
      }
      Arrays.sort(sorted, 0, take);
      return take == 0 ? 0 : table.pack(sorted, take);
    }
  }

  /**
   * For every reported combination S shorter than R, the set of attributes c such that S with c is reported,
   * as a bit set: a record stays consistent with the aggregates exactly when each new attribute is in the set of
   * every reported combination of the record it joins. Immutable once built; thread-safe to read.
   */
  static final class Extensions {
    private final AttributeTable table;
    private final int r;
    private final int words;
    /** The slot of the empty combination. */
    static final long EMPTY = -2;
    private final LongLongMap offsets = new LongLongMap(1024);
    private long[] pool;
    private int used;
    /** The reported counts of single attributes. */
    private final long[] singles;
    /** Per slot, where the counts of its extensions start in {@link #extCounts}, in the order of the bits. */
    private int[] base = new int[0];
    private long[] extCounts = new long[0];

    Extensions(AttributeTable table, LongLongMap[] counts, int r, long[] reported1) {
      this.table = table;
      this.r = r;
      int a = table.size();
      this.words = Math.max(1, (a + 63) >>> 6);
      this.pool = new long[words * 1024];
      this.singles = new long[a];
      for (int i = 0; i < a; i++) {
        singles[i] = counts[1].get(i + 1, 0);
      }
      int[] ids = new int[r + 1];
      int[] sub = new int[r + 1];
      if (r == 1) {
        // no pairs are counted: any attributes of distinct columns (or of one multi-valued column) go together
        for (int i = 0; i < a; i++) {
          long at = slot(i + 1L);
          for (int j = 0; j < a; j++) {
            boolean same = table.column(i) == table.column(j) && !table.multiValued(table.column(i));
            if (i != j && reported1[j] > 0 && !same) {
              pool[(int) at + (j >>> 6)] |= 1L << j;
            }
          }
        }
        return;
      }
      for (int k = 2; k <= r; k++) {
        for (long key : counts[k].sortedKeys()) {
          if (counts[k].get(key, 0) <= 0) {
            continue;
          }
          table.unpack(key, k, ids);
          for (int drop = 0; drop < k; drop++) {
            without(ids, k, drop, sub);
            long at = slot(table.pack(sub, k - 1));
            pool[(int) at + (ids[drop] >>> 6)] |= 1L << ids[drop];
          }
        }
      }
      // the counts of the extensions, slot by slot in the order of the bits
      int slots = used / words;
      base = new int[slots];
      long total = 0;
      for (int i = 0; i < slots; i++) {
        base[i] = (int) total;
        for (int w = 0; w < words; w++) {
          total += Long.bitCount(pool[i * words + w]);
        }
      }
      extCounts = new long[(int) total];
      for (int k = 2; k <= r; k++) {
        LongLongMap m = counts[k];
        for (long key : m.sortedKeys()) {
          long c = m.get(key, 0);
          if (c <= 0) {
            continue;
          }
          table.unpack(key, k, ids);
          for (int drop = 0; drop < k; drop++) {
            without(ids, k, drop, sub);
            long at = offsets.get(table.pack(sub, k - 1), -1);
            extCounts[base[(int) (at / words)] + rank(at, ids[drop])] = c;
          }
        }
      }
    }

    private long slot(long key) {
      long at = offsets.get(key, -1);
      if (at < 0) {
        if (used + words > pool.length) {
          pool = Arrays.copyOf(pool, Math.max(pool.length * 2, used + words));
        }
        at = used;
        used += words;
        offsets.put(key, at);
      }
      return at;
    }

    /**
     * Narrows the candidates for a record that gains attribute b: for every subset T of the record's len
     * attributes (ascending in sorted) with at most R - 2 members, keeps the extensions of T with b (or sets them,
     * when first); stops once none is left, as further narrowing changes nothing.
     */
    void intersect(long[] cand, int[] sorted, int len, int b, boolean first) {
      if (first) {
        java.util.Arrays.fill(cand, 0);
        long at = offsets.get(b + 1L, -1);
        if (at >= 0) {
          System.arraycopy(pool, (int) at, cand, 0, words);
        }
        return;
      }
      subsetsWith(cand, sorted, len, b, 0, 0, 0L, false);
    }

    /**
     * @param at the slot of a combination S ({@link #at}), or -1
     * @param c an attribute
     * @return the reported count of S with c when positive, else 0; for S empty, the count of c
     */
    long count(long at, int c) {
      if (at == EMPTY) {
        return singles[c];
      }
      if (at < 0 || (pool[(int) at + (c >>> 6)] & (1L << c)) == 0) {
        return 0;
      }
      return extCounts[base[(int) (at / words)] + rank(at, c)];
    }

    /** The number of attributes below c in the set at slot at. */
    private int rank(long at, int c) {
      int rank = Long.bitCount(pool[(int) at + (c >>> 6)] & ((1L << c) - 1));
      for (int w = 0; w < (c >>> 6); w++) {
        rank += Long.bitCount(pool[(int) at + w]);
      }
      return rank;
    }

    /** Writes ids[0..k) without ids[drop] into sub. */
    private static void without(int[] ids, int k, int drop, int[] sub) {
      int j = 0;
      for (int i = 0; i < k; i++) {
        if (i != drop) {
          sub[j++] = ids[i];
        }
      }
    }

    /** @param key a packed combination, 0 for the empty one @return its slot, {@link #EMPTY} or -1 */
    long at(long key) {
      return key == 0 ? EMPTY : offsets.get(key, -1);
    }

    /**
     * Narrows by the extensions of sorted[from..len) subsets with b, the chosen attributes so far packed in key
     * (with b among them when placed); false once the candidates are empty.
     */
    private boolean subsetsWith(long[] cand, int[] sorted, int len, int b, int from, int size, long key,
        boolean placed) {
      long full = placed ? key : (key << table.bits()) | (b + 1);
      long at = offsets.get(full, -1);
      if (at < 0) {
        Arrays.fill(cand, 0);
        return false;
      }
      long any = 0;
      for (int w = 0; w < words; w++) {
        cand[w] &= pool[(int) at + w];
        any |= cand[w];
      }
      if (any == 0) {
        return false;
      }
      if (size + 1 >= r - 1) {
        return true;
      }
      for (int i = from; i < len; i++) {
        int x = sorted[i];
        long k = key;
        boolean p = placed;
        if (!p && b < x) {
          k = (k << table.bits()) | (b + 1);
          p = true;
        }
        if (!subsetsWith(cand, sorted, len, b, i + 1, size + 1, (k << table.bits()) | (x + 1), p)) {
          return false;
        }
      }
      return true;
    }
  }
}
