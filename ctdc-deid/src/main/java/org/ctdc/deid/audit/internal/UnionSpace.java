package org.ctdc.deid.audit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAuditException;
import org.ctdc.deid.audit.TableDimension;
import org.ctdc.schema.internal.Shown;

/**
 * The cells of linked tables: the product, over the union of their dimensions, of every node of each
 * dimension's (merged) hierarchies. Margins are cells like inner cells; additivity is expressed one
 * hierarchy step at a time. Not thread-safe while being built; read-only afterwards.
 */
final class UnionSpace {
  /** One dimension of the union, with the nodes of every hierarchy that names it. */
  static final class Dim {
    final String name;
    final String total;
    final List<String> nodes = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();
    final List<List<int[]>> children = new ArrayList<>();
    final Map<String, Set<String>> leafSets = new HashMap<>();

    Dim(String name, String total) {
      this.name = name;
      this.total = total;
    }

    int add(String node) {
      Integer i = index.get(node);
      if (i != null) {
        return i;
      }
      nodes.add(node);
      children.add(new ArrayList<>());
      index.put(node, nodes.size() - 1);
      return nodes.size() - 1;
    }
  }

  final List<Dim> dims = new ArrayList<>();
  final int[] radix;
  final int[] stride;
  final int size;
  /** Per table, per union dimension: the table's dimension position, or -1 (summed over: total). */
  final int[][] tableDimPos;

  UnionSpace(List<PublishedTable> tables, long maxCells) {
    Map<String, Dim> byName = new LinkedHashMap<>();
    for (PublishedTable t : tables) {
      for (TableDimension td : t.definition().dimensions()) {
        Dim d = byName.get(td.name());
        if (d == null) {
          d = new Dim(td.name(), td.total());
          byName.put(td.name(), d);
          dims.add(d);
        } else if (!d.total.equals(td.total())) {
          throw new TableAuditException("linked tables: dimension '" + Shown.name(td.name()) + "' has total '"
              + Shown.name(d.total) + "' in one table and '" + Shown.name(td.total()) + "' in table '"
              + Shown.name(t.name()) + "'");
        }
        for (String node : td.nodes()) {
          Set<String> leaves = new HashSet<>(td.leavesUnder(node));
          Set<String> known = d.leafSets.get(node);
          if (known == null) {
            d.leafSets.put(node, leaves);
          } else if (!known.equals(leaves)) {
            throw new TableAuditException("linked tables: dimension '" + Shown.name(td.name()) + "': node '"
                + Shown.name(node) + "' covers different categories in table '" + Shown.name(t.name())
                + "' than in an earlier table");
          }
          int ni = d.add(node);
          List<String> ch = td.hierarchy().get(node);
          if (ch != null) {
            int[] ci = new int[ch.size()];
            for (int k = 0; k < ci.length; k++) {
              ci[k] = d.add(ch.get(k));
            }
            boolean dup = false;
            for (int[] existing : d.children.get(ni)) {
              dup |= Arrays.equals(existing, ci);
            }
            if (!dup) {
              d.children.get(ni).add(ci);
            }
          }
        }
      }
    }
    radix = new int[dims.size()];
    stride = new int[dims.size()];
    long s = 1;
    long limit = Math.min(maxCells, Integer.MAX_VALUE - 8L);
    for (int i = dims.size() - 1; i >= 0; i--) {
      radix[i] = dims.get(i).nodes.size();
      stride[i] = (int) Math.min(s, Integer.MAX_VALUE);
      s *= radix[i];
      if (s > limit) {
        throw new TableAuditException("audit model too large: the linked tables span " + dims.size()
            + " dimensions whose node counts multiply to more than " + limit + " cells (raise maxCells,"
            + " or audit tables that do not share dimensions separately)");
      }
    }
    size = (int) s;
    tableDimPos = new int[tables.size()][dims.size()];
    for (int t = 0; t < tables.size(); t++) {
      for (int u = 0; u < dims.size(); u++) {
        tableDimPos[t][u] = tables.get(t).definition().indexOf(dims.get(u).name);
      }
    }
  }

  /** The union cell of a table's cell. */
  int cellOf(int table, List<String> codes) {
    int c = 0;
    for (int u = 0; u < dims.size(); u++) {
      Dim d = dims.get(u);
      int p = tableDimPos[table][u];
      String code = p < 0 ? d.total : codes.get(p);
      Integer ni = d.index.get(code);
      if (ni == null) {
        return -1;
      }
      c += ni * stride[u];
    }
    return c;
  }

  /** Whether union cell a's region contains one of the cells (every dimension's node covering the other's). */
  boolean coversAny(int a, java.util.Collection<Integer> cells) {
    for (int b : cells) {
      boolean all = true;
      for (int u = 0; u < dims.size() && all; u++) {
        Dim d = dims.get(u);
        String na = d.nodes.get((a / stride[u]) % radix[u]);
        String nb = d.nodes.get((b / stride[u]) % radix[u]);
        // every node of a dimension has its leaf set
        all = Objects.requireNonNull(d.leafSets.get(na)).containsAll(Objects.requireNonNull(d.leafSets.get(nb)));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** The codes of a union cell, for messages: declared names and codes, shown cut and without control characters. */
  String describe(int cell) {
    StringBuilder sb = new StringBuilder("(");
    for (int u = 0; u < dims.size(); u++) {
      int k = (cell / stride[u]) % radix[u];
      if (u > 0) {
        sb.append(", ");
      }
      sb.append(Shown.name(dims.get(u).name)).append('=').append(Shown.name(dims.get(u).nodes.get(k)));
    }
    return sb.append(')').toString();
  }
}
