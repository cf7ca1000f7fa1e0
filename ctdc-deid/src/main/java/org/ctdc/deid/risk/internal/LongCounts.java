package org.ctdc.deid.risk.internal;

/**
 * An open-addressing map from long keys to a count and a weight sum, without boxing. Entries are never
 * removed (a count may drop to 0). Not thread-safe; not API.
 */
final class LongCounts {
  private long[] keys;
  private double[] counts;
  private double[] weights;
  private boolean[] used;
  private int size;

  LongCounts(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[cap];
    counts = new double[cap];
    weights = new double[cap];
    used = new boolean[cap];
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  void add(long key, double count, double weight) {
    int i = slot(key);
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
      if (size * 2 > keys.length) {
        counts[i] += count;
        weights[i] += weight;
        grow();
        return;
      }
    }
    counts[i] += count;
    weights[i] += weight;
  }

  /** @return the index of the key's entry, or -1 */
  int find(long key) {
    int i = slot(key);
    return used[i] ? i : -1;
  }

  double count(int index) {
    return counts[index];
  }

  double weight(int index) {
    return weights[index];
  }

  int capacity() {
    return keys.length;
  }

  int size() {
    return size;
  }

  boolean used(int index) {
    return used[index];
  }

  long key(int index) {
    return keys[index];
  }

  private void grow() {
    long[] ok = keys;
    double[] oc = counts;
    double[] ow = weights;
    boolean[] ou = used;
    keys = new long[ok.length * 2];
    counts = new double[ok.length * 2];
    weights = new double[ok.length * 2];
    used = new boolean[ok.length * 2];
    for (int i = 0; i < ok.length; i++) {
      if (ou[i]) {
        int s = slot(ok[i]);
        used[s] = true;
        keys[s] = ok[i];
        counts[s] = oc[i];
        weights[s] = ow[i];
      }
    }
  }
}
