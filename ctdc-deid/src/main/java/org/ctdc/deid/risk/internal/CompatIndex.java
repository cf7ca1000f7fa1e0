package org.ctdc.deid.risk.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the records compatible with a QI combination under the wildcard rule (a missing value matches
 * any value), and supports moving records between combinations. Combinations are grouped by their pattern
 * of non-missing QIs; for a pattern P and a query with non-missing set M, the compatible combinations of
 * P are exactly those equal to the query on P &cap; M, so one hash lookup per present pattern answers a
 * query. The per-(P, Q) projection tables are built on first use and kept up to date.
 *
 * <p>Not thread-safe; not API.
 */
public final class CompatIndex {
  private final QiCodes q;
  private final int m;
  /** Patterns in ascending order, so that weight sums are added in a fixed order. */
  private final TreeMap<Integer, Group> groups = new TreeMap<>();

  private static final class Group {
    final int pattern;
    final HashMap<Long, double[]> combos = new HashMap<>();
    final HashMap<Integer, HashMap<Long, double[]>> tables = new HashMap<>();

    Group(int pattern) {
      this.pattern = pattern;
    }
  }

  public CompatIndex(QiCodes q) {
    this.q = q;
    this.m = q.codes.length;
    if (m > 30) {
      throw new org.ctdc.deid.risk.RiskException("at most 30 quasi-identifiers are supported under the wildcard rule");
    }
  }

  /** @return bit j set when QI j is not missing in the key */
  public int pattern(long key) {
    int p = 0;
    for (int j = 0; j < m; j++) {
      long d = (key / q.mult[j]) % (q.card[j] + 1L);
      if (d != q.card[j]) {
        p |= 1 << j;
      }
    }
    return p;
  }

  /** @return the key with every QI outside the set made missing */
  public long project(long key, int keep) {
    long out = 0;
    for (int j = 0; j < m; j++) {
      long d = (key / q.mult[j]) % (q.card[j] + 1L);
      out += ((keep >> j & 1) != 0 ? d : q.card[j]) * q.mult[j];
    }
    return out;
  }

  /** @return the key with QI j made missing */
  public long blank(long key, int j) {
    long d = (key / q.mult[j]) % (q.card[j] + 1L);
    return key + (q.card[j] - d) * q.mult[j];
  }

  /** Adds records (count and weight sum) to a combination. */
  public void add(long key, double count, double weight) {
    int p = pattern(key);
    Group g = groups.computeIfAbsent(p, Group::new);
    merge(g.combos, key, count, weight);
    for (Map.Entry<Integer, HashMap<Long, double[]>> t : g.tables.entrySet()) {
      merge(t.getValue(), project(key, t.getKey()), count, weight);
    }
  }

  /** Removes records from a combination. */
  public void remove(long key, double count, double weight) {
    add(key, -count, -weight);
  }

  private static void merge(HashMap<Long, double[]> map, long key, double count, double weight) {
    double[] v = map.get(key);
    if (v == null) {
      map.put(key, new double[] {count, weight});
    } else {
      v[0] += count;
      v[1] += weight;
      if (v[0] == 0) {
        map.remove(key);
      }
    }
  }

  /**
   * The records compatible with a combination, itself included.
   *
   * @param key the combination
   * @param out out[0] the count, out[1] the weight sum
   */
  public void query(long key, double[] out) {
    int mask = pattern(key);
    double count = 0;
    double weight = 0;
    for (Group g : groups.values()) {
      int sub = g.pattern & mask;
      HashMap<Long, double[]> t = g.tables.get(sub);
      if (t == null) {
        t = new HashMap<>();
        for (Map.Entry<Long, double[]> e : g.combos.entrySet()) {
          merge(t, project(e.getKey(), sub), e.getValue()[0], e.getValue()[1]);
        }
        g.tables.put(sub, t);
      }
      double[] v = t.get(project(key, sub));
      if (v != null) {
        count += v[0];
        weight += v[1];
      }
    }
    out[0] = count;
    out[1] = weight;
  }
}
