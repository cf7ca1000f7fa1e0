package org.ctdc.deid.risk.internal;

/**
 * An open-addressing map from non-negative long keys to a count and a weight sum, without boxing. Entries
 * are never removed (a count may drop to 0). Not thread-safe; not API.
 *
 * <p>Each entry's key, count and weight lie side by side in one array ({@value #STRIDE} longs), so that a
 * lookup touches one cache line where parallel arrays touched four: the lookups of local suppression and
 * of the wildcard risk measures are bound by memory, not by arithmetic (issue 19). A slot holds its key
 * plus one, so 0 marks a free slot and no separate flag is stored. The capacity, the probe sequence and so
 * the order of the {@link #used(int)} entries are those of the parallel arrays before, so sums over the
 * entries are added in the same order.
 */
final class LongCounts {
  private static final int STRIDE = 3;
  private static final int COUNT = 1;
  private static final int WEIGHT = 2;

  /** entry i at {@code i * STRIDE}: key + 1 (0 when free), count bits, weight bits. */
  private long[] slots;
  private int mask;
  private int size;

  LongCounts(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    slots = new long[capacity * STRIDE];
    mask = capacity - 1;
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** @return the slot holding key + 1, or the free slot where it goes */
  private static int slot(long[] s, int mask, long stored) {
    int i = mix(stored - 1) & mask;
    long at;
    while ((at = s[i * STRIDE]) != 0 && at != stored) {
      i = (i + 1) & mask;
    }
    return i;
  }

  void add(long key, double count, double weight) {
    long stored = key + 1;
    long[] s = slots;
    int b = slot(s, mask, stored) * STRIDE;
    boolean fresh = s[b] == 0;
    if (fresh) {
      s[b] = stored;
      size++;
    }
    s[b + COUNT] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[b + COUNT]) + count);
    s[b + WEIGHT] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[b + WEIGHT]) + weight);
    if (fresh && size * 2 > mask + 1) {
      grow();
    }
  }

  /** @return the index of the key's entry, or -1 */
  int find(long key) {
    long[] s = slots;
    int i = slot(s, mask, key + 1);
    return s[i * STRIDE] != 0 ? i : -1;
  }

  double count(int index) {
    return Double.longBitsToDouble(slots[index * STRIDE + COUNT]);
  }

  double weight(int index) {
    return Double.longBitsToDouble(slots[index * STRIDE + WEIGHT]);
  }

  int capacity() {
    return mask + 1;
  }

  int size() {
    return size;
  }

  boolean used(int index) {
    return slots[index * STRIDE] != 0;
  }

  long key(int index) {
    return slots[index * STRIDE] - 1;
  }

  /**
   * Sums the count and weight of the entries whose key agrees with {@code key} on the bits of
   * {@code common}, in slot order.
   *
   * @param out out[0] and out[1] are added to
   */
  void sumCompatible(long key, long common, double[] out) {
    long[] s = slots;
    double count = out[0];
    double weight = out[1];
    for (int b = 0; b < s.length; b += STRIDE) {
      long at = s[b];
      if (at != 0 && (((at - 1) ^ key) & common) == 0) {
        count += Double.longBitsToDouble(s[b + COUNT]);
        weight += Double.longBitsToDouble(s[b + WEIGHT]);
      }
    }
    out[0] = count;
    out[1] = weight;
  }

  private void grow() {
    long[] old = slots;
    int capacity = (mask + 1) * 2;
    long[] s = new long[capacity * STRIDE];
    int m = capacity - 1;
    for (int ob = 0; ob < old.length; ob += STRIDE) {
      long stored = old[ob];
      if (stored != 0) {
        int b = slot(s, m, stored) * STRIDE;
        s[b] = stored;
        s[b + COUNT] = old[ob + COUNT];
        s[b + WEIGHT] = old[ob + WEIGHT];
      }
    }
    slots = s;
    mask = m;
  }
}
