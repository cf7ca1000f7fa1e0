package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.junit.jupiter.api.Test;

/**
 * The hypercube chosen for a primary, computed by hand from the documented rule: among the valid
 * rectangles (width t- + t+ at least the required width, t- the smallest +1 corner, t+ the smallest -1
 * corner), the one whose new cells cost least, a cell costing its value + 1.
 *
 * <pre>
 *        x   y   z
 *   a    1  10  20     a|x = 1 is the only primary (threshold: less than 3)
 *   b   30  40  50
 *   c   15  60  70
 * </pre>
 *
 * Rectangles (new cells a|col, row|x, row|col): b,y costs 11 + 31 + 41 = 83, width 1 + min(10, 30) = 11;
 * c,y costs 11 + 16 + 61 = 88, width 1 + min(10, 15) = 11; b,z costs 21 + 31 + 51 = 103, width
 * 1 + min(20, 30) = 21; c,z costs 21 + 16 + 71 = 108, width 1 + min(20, 15) = 16.
 */
class CheapestHypercubeTest {
  private static final long[] INNER = {1, 10, 20, 30, 40, 50, 15, 60, 70};

  private static Map<String, CellStatus> suppressed(SuppressionRules rules) {
    TableDefinition def = TableDefinition.of("t", List.of(
        Dimension.flat("row", "Total", List.of("a", "b", "c")), Dimension.flat("col", "Total", List.of("x", "y", "z"))));
    Problem p = new Problem(List.of(Table.ofCounts(def, INNER)), rules);
    new Hypercube(p).run();
    Grid g = p.grids().get(0);
    Map<String, CellStatus> out = new TreeMap<>();
    for (int c = 0; c < g.cells; c++) {
      if (g.suppressed(c)) {
        out.put(String.join("|", g.nodes(c)), g.status[c]);
      }
    }
    return out;
  }

  private static SuppressionRules rules(long width) {
    return SuppressionRules.ctdcDefaults().withThreshold(3, SuppressionRules.ThresholdBound.LESS_THAN)
        .withProtection(width, 0);
  }

  @Test
  void withoutAWidthRequirementTheCheapestRectangleIsChosen() {
    assertEquals(Map.of("a|x", CellStatus.PRIMARY, "a|y", CellStatus.SECONDARY, "b|x", CellStatus.SECONDARY,
        "b|y", CellStatus.SECONDARY), suppressed(rules(1)));
  }

  /** Width 15 rules out b,y and c,y (11); b,z (21) is cheaper than c,z (16). */
  @Test
  void aWidthRequirementRulesOutNarrowRectanglesAndTheCheapestWideOneIsChosen() {
    assertEquals(Map.of("a|x", CellStatus.PRIMARY, "a|z", CellStatus.SECONDARY, "b|x", CellStatus.SECONDARY,
        "b|z", CellStatus.SECONDARY), suppressed(rules(15)));
  }
}
