package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text report prints only what the publication itself reveals. */
class TableReportTest {
  @Test
  void witnessBoundsAndValueDependentWidthsAreNeverPrinted() {
    // witness bounds are v - t-, v + t+ from true values; the width 13 would be 10 % of a value near 130
    TableReport r = new TableReport("t", "suppression", List.of("protection: at least max(1, 10% of the value)"),
        Map.of(CellStatus.PRIMARY, 2),
        List.of(new TableReport.PrimaryCell(List.of("A1", "F"), "threshold: count < 11", 4, 17, 13, "lp"),
            new TableReport.PrimaryCell(List.of("B1", "M"), "threshold: count < 11", 3, 9, 13, "witness")),
        List.of(), List.of());
    List<String> lines = r.lines();
    assertEquals("  primary A1|F (threshold: count < 11): attacker interval [4, 17] (lp)", lines.get(3));
    String w = lines.get(4);
    assertTrue(w.startsWith("  primary B1|M (threshold: count < 11): protected (witness check passed"), w);
    for (String line : lines) {
      assertFalse(line.contains("13"), line);
    }
    assertFalse(w.contains("3") || w.contains("9"), w);
  }
}
