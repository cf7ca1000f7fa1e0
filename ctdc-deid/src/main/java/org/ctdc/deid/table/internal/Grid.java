package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Every cell of one table (all node tuples, published or not) with its value, magnitude statistics and
 * status. Cell ids are row-major over node indices of {@link Hier}. Not thread-safe.
 */
public final class Grid {
  final Table table;
  final TableDefinition def;
  final Hier[] h;
  final boolean[][] pub;
  /** Partial publication: per pattern, per dimension, the nodes it allows; empty when every combination is published. */
  final boolean[][][] patterns;
  final int[] radix;
  final int[] stride;
  final int cells;
  final long[] value;
  final long[] contributors;
  final int topK;
  final long[] top;
  final CellStatus[] status;
  final String[] rule;
  final String[] reason;
  /** Each primary's upper protection level (magnitude tables; 0 otherwise). */
  final long[] level;
  /**
   * For a magnitude cell with exactly one contributor (a singleton), the inner cell holding that
   * contributor (the respondent: it knows every cell it alone makes up); -1 otherwise.
   */
  final int[] respondent;
  /** Index of each table dimension among the union dimensions of the linked problem. */
  @SuppressWarnings("NullAway.Init") // set by Problem, which makes every grid, before the grid is used
  int[] unionDim;

  Grid(Table table, int topK) {
    this.table = table;
    this.def = table.definition();
    int n = def.dimensions().size();
    h = new Hier[n];
    pub = new boolean[n][];
    radix = new int[n];
    stride = new int[n];
    long total = 1;
    for (int i = 0; i < n; i++) {
      h[i] = new Hier(def.dimensions().get(i));
      radix[i] = h[i].size;
      pub[i] = new boolean[h[i].size];
      for (int k = 0; k < h[i].size; k++) {
        pub[i][k] = def.isPublished(i, h[i].names[k]);
      }
      total *= radix[i];
    }
    patterns = new boolean[def.publish().size()][n][];
    for (int p = 0; p < patterns.length; p++) {
      java.util.Map<String, java.util.Set<String>> allowed = def.publish().get(p).nodes();
      for (int i = 0; i < n; i++) {
        java.util.Set<String> a = allowed.get(def.dimensions().get(i).name());
        patterns[p][i] = new boolean[h[i].size];
        for (int k = 0; k < h[i].size; k++) {
          patterns[p][i][k] = a == null || a.contains(h[i].names[k]);
        }
      }
    }
    if (total > 50_000_000L) {
      throw new org.ctdc.deid.table.TableException(
          "table '" + def.name() + "' has too many cells with margins (" + total + ")");
    }
    cells = (int) total;
    int s = 1;
    for (int i = n - 1; i >= 0; i--) {
      stride[i] = s;
      s *= radix[i];
    }
    value = new long[cells];
    boolean mag = table.kind() == Table.Kind.MAGNITUDE;
    this.topK = mag ? topK : 0;
    contributors = new long[mag ? cells : 0];
    top = new long[mag ? cells * topK : 0];
    status = new CellStatus[cells];
    rule = new String[cells];
    reason = new String[cells];
    level = new long[cells];
    respondent = new int[cells];
    Arrays.fill(respondent, -1);
    fillInner(mag);
    rollUp(mag);
    if (mag) {
      markSingletons();
    }
  }

  private void markSingletons() {
    for (int c = 0; c < cells; c++) {
      if (contributors[c] == 1 && isInner(c)) {
        for (int a : IntervalCheck.ancestors(this, c)) {
          if (contributors[a] == 1) {
            respondent[a] = c;
          }
        }
      }
    }
  }

  /** The lower protection level of a primary: {@code min(UPL, value)}. */
  long lowerLevel(int cell) {
    return Math.min(level[cell], value[cell]);
  }

  /**
   * Whether a cell is a singleton of another respondent than cell {@code of}'s, outside {@code of} (a
   * contributor of {@code of} itself is an insider, which the protection levels already allow for).
   */
  boolean otherSingleton(int cell, int of) {
    return respondent[cell] >= 0 && respondent[cell] != respondent[of] && !covers(of, cell);
  }

  /** Whether cell a's region contains cell b's in every dimension. */
  boolean covers(int a, int b) {
    for (int d = 0; d < h.length; d++) {
      int x = coord(a, d);
      int y = coord(b, d);
      if (h[d].lo[x] > h[d].lo[y] || h[d].hi[y] > h[d].hi[x]) {
        return false;
      }
    }
    return true;
  }

  private void fillInner(boolean mag) {
    int n = h.length;
    int[] leaf = new int[n];
    int inner = table.innerCellCount();
    for (int idx = 0; idx < inner; idx++) {
      int rest = idx;
      for (int i = n - 1; i >= 0; i--) {
        leaf[i] = rest % h[i].leafCount;
        rest /= h[i].leafCount;
      }
      int c = 0;
      for (int i = 0; i < n; i++) {
        c += leaf[i] * stride[i];
      }
      value[c] = table.innerValue(idx);
      if (mag) {
        long[] contrib = table.contributions(idx);
        contributors[c] = contrib.length;
        Arrays.sort(contrib);
        for (int k = 0; k < topK && k < contrib.length; k++) {
          top[c * topK + k] = contrib[contrib.length - 1 - k];
        }
      }
    }
  }

  private void rollUp(boolean mag) {
    long[] merged = new long[2 * Math.max(topK, 1)];
    for (int d = 0; d < h.length; d++) {
      Hier hd = h[d];
      int outer = cells / (radix[d] * stride[d]);
      for (int node = hd.leafCount; node < hd.size; node++) {
        for (int child : hd.children[node]) {
          for (int o = 0; o < outer; o++) {
            int base = o * radix[d] * stride[d];
            for (int in = 0; in < stride[d]; in++) {
              int from = base + child * stride[d] + in;
              int to = base + node * stride[d] + in;
              value[to] += value[from];
              if (mag) {
                contributors[to] += contributors[from];
                mergeTop(from, to, merged);
              }
            }
          }
        }
      }
    }
  }

  private void mergeTop(int from, int to, long[] buf) {
    System.arraycopy(top, from * topK, buf, 0, topK);
    System.arraycopy(top, to * topK, buf, topK, topK);
    Arrays.sort(buf, 0, 2 * topK);
    for (int k = 0; k < topK; k++) {
      top[to * topK + k] = buf[2 * topK - 1 - k];
    }
  }

  int coord(int cell, int dim) {
    return (cell / stride[dim]) % radix[dim];
  }

  boolean isPublished(int cell) {
    for (int d = 0; d < h.length; d++) {
      if (!pub[d][coord(cell, d)]) {
        return false;
      }
    }
    if (patterns.length == 0) {
      return true;
    }
    for (boolean[][] pattern : patterns) {
      boolean match = true;
      for (int d = 0; d < h.length && match; d++) {
        match = pattern[d][coord(cell, d)];
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  boolean isInner(int cell) {
    for (int d = 0; d < h.length; d++) {
      if (!h[d].isLeaf(coord(cell, d))) {
        return false;
      }
    }
    return true;
  }

  int level(int cell) {
    int l = 0;
    for (int d = 0; d < h.length; d++) {
      if (!h[d].isLeaf(coord(cell, d))) {
        l++;
      }
    }
    return l;
  }

  int grandTotal() {
    int c = 0;
    for (int d = 0; d < h.length; d++) {
      c += h[d].root * stride[d];
    }
    return c;
  }

  /** Whether a cell is empty: no record (counts) or no contributor (magnitudes). */
  boolean emptyCell(int cell) {
    return table.kind() == Table.Kind.MAGNITUDE ? contributors[cell] == 0 : value[cell] == 0;
  }

  boolean suppressed(int cell) {
    CellStatus s = status[cell];
    return s == CellStatus.PRIMARY || s == CellStatus.SECONDARY;
  }

  List<String> nodes(int cell) {
    List<String> out = new ArrayList<>(h.length);
    for (int d = 0; d < h.length; d++) {
      out.add(h[d].names[coord(cell, d)]);
    }
    return out;
  }

  String label(int cell) {
    return def.name() + "[" + String.join("|", nodes(cell)) + "]";
  }

  /** Applies the primary rules to every published cell. */
  void applyPrimary(SuppressionRules r) {
    boolean mag = table.kind() == Table.Kind.MAGNITUDE;
    int gt = grandTotal();
    for (int c = 0; c < cells; c++) {
      if (!isPublished(c)) {
        continue;
      }
      String broken = null;
      boolean empty = mag ? contributors[c] == 0 : value[c] == 0;
      if (empty) {
        broken = r.protectZeros() ? "zero cell (protectZeros)" : null;
      } else if (mag) {
        broken = magnitudeRule(c, r);
      } else if (r.belowThreshold(value[c])) {
        broken = "threshold: count " + r.bound().symbol() + " " + r.threshold();
      }
      if (r.forceGrandTotal() && c == gt) {
        status[c] = CellStatus.FORCED_PUBLISH;
        rule[c] = broken;
      } else if (broken != null) {
        status[c] = CellStatus.PRIMARY;
        rule[c] = broken;
        if (mag) {
          level[c] = r.protectionLevel(value[c], contributors[c], Arrays.copyOfRange(top, c * topK, c * topK + topK));
        }
      } else {
        status[c] = empty ? CellStatus.EMPTY : CellStatus.PUBLISHABLE;
      }
    }
  }

  private @Nullable String magnitudeRule(int c, SuppressionRules r) {
    long n = contributors[c];
    long total = value[c];
    if (r.belowThreshold(n)) {
      return "threshold: contributors " + r.bound().symbol() + " " + r.threshold();
    }
    if (r.minContributors() > 0 && n < r.minContributors()) {
      return "few contributors: fewer than " + r.minContributors();
    }
    if (r.dominanceN() > 0 && total > 0) {
      long s = 0;
      for (int k = 0; k < r.dominanceN(); k++) {
        s += top[c * topK + k];
      }
      if (s * 100.0 > r.dominanceK() * total) {
        return "(" + r.dominanceN() + "," + fmt(r.dominanceK()) + ")-dominance";
      }
    }
    if (r.pPercent() > 0 && total > 0) {
      long x1 = top[c * topK];
      long x2 = topK > 1 ? top[c * topK + 1] : 0;
      if ((total - x1 - x2) * 100.0 < r.pPercent() * x1) {
        return fmt(r.pPercent()) + "%-rule";
      }
    }
    return null;
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
