package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableException;

/**
 * Linked tables protected together: the union of their dimensions (same name means the same dimension)
 * and one {@link Grid} per table. A cell whose coordinates on the dimensions a table lacks would all be the
 * total is the same cell in every table that has it ("shared cell"); shared cells must have equal values.
 * Not thread-safe.
 */
public final class Problem {
  final List<Grid> grids = new ArrayList<>();
  final List<Hier> union = new ArrayList<>();
  final SuppressionRules rules;

  /**
   * Builds the grids and applies the primary rules.
   *
   * @param tables the linked tables
   * @param rules the rules
   */
  public Problem(List<Table> tables, SuppressionRules rules) {
    this.rules = rules;
    Map<String, Dimension> dims = new LinkedHashMap<>();
    int topK = Math.max(2, rules.dominanceN());
    for (Table t : tables) {
      for (Dimension d : t.definition().dimensions()) {
        Dimension prev = dims.putIfAbsent(d.name(), d);
        if (prev != null && !prev.equals(d)) {
          throw new TableException("linked tables: dimension '" + d.name()
              + "' is defined differently in table '" + t.definition().name() + "'");
        }
      }
    }
    List<String> names = new ArrayList<>(dims.keySet());
    for (Dimension d : dims.values()) {
      union.add(new Hier(d));
    }
    for (Table t : tables) {
      Grid g = new Grid(t, topK);
      g.unionDim = new int[g.h.length];
      for (int i = 0; i < g.h.length; i++) {
        g.unionDim[i] = names.indexOf(g.def.dimensions().get(i).name());
      }
      g.applyPrimary(rules);
      grids.add(g);
    }
    checkSharedValues();
  }

  /**
   * The counterpart of a cell of grid x in grid y, or -1 when the cell is not a published cell of y.
   */
  int counterpart(Grid x, int cell, Grid y) {
    int[] u = unionTuple(x, cell);
    int c = 0;
    for (int i = 0; i < union.size(); i++) {
      boolean inY = false;
      for (int k = 0; k < y.h.length; k++) {
        if (y.unionDim[k] == i) {
          inY = true;
          c += u[i] * y.stride[k];
        }
      }
      if (!inY && u[i] != union.get(i).root) {
        return -1;
      }
    }
    return y.isPublished(c) ? c : -1;
  }

  int[] unionTuple(Grid g, int cell) {
    int[] u = new int[union.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = union.get(i).root;
    }
    for (int k = 0; k < g.h.length; k++) {
      u[g.unionDim[k]] = g.coord(cell, k);
    }
    return u;
  }

  private void checkSharedValues() {
    for (int a = 0; a < grids.size(); a++) {
      for (int b = a + 1; b < grids.size(); b++) {
        Grid x = grids.get(a);
        Grid y = grids.get(b);
        for (int c = 0; c < x.cells; c++) {
          if (!x.isPublished(c)) {
            continue;
          }
          int d = counterpart(x, c, y);
          if (d >= 0 && x.value[c] != y.value[d]) {
            throw new TableException("linked tables '" + x.def.name() + "' and '" + y.def.name()
                + "' disagree on shared cell " + String.join("|", x.nodes(c))
                + ": they are not tabulated from the same population");
          }
        }
      }
    }
  }

  /** Marks a cell suppressed (secondary) in its grid and in every grid sharing it. */
  void suppress(Grid g, int cell, String why) {
    for (Grid y : grids) {
      int d = y == g ? cell : counterpart(g, cell, y);
      if (d >= 0 && !y.suppressed(d)) {
        y.status[d] = org.ctdc.deid.table.CellStatus.SECONDARY;
        y.reason[d] = why;
      }
    }
  }

  /** @return the grids, one per table in input order */
  public List<Grid> grids() {
    return grids;
  }
}
