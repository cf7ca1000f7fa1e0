package org.ctdc.deid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ctdc.deid.DeidException;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.HierarchyException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Variable;

/**
 * The coding of one quasi-identifier (or of a sensitive variable with a hierarchy): level-0 ids are the
 * hierarchy's leaves followed by four missing slots (one per {@link MissingReason}); on every level below
 * the top a missing value stays a value of its own, on the top level everything is one value. Immutable.
 */
public final class QiCoding {
  /** Number of missing slots appended to each level's labels. */
  public static final int MISSING_SLOTS = 4;

  final String name;
  final int column;
  final boolean integer;
  final Hierarchy hierarchy;
  final int leaves;
  /** codeToLeaf[code] for closed columns, -1 when the code is not a leaf. */
  final int[] codeToLeaf;
  /** for integer columns: value to leaf. */
  final java.util.Map<Integer, Integer> intToLeaf;
  /** domain size per level. */
  final int[] domain;
  /** up[level][id0] = id at level. */
  final int[][] up;
  final int height;

  QiCoding(Dataset data, String name, Hierarchy h) {
    this.name = name;
    int col;
    try {
      col = data.column(name);
    } catch (IllegalArgumentException e) {
      throw new DeidException("variable '" + name + "' is not in schema " + data.schema().id());
    }
    this.column = col;
    this.hierarchy = h;
    Variable v = data.variable(col);
    if (v.isMultiValued() || v.kind().isText()) {
      throw new DeidException(
          "variable '" + name + "' is " + (v.isMultiValued() ? "multi-valued" : v.kind().name().toLowerCase())
              + ": only single-valued closed, year and count variables can be generalised");
    }
    this.leaves = h.leaves().size();
    this.height = h.height();
    this.integer = v.kind().isInteger();
    if (integer) {
      codeToLeaf = new int[0];
      intToLeaf = new java.util.HashMap<>();
      for (int i = 0; i < leaves; i++) {
        try {
          intToLeaf.put(Integer.parseInt(h.leaves().get(i).trim()), i);
        } catch (NumberFormatException e) {
          // a non-numeric leaf cannot match an integer cell
        }
      }
    } else {
      List<org.ctdc.schema.Code> codes = v.values().codes();
      codeToLeaf = new int[codes.size()];
      for (int c = 0; c < codes.size(); c++) {
        codeToLeaf[c] = h.indexOf(0, codes.get(c).code());
      }
      intToLeaf = java.util.Map.of();
    }
    this.domain = new int[h.levels()];
    this.up = new int[h.levels()][];
    levels(h, domain, up);
  }

  /**
   * The coding of a hierarchy alone, for a table given by level-0 codes: {@link #ids(Dataset)} is not
   * available.
   *
   * @param name the variable
   * @param h its hierarchy
   */
  QiCoding(String name, Hierarchy h) {
    this.name = name;
    this.column = -1;
    this.hierarchy = h;
    this.leaves = h.leaves().size();
    this.height = h.height();
    this.integer = false;
    this.codeToLeaf = new int[0];
    this.intToLeaf = java.util.Map.of();
    this.domain = new int[h.levels()];
    this.up = new int[h.levels()][];
    levels(h, domain, up);
  }

  private static void levels(Hierarchy h, int[] domain, int[][] up) {
    int levels = h.levels();
    int leaves = h.leaves().size();
    int height = h.height();
    int d0 = leaves + MISSING_SLOTS;
    for (int l = 0; l < levels; l++) {
      int[] map = new int[d0];
      boolean top = l == height && height > 0;
      if (top) {
        domain[l] = 1;
      } else {
        int labels = h.labels(l).size();
        domain[l] = labels + MISSING_SLOTS;
        int[] leafTo = h.leafToLevel(l);
        System.arraycopy(leafTo, 0, map, 0, leaves);
        for (int s = 0; s < MISSING_SLOTS; s++) {
          map[leaves + s] = labels + s;
        }
      }
      up[l] = map;
    }
  }

  /** @return the level-0 domain size */
  int domain0() {
    return domain[0];
  }

  /** Missing slot of a negative missing constant. */
  static int slot(int missingCode) {
    return -missingCode - 1;
  }

  /**
   * The level-0 ids of every row.
   *
   * @param data the dataset
   * @return one id per row
   * @throws HierarchyException naming the hierarchy, the first uncovered value and level 0
   */
  int[] ids(Dataset data) {
    int n = data.rowCount();
    if (integer) {
      int[] out = new int[n];
      TreeMap<Integer, Boolean> uncovered = null;
      for (int r = 0; r < n; r++) {
        if (data.isMissing(r, column)) {
          out[r] = leaves + slot(data.missingReason(r, column).map(Dataset::missingCode).orElse(-1));
        } else {
          Integer leaf = intToLeaf.get(data.intValue(r, column));
          if (leaf == null) {
            throw new HierarchyException(
                hierarchy.name(), "a value of '" + name + "' (row " + (r + 1) + ") is not on level 0");
          }
          out[r] = leaf;
        }
      }
      return out;
    }
    int[] codes = data.codes(column);
    for (int r = 0; r < n; r++) {
      int c = codes[r];
      if (c < 0) {
        codes[r] = leaves + slot(c);
      } else {
        int leaf = codeToLeaf[c];
        if (leaf < 0) {
          throw new HierarchyException(
              hierarchy.name(),
              // the value is not quoted: under an inferred schema a "code" is a raw record value
              "a value of '" + name + "' (row " + (r + 1) + ") is not on level 0");
        }
        codes[r] = leaf;
      }
    }
    return codes;
  }

  /**
   * The labels of a level, as release codes: the hierarchy's labels; missing slots are not labels.
   *
   * @param level the level
   * @return the labels
   */
  List<String> labels(int level) {
    if (level == height && height > 0) {
      return hierarchy.labels(level);
    }
    return new ArrayList<>(hierarchy.labels(level));
  }

  /**
   * Whether an id at a level is a missing slot, and which reason.
   *
   * @param level the level
   * @param id the id at the level
   * @return the missing constant (negative), or 0 if the id is a label
   */
  int missingOf(int level, int id) {
    if (level == height && height > 0) {
      return 0;
    }
    int labels = hierarchy.labels(level).size();
    return id >= labels ? -(id - labels) - 1 : 0;
  }
}
