package org.ctdc.synth.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from non-zero {@code long} keys (packed combinations) to {@code long} values,
 * with linear probing: no object per entry. Not thread-safe.
 */
public final class LongLongMap {
  private long[] keys;
  private long[] values;
  private int size;
  private int mask;

  /** @param expected the number of entries expected */
  public LongLongMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new long[cap];
    mask = cap - 1;
  }

  /** Creates an empty map. */
  public LongLongMap() {
    this(16);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /**
   * Adds to a key's value, creating it at 0 first.
   *
   * @param key a non-zero key
   * @param delta what to add
   */
  public void add(long key, long delta) {
    int i = insert(key);
    values[i] += delta;
    if (size * 2 > keys.length) {
      grow();
    }
  }

  /**
   * Sets a key's value.
   *
   * @param key a non-zero key
   * @param value the value
   */
  public void put(long key, long value) {
    int i = insert(key);
    values[i] = value;
    if (size * 2 > keys.length) {
      grow();
    }
  }

  /** The slot of a key, taken for it (value 0) when absent; the caller grows the table after using it. */
  private int insert(long key) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == 0) {
        keys[i] = key;
        values[i] = 0;
        size++;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * @param key a non-zero key
   * @param absent returned when the key is absent
   * @return the key's value, or {@code absent}
   */
  public long get(long key, long absent) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return absent;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * @param key a non-zero key
   * @return whether present
   */
  public boolean contains(long key) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return true;
      }
      if (k == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /** @return the number of keys */
  public int size() {
    return size;
  }

  /**
   * Adds every entry of another map into this one.
   *
   * @param other the other map
   */
  public void addAll(LongLongMap other) {
    long[] ok = other.keys;
    long[] ov = other.values;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != 0) {
        add(ok[i], ov[i]);
      }
    }
  }

  /**
   * The keys in ascending unsigned order, so that packed combinations come in lexicographic order.
   *
   * @return a new array
   */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != 0) {
        out[n++] = k ^ Long.MIN_VALUE;
      }
    }
    Arrays.sort(out);
    for (int i = 0; i < out.length; i++) {
      out[i] ^= Long.MIN_VALUE;
    }
    return out;
  }

  private void grow() {
    long[] ok = keys;
    long[] ov = values;
    int cap = ok.length << 1;
    keys = new long[cap];
    values = new long[cap];
    mask = cap - 1;
    for (int i = 0; i < ok.length; i++) {
      long k = ok[i];
      if (k != 0) {
        int j = slot(k, mask);
        while (keys[j] != 0) {
          j = (j + 1) & mask;
        }
        keys[j] = k;
        values[j] = ov[i];
      }
    }
  }
}
