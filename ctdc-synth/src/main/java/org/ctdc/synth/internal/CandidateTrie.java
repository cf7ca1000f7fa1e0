package org.ctdc.synth.internal;

import org.ctdc.schema.Dataset;
import org.jspecify.annotations.Nullable;

/**
 * The candidates of one length k as a trie of the survived shorter combinations, for counting with no hashing:
 * level j holds the survived combinations of length j in key order (level 0 the empty one), each with the bit set
 * of its children (the attributes c above its last with the combination and c survived one longer) and the index
 * of its first child, a child's index being the first plus the rank of c in the set. At level k - 1 the children
 * are the candidates of length k (every sub-combination of length k - 1 survived), numbered in key order, so that
 * a record's valid combinations are found by walking its survived prefixes and their counts kept in a dense array
 * indexed by candidate number. Immutable once built; thread-safe to read.
 */
final class CandidateTrie {
  private final int k;
  private final int words;
  private final int bits;
  /** Per level 0..k-1: children bit sets, {@code words} per node. */
  private final long[][] children;
  /** Per level 0..k-1: the index of each node's first child (at level k - 1, of its first candidate). */
  private final int[][] first;
  /** The candidates' keys in key order. */
  final long[] keys;

  private CandidateTrie(int k, int words, int bits, long[][] children, int[][] first, long[] keys) {
    this.k = k;
    this.words = words;
    this.bits = bits;
    this.children = children;
    this.first = first;
    this.keys = keys;
  }

  /**
   * Builds the trie of length k, or returns null when it would have more than {@code limit} candidates.
   *
   * @param table the attributes
   * @param survived the survived combinations of lengths 1..k-1 (index 0 unused)
   * @param k the length counted
   * @param limit the most candidates
   * @return the trie or null
   */
  static @Nullable CandidateTrie build(AttributeTable table, LongLongMap[] survived, int k, long limit) {
    int a = table.size();
    int words = Math.max(1, (a + 63) >>> 6);
    int bits = table.bits();
    long[][] nodes = new long[k][];
    nodes[0] = new long[] {0L};
    for (int j = 1; j < k; j++) {
      nodes[j] = survived[j].sortedKeys();
    }
    long[][] children = new long[k][];
    int[][] first = new int[k][];
    long lastMask = (1L << bits) - 1;
    for (int j = 0; j + 1 < k; j++) {
      long[] parents = nodes[j];
      long[] kids = nodes[j + 1];
      children[j] = new long[parents.length * words];
      first[j] = new int[parents.length];
      int p = 0;
      int prevParent = -1;
      for (int i = 0; i < kids.length; i++) {
        long parentKey = j == 0 ? 0L : kids[i] >>> bits;
        while (parents[p] != parentKey) {
          p++;
        }
        if (p != prevParent) {
          first[j][p] = i;
          prevParent = p;
        }
        int c = (int) (kids[i] & lastMask) - 1;
        children[j][p * words + (c >>> 6)] |= 1L << c;
      }
    }
    // level k - 1: the candidates
    long[] level = nodes[k - 1];
    long[] cands = new long[level.length * words];
    int[] base = new int[level.length];
    long total = 0;
    int[] ids = new int[k];
    int[] sub = new int[k];
    CandidateTrie walker = new CandidateTrie(k, words, bits, children, first, new long[0]);
    for (int node = 0; node < level.length; node++) {
      int off = node * words;
      if (k == 1) {
        for (int c = 0; c < a; c++) {
          cands[c >>> 6] |= 1L << c;
        }
      } else {
        table.unpack(level[node], k - 1, ids);
        int last = ids[k - 2];
        for (int w = 0; w < words; w++) {
          cands[off + w] = above(w, last);
        }
        for (int drop = 0; drop < k - 1; drop++) {
          int s = 0;
          for (int i = 0; i < k - 1; i++) {
            if (i != drop) {
              sub[s++] = ids[i];
            }
          }
          int q = walker.find(sub, k - 2);
          long any = 0;
          for (int w = 0; w < words; w++) {
            cands[off + w] &= q < 0 ? 0 : children[k - 2][q * words + w];
            any |= cands[off + w];
          }
          if (any == 0) {
            break;
          }
        }
      }
      base[node] = (int) total;
      for (int w = 0; w < words; w++) {
        total += Long.bitCount(cands[off + w]);
      }
      if (total > limit) {
        return null;
      }
    }
    long[] keys = new long[(int) total];
    int n = 0;
    for (int node = 0; node < level.length; node++) {
      for (int w = 0; w < words; w++) {
        long b = cands[node * words + w];
        while (b != 0) {
          int c = (w << 6) + Long.numberOfTrailingZeros(b);
          b &= b - 1;
          keys[n++] = (level[node] << bits) | (c + 1);
        }
      }
    }
    children[k - 1] = cands;
    first[k - 1] = base;
    return new CandidateTrie(k, words, bits, children, first, keys);
  }

  /** The node of an ascending combination of length len (at level len), or -1 when it did not survive. */
  private int find(int[] attrs, int len) {
    int node = 0;
    for (int j = 0; j < len; j++) {
      int c = attrs[j];
      long[] set = children[j];
      int off = node * words;
      if ((set[off + (c >>> 6)] & (1L << c)) == 0) {
        return -1;
      }
      node = first[j][node] + rank(set, off, c);
    }
    return node;
  }

  private int rank(long[] set, int off, int c) {
    int w = c >>> 6;
    int r = Long.bitCount(set[off + w] & ((1L << c) - 1));
    for (int i = 0; i < w; i++) {
      r += Long.bitCount(set[off + i]);
    }
    return r;
  }

  /** The bits of word w of the attributes above x. */
  static long above(int w, int x) {
    int xw = x >>> 6;
    if (w < xw) {
      return 0;
    }
    if (w > xw) {
      return -1L;
    }
    return ~((2L << (x & 63)) - 1);
  }

  /**
   * Lists one record's valid combinations, as candidate numbers in key order. Not thread-safe (one per thread).
   */
  final class Walker {
    private final AttributeTable table;
    private final int[] attrs;
    private final long[] record;
    int[] found = new int[64];
    private int count;
    private boolean countOnly;

    Walker(AttributeTable table, int maxAttrs) {
      this.table = table;
      this.attrs = new int[maxAttrs];
      this.record = new long[words];
    }

    /**
     * @param countOnly whether only the number is needed
     * @return the number of valid combinations of the record; listed in {@link #found} unless countOnly
     */
    int list(Dataset data, int row, boolean countOnly) {
      int m = table.attributes(data, row, attrs);
      java.util.Arrays.fill(record, 0);
      for (int i = 0; i < m; i++) {
        record[attrs[i] >>> 6] |= 1L << attrs[i];
      }
      this.count = 0;
      this.countOnly = countOnly;
      walk(0, 0);
      return count;
    }

    private void walk(int level, int node) {
      long[] set = children[level];
      int off = node * words;
      int base = first[level][node];
      int before = 0;
      for (int w = 0; w < words; w++) {
        long all = set[off + w];
        long bitsLeft = all & record[w];
        if (level == k - 1 && countOnly) {
          count += Long.bitCount(bitsLeft);
          continue;
        }
        while (bitsLeft != 0) {
          int t = Long.numberOfTrailingZeros(bitsLeft);
          bitsLeft &= bitsLeft - 1;
          int idx = base + before + Long.bitCount(all & ((1L << t) - 1));
          if (level == k - 1) {
            if (count == found.length) {
              found = java.util.Arrays.copyOf(found, count * 2);
            }
            found[count++] = idx;
          } else {
            walk(level + 1, idx);
          }
        }
        before += Long.bitCount(all);
      }
    }
  }
}
