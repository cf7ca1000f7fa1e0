package org.ctdc.deid.risk.internal;

import java.util.HashMap;
import java.util.TreeMap;

/**
 * Counts the records compatible with a QI combination under the wildcard rule (a missing value matches
 * any value), and supports moving records between combinations. Combinations are grouped by their pattern
 * of non-missing QIs. Two combinations with patterns P and M are compatible when their keys agree on the
 * bit fields of P &cap; M. For a small group the query scans its combinations with one XOR and mask each;
 * for a large group it looks up a table of the group's combinations projected on P &cap; M (missing
 * fields set to all ones), built on first use and kept up to date.
 *
 * <p>Not thread-safe; not API.
 */
public final class CompatIndex {
  /** Groups with at most this many combinations are scanned instead of indexed. */
  private static final int SCAN_LIMIT = 48;

  private final QiCodes q;
  private final int m;
  private final long allMissing;
  /** bits of every QI set when there are at most 12 QIs, else null. */
  private final long @org.jspecify.annotations.Nullable [] bitsTable;
  /** Patterns in ascending order, so that weight sums are added in a fixed order. */
  private final TreeMap<Integer, Group> groups = new TreeMap<>();
  private Group[] groupArray = new Group[0];

  private static final class Group {
    final int pattern;
    final long bits;
    final LongCounts combos = new LongCounts(8);
    final HashMap<Integer, LongCounts> tables = new HashMap<>();
    /** tables by projection set when there are at most 12 QIs, else null. */
    final LongCounts @org.jspecify.annotations.Nullable [] byMask;

    Group(int pattern, long bits, int m) {
      this.pattern = pattern;
      this.bits = bits;
      this.byMask = m <= 12 ? new LongCounts[1 << m] : null;
    }

    @org.jspecify.annotations.Nullable LongCounts table(int sub) {
      return byMask != null ? byMask[sub] : tables.get(sub);
    }

    void put(int sub, LongCounts t) {
      tables.put(sub, t);
      if (byMask != null) {
        byMask[sub] = t;
      }
    }
  }

  public CompatIndex(QiCodes q) {
    this.q = q;
    this.m = q.codes.length;
    if (m > 30) {
      throw new org.ctdc.deid.risk.RiskException("at most 30 quasi-identifiers are supported under the wildcard rule");
    }
    long all = 0;
    for (int j = 0; j < m; j++) {
      all |= q.fieldMask[j];
    }
    this.allMissing = all;
    if (m <= 12) {
      long[] t = new long[1 << m];
      for (int set = 0; set < t.length; set++) {
        t[set] = computeBits(set);
      }
      bitsTable = t;
    } else {
      bitsTable = null;
    }
  }

  /** @return bit j set when QI j is not missing in the key */
  public int pattern(long key) {
    int p = 0;
    for (int j = 0; j < m; j++) {
      if ((key & q.fieldMask[j]) != q.fieldMask[j]) {
        p |= 1 << j;
      }
    }
    return p;
  }

  /** @return the key bits of the fields of a set of QIs */
  public long bits(int set) {
    return bitsTable != null ? bitsTable[set] : computeBits(set);
  }

  private long computeBits(int set) {
    long b = 0;
    for (int rest = set; rest != 0; rest &= rest - 1) {
      b |= q.fieldMask[Integer.numberOfTrailingZeros(rest)];
    }
    return b;
  }

  /**
   * A table's expected size: its group's combinations, but no more than the projections onto the set can
   * take (each QI of the set its values or missing). Tables sized from the group alone were mostly empty
   * slots, and their memory, not their lookups, was the cost of local suppression (issue 19).
   */
  private int distinctBound(int set, int combinations) {
    long bound = 1;
    for (int rest = set; rest != 0 && bound < combinations; rest &= rest - 1) {
      bound *= q.card[Integer.numberOfTrailingZeros(rest)] + 1L;
    }
    return (int) Math.min(bound, combinations);
  }

  /** @return the key with every QI outside the set made missing */
  public long project(long key, int keep) {
    long b = bits(keep);
    return (key & b) | (allMissing & ~b);
  }

  /** @return the key with QI j made missing */
  public long blank(long key, int j) {
    return key | q.fieldMask[j];
  }

  /** Adds records (count and weight sum) to a combination; a negative count removes. */
  public void add(long key, double count, double weight) {
    int p = pattern(key);
    Group g = groups.get(p);
    if (g == null) {
      g = new Group(p, bits(p), m);
      groups.put(p, g);
      groupArray = groups.values().toArray(new Group[0]);
    }
    g.combos.add(key, count, weight);
    for (java.util.Map.Entry<Integer, LongCounts> t : g.tables.entrySet()) {
      t.getValue().add(project(key, t.getKey()), count, weight);
    }
  }

  /** Removes records from a combination. */
  public void remove(long key, double count, double weight) {
    add(key, -count, -weight);
  }

  /**
   * The records compatible with a combination, itself included.
   *
   * @param key the combination
   * @param out out[0] the count, out[1] the weight sum
   */
  public void query(long key, double[] out) {
    int mask = pattern(key);
    long keyBits = bits(mask);
    double count = 0;
    double weight = 0;
    for (Group g : groupArray) {
      LongCounts combos = g.combos;
      if (combos.size() <= SCAN_LIMIT) {
        out[0] = count;
        out[1] = weight;
        combos.sumCompatible(key, g.bits & keyBits, out);
        count = out[0];
        weight = out[1];
        continue;
      }
      int sub = g.pattern & mask;
      LongCounts t = g.table(sub);
      if (t == null) {
        t = new LongCounts(distinctBound(sub, combos.size()));
        int cap = combos.capacity();
        for (int i = 0; i < cap; i++) {
          if (combos.used(i)) {
            t.add(project(combos.key(i), sub), combos.count(i), combos.weight(i));
          }
        }
        g.put(sub, t);
      }
      int i = t.find(project(key, sub));
      if (i >= 0) {
        count += t.count(i);
        weight += t.weight(i);
      }
    }
    out[0] = count;
    out[1] = weight;
  }
}
