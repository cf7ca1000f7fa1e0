package org.ctdc.synth.evaluate;

/**
 * Tallies of combinations, kept apart from the aggregation's own map on purpose (the evaluator shares no code
 * with it): keys and tallies interleaved in one array, quadratic probing, key 0 free. Not thread-safe.
 */
final class TallyTable {
  private long[] slots;
  private int used;

  TallyTable() {
    slots = new long[2 * 1024];
  }

  private int home(long key, int capacity) {
    long h = (key ^ (key >>> 29)) * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return (int) (h & (capacity - 1));
  }

  void increment(long key) {
    int capacity = slots.length / 2;
    int i = home(key, capacity);
    for (int step = 1; ; step++) {
      long k = slots[2 * i];
      if (k == key) {
        slots[2 * i + 1]++;
        return;
      }
      if (k == 0) {
        slots[2 * i] = key;
        slots[2 * i + 1] = 1;
        used++;
        if (used * 3L > capacity * 2L) {
          rehash();
        }
        return;
      }
      i = (i + step) & (capacity - 1);
    }
  }

  long tally(long key) {
    int capacity = slots.length / 2;
    int i = home(key, capacity);
    for (int step = 1; ; step++) {
      long k = slots[2 * i];
      if (k == key) {
        return slots[2 * i + 1];
      }
      if (k == 0) {
        return 0;
      }
      i = (i + step) & (capacity - 1);
    }
  }

  /** Visits every key with its tally. */
  void each(Visitor v) {
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] != 0) {
        v.visit(slots[i], slots[i + 1]);
      }
    }
  }

  interface Visitor {
    void visit(long key, long tally);
  }

  private void rehash() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int capacity = slots.length / 2;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j] == 0) {
        continue;
      }
      int i = home(old[j], capacity);
      for (int step = 1; slots[2 * i] != 0; step++) {
        i = (i + step) & (capacity - 1);
      }
      slots[2 * i] = old[j];
      slots[2 * i + 1] = old[j + 1];
    }
  }
}
