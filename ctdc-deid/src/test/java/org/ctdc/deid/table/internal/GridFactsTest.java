package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.junit.jupiter.api.Test;

/**
 * The cell facts of {@link Grid}, worked out by hand for a 2-D table whose rows are a hierarchy (regions A
 * and B over countries a1, a2 and b1, with a grand total) and whose columns are flat (c1, c2): which cells are
 * inner, how many margin coordinates a cell has, which cell is the grand total, and which cells are
 * published when a margin is withheld.
 */
class GridFactsTest {

  private static TableDefinition definition() {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    regions.put("Total", List.of("A", "B"));
    regions.put("A", List.of("a1", "a2"));
    regions.put("B", List.of("b1"));
    return TableDefinition.of("t", List.of(
        Dimension.hierarchical("row", "Total", regions), Dimension.flat("col", "Total", List.of("c1", "c2"))));
  }

  private static Grid grid(TableDefinition def) {
    return new Grid(Table.ofCounts(def, new long[] {1, 2, 3, 4, 5, 6}), 1);
  }

  private static int cell(Grid g, String row, String col) {
    return g.h[0].index.get(row) * g.stride[0] + g.h[1].index.get(col) * g.stride[1];
  }

  @Test
  void innerCellsLevelsAndTheGrandTotal() {
    Grid g = grid(definition());
    assertEquals(6 * 3, g.cells, "rows a1 a2 b1 A B Total by columns c1 c2 Total");
    assertTrue(g.isInner(cell(g, "a1", "c1")));
    assertTrue(g.isInner(cell(g, "b1", "c2")));
    assertFalse(g.isInner(cell(g, "A", "c1")));
    assertFalse(g.isInner(cell(g, "a1", "Total")));
    assertFalse(g.isInner(cell(g, "Total", "Total")));
    assertEquals(0, g.level(cell(g, "a2", "c2")));
    assertEquals(1, g.level(cell(g, "A", "c2")));
    assertEquals(1, g.level(cell(g, "b1", "Total")));
    assertEquals(2, g.level(cell(g, "B", "Total")));
    assertEquals(2, g.level(cell(g, "Total", "Total")));
    assertEquals(cell(g, "Total", "Total"), g.grandTotal());
    int inner = 0;
    for (int c = 0; c < g.cells; c++) {
      if (g.isInner(c)) {
        inner++;
        assertEquals(0, g.level(c));
      } else {
        assertTrue(g.level(c) >= 1);
      }
    }
    assertEquals(6, inner);
  }

  @Test
  void aWithheldMarginIsNotPublishedButLeavesAndOtherMarginsAre() {
    Grid all = grid(definition());
    for (int c = 0; c < all.cells; c++) {
      assertTrue(all.isPublished(c), "every margin is published by default");
    }
    Grid g = grid(definition().withMargins("row", Set.of("Total")));
    assertTrue(g.isPublished(cell(g, "a1", "c1")));
    assertTrue(g.isPublished(cell(g, "Total", "c2")));
    assertTrue(g.isPublished(cell(g, "a2", "Total")));
    assertFalse(g.isPublished(cell(g, "A", "c1")), "region A is withheld");
    assertFalse(g.isPublished(cell(g, "B", "Total")), "region B is withheld");
    Grid none = grid(definition().withMargins("col", Set.of()));
    assertFalse(none.isPublished(cell(none, "a1", "Total")));
    assertFalse(none.isPublished(cell(none, "Total", "Total")));
    assertTrue(none.isPublished(cell(none, "Total", "c1")));
  }
}
