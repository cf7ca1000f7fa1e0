package org.ctdc.deid.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from non-negative {@code long} keys to {@code int} values, reused across
 * roll-ups to avoid allocation per lattice node. Not thread-safe.
 */
public final class LongIntMap {
  private static final long EMPTY = -1L;
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  /** @param expected the expected number of keys */
  public LongIntMap(int expected) {
    allocate(capacityFor(expected));
  }

  private static int capacityFor(int expected) {
    int c = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    return Math.max(16, c);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new int[capacity];
    mask = capacity - 1;
    size = 0;
  }

  /**
   * Empties the map and makes room for the given number of keys; the arrays only grow, so that roll-ups of
   * varying size do not reallocate.
   *
   * @param expected the expected number of keys
   */
  public void reset(int expected) {
    int c = capacityFor(expected);
    if (c > keys.length) {
      allocate(c);
    } else {
      Arrays.fill(keys, EMPTY);
      size = 0;
    }
  }

  /** @return the number of keys */
  public int size() {
    return size;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }

  /**
   * The value of a key, inserting {@code ifAbsent} when absent.
   *
   * @param key a non-negative key
   * @param ifAbsent the value to store if the key is new
   * @return the stored value (the old one if present)
   */
  public int getOrPut(long key, int ifAbsent) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = ifAbsent;
        size++;
        if (size * 2 > keys.length) {
          grow();
        }
        return ifAbsent;
      }
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The value of a key.
   *
   * @param key the key
   * @return the value, or -1 if absent
   */
  public int get(long key) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == EMPTY) {
        return -1;
      }
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    allocate(ok.length * 2);
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != EMPTY) {
        int i = hash(ok[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        values[i] = ov[j];
        size++;
      }
    }
  }
}
