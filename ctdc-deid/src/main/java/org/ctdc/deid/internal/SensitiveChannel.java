package org.ctdc.deid.internal;

import java.util.Objects;
import java.util.TreeMap;
import org.ctdc.deid.DeidException;
import org.ctdc.deid.Hierarchy;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;
import org.jspecify.annotations.Nullable;

/**
 * The ids of one sensitive variable per row, for the class histograms: value-set indices (or dense ranks of
 * distinct integers) followed by one slot for a missing value whatever its reason (the slots after it stay
 * empty), or the leaves of a hierarchy for the hierarchical
 * t-closeness distance. Immutable after construction.
 */
final class SensitiveChannel {
  final String variable;
  final @Nullable QiCoding hierarchy;
  final int domain;
  final int[] ids;
  /** whether the variable is a year or count. */
  final boolean integer;
  /** without a hierarchy, the value of each id below the missing slots: codes, or integers ascending. */
  final java.util.List<String> labels;
  /** the input's distribution over ids. */
  final double[] overall;

  /**
   * The channel of a table: no ids per row.
   *
   * @param c the table's channel
   * @param overall the distribution over ids of all records
   */
  SensitiveChannel(LevelZeroTable.Channel c, double[] overall) {
    this.variable = c.variable();
    Hierarchy h = c.hierarchy();
    this.hierarchy = h == null ? null : new QiCoding(c.variable(), h);
    this.domain = c.domain();
    this.ids = new int[0];
    this.integer = c.integer();
    this.labels = c.labels();
    this.overall = overall;
  }

  SensitiveChannel(Dataset data, String variable, @Nullable Hierarchy h) {
    this.variable = variable;
    int col;
    try {
      col = data.column(variable);
    } catch (IllegalArgumentException e) {
      throw new DeidException("sensitive variable '" + variable + "' is not in schema " + data.schema().id());
    }
    Variable v = data.variable(col);
    if (v.isMultiValued() || v.kind().isText()) {
      throw new DeidException(
          "sensitive variable '" + variable + "' must be single-valued closed, a year or a count");
    }
    int n = data.rowCount();
    this.integer = v.kind().isInteger();
    if (h != null) {
      this.labels = java.util.List.of();
      this.hierarchy = new QiCoding(data, variable, h);
      this.ids = hierarchy.ids(data);
      this.domain = hierarchy.domain0();
    } else {
      this.hierarchy = null;
      if (v.kind().isInteger()) {
        TreeMap<Integer, Integer> rank = new TreeMap<>();
        for (int r = 0; r < n; r++) {
          if (!data.isMissing(r, col)) {
            rank.put(data.intValue(r, col), 0);
          }
        }
        int i = 0;
        for (var e : rank.entrySet()) {
          e.setValue(i++);
        }
        int d = rank.size();
        this.labels = rank.keySet().stream().map(String::valueOf).toList();
        this.domain = d + QiCoding.MISSING_SLOTS;
        this.ids = new int[n];
        for (int r = 0; r < n; r++) {
          ids[r] =
              data.isMissing(r, col)
                  ? d
                  : Objects.requireNonNull(rank.get(data.intValue(r, col))); // every value was ranked
        }
      } else {
        int d = v.values().size();
        this.labels = v.values().codes().stream().map(org.ctdc.schema.Code::code).toList();
        this.domain = d + QiCoding.MISSING_SLOTS;
        this.ids = data.codes(col);
        for (int r = 0; r < n; r++) {
          if (ids[r] < 0) {
            ids[r] = d;
          }
        }
      }
    }
    overall = new double[domain];
    long[] counts = new long[domain];
    for (int id : ids) {
      counts[id]++;
    }
    for (int i = 0; i < domain; i++) {
      overall[i] = n == 0 ? 0 : (double) counts[i] / n;
    }
  }
}
