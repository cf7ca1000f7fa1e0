package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableException;
import org.junit.jupiter.api.Test;

/**
 * Linked tables must agree on every shared cell (a cell of the shared dimension with every other coordinate
 * at its total). The tables below agree on the grand total (21) but not on the row totals: row a is 10 in
 * one and 11 in the other, row b the reverse.
 */
class SharedCellValuesTest {
  private static final Dimension ROW = Dimension.flat("row", "Total", List.of("a", "b"));
  private static final Dimension COL = Dimension.flat("col", "Total", List.of("x", "y"));
  private static final Dimension SEX = Dimension.flat("sex", "Total", List.of("f", "m"));

  private static Table rowByCol(long... inner) {
    return Table.ofCounts(TableDefinition.of("rc", List.of(ROW, COL)), inner);
  }

  private static Table rowBySex(long... inner) {
    return Table.ofCounts(TableDefinition.of("rs", List.of(ROW, SEX)), inner);
  }

  @Test
  void tablesDisagreeingOnASharedMarginAreRefusedNamingTheFirstSuchCell() {
    TableException e = assertThrows(TableException.class, () -> new Problem(
        List.of(rowByCol(4, 6, 5, 6), rowBySex(5, 6, 4, 6)), SuppressionRules.ctdcDefaults()));
    assertEquals("linked tables 'rc' and 'rs' disagree on shared cell a|Total: they are not tabulated from the"
        + " same population", e.getMessage());
  }

  @Test
  void theThirdTableIsComparedWithTheSecondToo() {
    Table third = Table.ofCounts(TableDefinition.of("r", List.of(ROW)), new long[] {11, 10});
    TableException e = assertThrows(TableException.class, () -> new Problem(
        List.of(rowByCol(4, 6, 5, 6), rowBySex(4, 6, 5, 6), third), SuppressionRules.ctdcDefaults()));
    assertEquals("linked tables 'rc' and 'r' disagree on shared cell a|Total: they are not tabulated from the"
        + " same population", e.getMessage());
  }

  @Test
  void tablesAgreeingOnEverySharedCellAreAccepted() {
    Problem p = new Problem(List.of(rowByCol(4, 6, 5, 6), rowBySex(3, 7, 9, 2)), SuppressionRules.ctdcDefaults());
    assertEquals(2, p.grids().size());
    Grid rc = p.grids().get(0);
    Grid rs = p.grids().get(1);
    int shared = 0;
    for (int c = 0; c < rc.cells; c++) {
      int d = p.counterpart(rc, c, rs);
      if (d >= 0) {
        shared++;
        assertEquals(rc.nodes(c).get(0), rs.nodes(d).get(0));
        assertEquals("Total", rs.nodes(d).get(1));
        assertEquals(rc.value[c], rs.value[d]);
      }
    }
    assertEquals(3, shared, "a|Total, b|Total, Total|Total");
  }
}
