package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit's options at the edges of their valid ranges, the model-size limit at its bound, the cell named
 * in a message about a 2-D table, the secondary count of the report, definitions' minWidth in JSON, and a
 * margin over more leaves than the equation buffer's first size.
 */
class AuditBoundsAndReportTest {
  private static final CellRef F = CellRef.of("t", "F");
  private static final TableDimension SEX = TableDimension.flat("sex", "Total", List.of("F", "M"));

  @Test
  void optionsAcceptTheEdgesOfTheirRangesAndRefuseJustBeyond() {
    assertThrows(IllegalArgumentException.class, () -> AuditOptions.builder().minWidth(0));
    assertEquals(1e-300, AuditOptions.builder().minWidth(1e-300).build().minWidth().getAsDouble());
    assertEquals(0.0, AuditOptions.builder().trueValues(Map.of(F, 0.0)).build().trueValues().get(F));
    assertThrows(IllegalArgumentException.class, () -> AuditOptions.builder().trueValues(Map.of(F, -1.0)));
    double[] b = AuditOptions.builder().knownBound(F, 0, 0).build().knownBounds().get(F);
    assertEquals(List.of(0.0, 0.0), List.of(b[0], b[1]));
    assertThrows(IllegalArgumentException.class, () -> AuditOptions.builder().knownBound(F, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> AuditOptions.builder().knownBound(F, 3, 2));
    assertEquals(1, AuditOptions.builder().maxCells(1).build().maxCells());
    assertThrows(IllegalArgumentException.class, () -> AuditOptions.builder().maxCells(0));
  }

  /** The 1-D table F, M, Total spans 3 model cells: a limit of 3 audits it, a limit of 2 refuses it. */
  @Test
  void aModelExactlyAsLargeAsMaxCellsIsAudited() {
    PublishedTable t = PublishedTable.of(PublishedTableDefinition.of("t", List.of(SEX)), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.suppressed(PublishedStatus.SECONDARY, "M"),
        PublishedRow.published(9, "Total")));
    CellInterval f = TableAudit.of(AuditOptions.builder().maxCells(3).build()).audit(List.of(t)).interval(F)
        .orElseThrow();
    assertEquals(List.of(0.0, 9.0), List.of(f.min(), f.max()));
    String m = assertThrows(TableAuditException.class,
        () -> TableAudit.of(AuditOptions.builder().maxCells(2).build()).audit(List.of(t))).getMessage();
    assertTrue(m.contains("more than 2 cells"), m);
  }

  @Test
  void aDisagreementInATwoDimensionalTableNamesTheCellByEveryDimension() {
    List<String> rows = List.of("ra", "rb");
    List<String> cols = List.of("ca", "cb", "cc");
    long[][] v = {{1, 2, 3}, {4, 5, 6}};
    long[][] w = {{1, 2, 3}, {4, 5, 7}};
    PublishedTable a = Tables2D.table("A", rows, cols, v, Set.of(), Set.of());
    PublishedTable b = Tables2D.table("B", rows, cols, w, Set.of(), Set.of());
    String m = assertThrows(TableAuditException.class,
        () -> TableAudit.of().audit(List.of(a, b))).getMessage();
    assertEquals("tables 'A' and 'B' publish different values for the same cell (row=rb, col=cc)", m);
  }

  /**
   * The rectangle r1..r2 x c1..c2 (r1|c1 primary, three secondaries) protects its primary; a fifth
   * suppressed cell r3|c3, secondary and alone in its row, is recomputable: one exposed secondary of four.
   */
  @Test
  void theReportCountsOnlyExposedSecondaries() {
    List<String> r3 = List.of("r1", "r2", "r3");
    List<String> c3 = List.of("c1", "c2", "c3");
    long[][] v = {{1, 6, 8}, {5, 7, 9}, {4, 3, 10}};
    PublishedTable t = Tables2D.table("t", r3, c3, v, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2", "r3|c3"));
    AuditResult r = TableAudit.of().audit(List.of(t));
    List<String> lines = r.reportLines();
    assertEquals("audit of t: 5 suppressed cells (1 primary, 4 secondary); 0 primary exposed; PASSED", lines.get(0));
    assertEquals("1 of 4 secondary cells exactly determined or too narrow (not a failure: secondaries protect"
        + " primaries)", lines.get(lines.size() - 1));
  }

  @Test
  void aWholeMinWidthIsWrittenWithoutAFractionAndOthersAsTheyAre() {
    PublishedTableDefinition d = PublishedTableDefinition.of("t", List.of(SEX));
    assertTrue(json(d.withMinWidth(4)).contains("\"minWidth\":4}"), json(d.withMinWidth(4)));
    assertTrue(json(d.withMinWidth(2.5)).contains("\"minWidth\":2.5}"), json(d.withMinWidth(2.5)));
    assertTrue(json(d.withMinWidth(1e15)).contains("\"minWidth\":1.0E15}"), json(d.withMinWidth(1e15)));
    assertEquals(4.0, PublishedTableDefinition.parse(d.withMinWidth(4).toJson(), "d.json").minWidth().getAsDouble());
  }

  private static String json(PublishedTableDefinition d) {
    return d.toJson().replaceAll("\\s", "");
  }

  @Test
  void invalidDefinitionJsonNamesTheLineOfTheError() {
    String m = assertThrows(TableFormatException.class,
        () -> PublishedTableDefinition.parse("{\"tableFormat\": 1,\n\"name\": }", "d.json")).getMessage();
    assertEquals("d.json: line 2: not valid JSON", m);
  }

  /** Twenty suppressed leaves under one published total: each lies anywhere in [0, total]. */
  @Test
  void aTotalOverTwentySuppressedLeavesBoundsEachByZeroAndTheTotal() {
    List<String> leaves = new ArrayList<>();
    List<PublishedRow> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      leaves.add("l" + i);
      rows.add(PublishedRow.suppressed(i == 0 ? PublishedStatus.PRIMARY : PublishedStatus.SECONDARY, "l" + i));
    }
    rows.add(PublishedRow.published(50, "Total"));
    PublishedTable t = PublishedTable.of(PublishedTableDefinition.of("t", List.of(TableDimension.flat("d", "Total", leaves))),
        rows);
    AuditResult r = TableAudit.of().audit(List.of(t));
    assertEquals(20, r.cells().size());
    for (CellInterval c : r.cells()) {
      assertEquals(List.of(0.0, 50.0), List.of(c.min(), c.max()), c::toString);
    }
  }

  /** A known bound may name any cell, the grand total included; a cell of no audited table is refused. */
  @Test
  void knownBoundsApplyToAnyCellOfTheAuditedTables() {
    PublishedTable t = PublishedTable.of(PublishedTableDefinition.of("t", List.of(SEX)), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.suppressed(PublishedStatus.SECONDARY, "M"),
        PublishedRow.published(9, "Total")));
    AuditResult r = TableAudit.of(AuditOptions.builder().knownBound(CellRef.of("t", "Total"), 0, 100)
        .knownBound(CellRef.of("t", "M"), 2, 3).build()).audit(List.of(t));
    CellInterval f = r.interval(F).orElseThrow();
    assertEquals(List.of(6.0, 7.0), List.of(f.min(), f.max()));
    for (CellRef bad : List.of(CellRef.of("u", "F"), CellRef.of("t", "F", "x"), CellRef.of("t", "X"))) {
      String m = assertThrows(TableAuditException.class, () -> TableAudit.of(AuditOptions.builder().knownBound(bad, 0, 1).build()).audit(List.of(t))).getMessage();
      assertEquals("known bound for " + bad + ": no such cell in the audited tables", m);
    }
  }
}
