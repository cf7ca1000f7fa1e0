package org.ctdc.core.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A bounded memo from strings to values: open addressing over parallel arrays (no entry objects), a key
 * compared by identity first, then by its hash and {@code equals}; the keys held are copies made on
 * insertion, so that they lie together in memory. Once {@code limit} keys are held
 * nothing more is added (callers compute such values again per occurrence). Not thread-safe; not API.
 *
 * @param <V> the value type
 */
final class ValueTable<V> {

  private final int limit;
  private @Nullable String[] keys;
  /** The caller's own key objects: values a partner's code shares between rows hit by identity. */
  private @Nullable String[] originals;
  private int[] hashes;
  private Object[] values;
  private int mask;
  private int size;

  /** @param limit the most keys held */
  ValueTable(int limit) {
    this.limit = limit;
    int cap = 16;
    this.keys = new String[cap];
    this.originals = new String[cap];
    this.hashes = new int[cap];
    this.values = new Object[cap];
    this.mask = cap - 1;
  }

  private static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B1;
  }

  /** @return the value held for the key, or null */
  @SuppressWarnings("unchecked")
  @Nullable V get(String key) {
    @Nullable String[] k = keys;
    @Nullable String[] o = originals;
    int h = key.hashCode();
    int m = mask;
    for (int i = spread(h) & m; ; i = (i + 1) & m) {
      String s = k[i];
      if (o[i] == key || s == key) {
        return (V) values[i];
      }
      if (s == null) {
        return null;
      }
      if (hashes[i] == h && s.equals(key)) {
        return (V) values[i];
      }
    }
  }

  /** Holds a value for a key not held yet, unless the table is full. */
  void put(String key, V value) {
    if (size >= limit) {
      return;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    // a copy of the text, made now: the keys of one table lie together in memory, where the caller's
    // strings may be spread over a large heap (each probe that compares texts reads the key)
    String copy = new String(key.toCharArray());
    insert(copy, key, key.hashCode(), value);
    size++;
  }

  /** Passes every value held to an action, in table order. */
  @SuppressWarnings("unchecked")
  void forEachValue(java.util.function.Consumer<? super V> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept((V) values[i]);
      }
    }
  }

  /** @return the number of keys held */
  int size() {
    return size;
  }

  private void insert(String key, @Nullable String original, int h, Object value) {
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == null) {
        keys[i] = key;
        originals[i] = original;
        hashes[i] = h;
        values[i] = value;
        return;
      }
    }
  }

  private void grow() {
    @Nullable String[] k = keys;
    @Nullable String[] o = originals;
    int[] h = hashes;
    Object[] v = values;
    int cap = k.length * 2;
    keys = new String[cap];
    originals = new String[cap];
    hashes = new int[cap];
    values = new Object[cap];
    mask = cap - 1;
    for (int i = 0; i < k.length; i++) {
      String key = k[i];
      if (key != null) {
        insert(key, o[i], h[i], v[i]);
      }
    }
    Arrays.fill(k, null);
    Arrays.fill(o, null);
  }
}
