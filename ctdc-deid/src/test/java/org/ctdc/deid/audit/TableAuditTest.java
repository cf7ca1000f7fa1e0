package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableAuditTest {
  private static final List<String> R3 = List.of("r1", "r2", "r3");
  private static final List<String> C3 = List.of("c1", "c2", "c3");
  private static final long[][] T3 = {{1, 6, 8}, {5, 7, 9}, {4, 3, 10}};
  private static final AuditOptions WIDTH_2 = AuditOptions.builder().minWidth(2).build();

  @Test
  void suppressingOnlyTheSmallCellIsRejectedBecauseItsRowRecomputesIt() {
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of());
    AuditResult r = TableAudit.of(WIDTH_2).audit(List.of(t));
    CellInterval c = r.interval(CellRef.of("t", "r1", "c1")).orElseThrow();
    assertEquals(1, c.min());
    assertEquals(1, c.max());
    assertEquals(Exposure.DETERMINED, c.exposure());
    assertFalse(r.passed());
    assertEquals(1, r.exposedPrimaries().size());
    assertTrue(r.report().contains("t(r1, c1): primary: interval [1, 1]: EXPOSED (determined)"), r.report());
  }

  @Test
  void aRectangleOfFourSuppressionsProtectsTheSmallCell() {
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2"));
    AuditResult r = TableAudit.of(WIDTH_2).audit(List.of(t));
    assertTrue(r.passed(), r.report());
    // x11 + x12 = 7, x21 + x22 = 12, x11 + x21 = 6, x12 + x22 = 13: x11 ranges over [0, 6].
    CellInterval c = r.interval(CellRef.of("t", "r1", "c1")).orElseThrow();
    assertEquals(0, c.min());
    assertEquals(6, c.max());
    assertEquals(Exposure.PROTECTED, c.exposure());
    assertEquals(interval(1, 7), bounds(r, "r1", "c2"));
    assertEquals(interval(0, 6), bounds(r, "r2", "c1"));
    assertEquals(interval(6, 12), bounds(r, "r2", "c2"));
    assertTrue(r.report().contains("t(r1, c1): primary: interval [0, 6]: protected"), r.report());
    assertFalse(r.report().contains("[1, 1]"));
  }

  @Test
  void widthRequirementRejectsAnIntervalNarrowerThanRequired() {
    // Suppress r1|c1 (1) and r1|c2 (6) and r2|c1 (5), r2|c2 (7): interval of x11 is [0, 6]; require 7.
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2"));
    AuditResult r = TableAudit.of(AuditOptions.builder().minWidth(7).build()).audit(List.of(t));
    assertEquals(Exposure.TOO_NARROW, r.interval(CellRef.of("t", "r1", "c1")).orElseThrow().exposure());
    assertFalse(r.passed());
  }

  @Test
  void definitionMinWidthIsUsedWhenTheOptionsSetNone() {
    List<PublishedRow> rows = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"),
        Set.of("r1|c2", "r2|c1", "r2|c2")).rows();
    PublishedTable t = PublishedTable.of(Tables2D.definition("t", R3, C3).withMinWidth(7), rows);
    assertFalse(TableAudit.of().audit(t).passed());
    PublishedTable loose = PublishedTable.of(Tables2D.definition("t", R3, C3).withMinWidth(6), rows);
    assertTrue(TableAudit.of().audit(loose).passed());
  }

  @Test
  void twoSuppressionsPerRowAndColumnStillLeakWbInTheClassicFourByFourTable() {
    long[][] v = {{30, 47, 64, 89}, {90, 124, 5, 31}, {92, 100, 59, 85}, {800, 991, 651, 685}};
    List<String> rows = List.of("w", "x", "y", "z");
    List<String> cols = List.of("a", "b", "c", "d");
    Set<String> prim = Set.of("w|a", "w|b", "w|c", "x|a", "x|c", "y|b", "y|d", "z|b", "z|d");
    PublishedTable t = Tables2D.table("t", rows, cols, v, prim, Set.of());
    AuditResult r = TableAudit.of(AuditOptions.builder().minWidth(1).build()).audit(List.of(t));
    CellInterval wb = r.interval(CellRef.of("t", "w", "b")).orElseThrow();
    assertEquals(47, wb.min());
    assertEquals(47, wb.max());
    assertTrue(wb.exposed());
    assertFalse(r.passed());
    // The other suppressed cells keep a real interval.
    assertFalse(r.interval(CellRef.of("t", "w", "a")).orElseThrow().exposed());
    assertFalse(r.interval(CellRef.of("t", "z", "d")).orElseThrow().exposed());
    assertEquals(List.of(CellRef.of("t", "w", "b")), r.exposedPrimaries().stream().map(CellInterval::cell).toList());
  }

  @Test
  void hierarchicalMarginsExposeACellThatTheFlatTableWouldProtect() {
    // Regions: Africa = {DZ, EG}, Europe = {FR, DE}; columns: sex F, M.
    TableDimension country = new TableDimension("country", "Total", mapOf(
        "Total", List.of("Africa", "Europe"), "Africa", List.of("DZ", "EG"), "Europe", List.of("FR", "DE")));
    TableDimension sex = TableDimension.flat("sex", "Total", List.of("F", "M"));
    long[][] v = {{3, 9}, {7, 8}, {12, 2}, {6, 20}}; // DZ, EG, FR, DE
    List<String> leaves = List.of("DZ", "EG", "FR", "DE");
    // Suppress DZ|F, DZ|M, FR|F, FR|M: in the flat table DZ|F lies in [1, 12] (FR|M = DZ|F - 1) ...
    Set<String> sup = Set.of("DZ|F", "DZ|M", "FR|F", "FR|M");
    List<PublishedRow> flatRows = new ArrayList<>();
    List<PublishedRow> hierRows = new ArrayList<>();
    long[] colTotal = new long[2];
    long[][] regionCol = new long[2][2];
    for (int i = 0; i < 4; i++) {
      long rowSum = 0;
      for (int j = 0; j < 2; j++) {
        String s = j == 0 ? "F" : "M";
        PublishedRow row = sup.contains(leaves.get(i) + "|" + s)
            ? PublishedRow.suppressed(i == 0 && j == 0 ? PublishedStatus.PRIMARY : PublishedStatus.SECONDARY,
                leaves.get(i), s)
            : PublishedRow.published(v[i][j], leaves.get(i), s);
        flatRows.add(row);
        hierRows.add(row);
        rowSum += v[i][j];
        colTotal[j] += v[i][j];
        regionCol[i / 2][j] += v[i][j];
      }
      flatRows.add(PublishedRow.published(rowSum, leaves.get(i), "Total"));
      hierRows.add(PublishedRow.published(rowSum, leaves.get(i), "Total"));
    }
    for (int j = 0; j < 2; j++) {
      String s = j == 0 ? "F" : "M";
      flatRows.add(PublishedRow.published(colTotal[j], "Total", s));
      hierRows.add(PublishedRow.published(colTotal[j], "Total", s));
      hierRows.add(PublishedRow.published(regionCol[0][j], "Africa", s));
      hierRows.add(PublishedRow.published(regionCol[1][j], "Europe", s));
    }
    flatRows.add(PublishedRow.published(colTotal[0] + colTotal[1], "Total", "Total"));
    hierRows.add(PublishedRow.published(colTotal[0] + colTotal[1], "Total", "Total"));
    hierRows.add(PublishedRow.published(regionCol[0][0] + regionCol[0][1], "Africa", "Total"));
    hierRows.add(PublishedRow.published(regionCol[1][0] + regionCol[1][1], "Europe", "Total"));
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(country, sex));
    AuditResult flat = TableAudit.of(AuditOptions.builder().minWidth(1).build()).audit(List.of(PublishedTable.of(def, flatRows)));
    assertTrue(flat.passed(), flat.report());
    assertEquals(interval(1, 12), bounds(flat, "DZ", "F"));
    // ... but the subtotal Africa|F = DZ|F + EG|F with EG|F published gives DZ|F away.
    AuditResult hier = TableAudit.of(AuditOptions.builder().minWidth(1).build()).audit(List.of(PublishedTable.of(def, hierRows)));
    assertFalse(hier.passed());
    assertEquals(interval(3, 3), bounds(hier, "DZ", "F"));
  }

  @Test
  void suppressedSubtotalIsAuditedLikeAnInnerCell() {
    TableDimension country = new TableDimension("country", "Total", mapOf(
        "Total", List.of("Africa", "Europe"), "Africa", List.of("DZ", "EG"), "Europe", List.of("FR", "DE")));
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(country));
    List<PublishedRow> rows = List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "DZ"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "EG"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "Africa"),
        PublishedRow.published(10, "FR"),
        PublishedRow.published(4, "DE"),
        PublishedRow.published(14, "Europe"),
        PublishedRow.published(20, "Total"));
    AuditResult r = TableAudit.of().audit(PublishedTable.of(def, rows));
    assertEquals(interval(6, 6), bounds(r, "Africa"));
    assertEquals(interval(0, 6), bounds(r, "DZ"));
    assertTrue(r.passed());
  }

  @Test
  void linkedTablesThatShareAMarginAreAuditedTogether() {
    // Table A: country x sex; table B: country alone with a published DZ count that table A suppresses.
    List<String> countries = List.of("DZ", "EG");
    PublishedTableDefinition a = PublishedTableDefinition.of("A", List.of(
        TableDimension.flat("country", "Total", countries), TableDimension.flat("sex", "Total", List.of("F", "M"))));
    List<PublishedRow> aRows = List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "DZ", "F"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "DZ", "M"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "EG", "F"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "EG", "M"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "DZ", "Total"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "EG", "Total"),
        PublishedRow.published(9, "Total", "F"),
        PublishedRow.published(21, "Total", "M"),
        PublishedRow.published(30, "Total", "Total"));
    PublishedTable ta = PublishedTable.of(a, aRows);
    AuditResult alone = TableAudit.of(AuditOptions.builder().minWidth(1).build()).audit(List.of(ta));
    assertTrue(alone.passed(), alone.report());
    assertEquals(interval(0, 9), boundsIn(alone, "A", "DZ", "F"));
    // B publishes the DZ total (2) and the EG total (28): DZ|F is now in [0, 2], too narrow for width 3.
    PublishedTableDefinition b = PublishedTableDefinition.of("B", List.of(TableDimension.flat("country", "Total", countries)));
    PublishedTable tb = PublishedTable.of(b, List.of(
        PublishedRow.published(2, "DZ"), PublishedRow.published(28, "EG"), PublishedRow.published(30, "Total")));
    AuditResult linked = TableAudit.of(AuditOptions.builder().minWidth(3).build()).audit(List.of(ta, tb));
    assertEquals(interval(0, 2), boundsIn(linked, "A", "DZ", "F"));
    assertEquals(interval(2, 2), boundsIn(linked, "A", "DZ", "Total"));
    assertFalse(linked.passed());
    assertEquals(Exposure.TOO_NARROW, linked.interval(CellRef.of("A", "DZ", "F")).orElseThrow().exposure());
  }

  @Test
  void linkedTableOverASubsetOfDimensionsSumsOverTheOthers() {
    // A: sex x age, all inner cells suppressed, only the grand total; B: sex margins; C: age margins.
    TableDimension sex = TableDimension.flat("sex", "Total", List.of("F", "M"));
    TableDimension age = TableDimension.flat("age", "Total", List.of("child", "adult"));
    PublishedTable ta = PublishedTable.of(PublishedTableDefinition.of("A", List.of(sex, age)), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F", "child"),
        PublishedRow.published(7, "F", "adult"),
        PublishedRow.published(5, "M", "child"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "M", "adult")));
    PublishedTable tb = PublishedTable.of(PublishedTableDefinition.of("B", List.of(sex)), List.of(
        PublishedRow.published(9, "F"), PublishedRow.published(20, "M")));
    AuditResult r = TableAudit.of(AuditOptions.builder().minWidth(1).build()).audit(List.of(ta, tb));
    assertEquals(interval(2, 2), boundsIn(r, "A", "F", "child"));
    assertEquals(interval(15, 15), boundsIn(r, "A", "M", "adult"));
    assertFalse(r.passed());
  }

  @Test
  void cellPublishedInOneLinkedTableAndSuppressedInAnotherIsExposed() {
    TableDimension sex = TableDimension.flat("sex", "Total", List.of("F", "M"));
    PublishedTable ta = PublishedTable.of(PublishedTableDefinition.of("A", List.of(sex)), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.suppressed(PublishedStatus.SECONDARY, "M")));
    PublishedTable tb = PublishedTable.of(PublishedTableDefinition.of("B", List.of(sex)), List.of(PublishedRow.published(3, "F")));
    AuditResult r = TableAudit.of().audit(List.of(ta, tb));
    assertEquals(Exposure.DETERMINED, r.interval(CellRef.of("A", "F")).orElseThrow().exposure());
  }

  @Test
  void protectionLevelsUseTheTrueValueWithoutReportingIt() {
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2"));
    CellRef cell = CellRef.of("t", "r1", "c1");
    // Interval [0, 6], true value 1: upper level 500 % needs max >= 6: ok; 600 % needs 7: exposed.
    AuditOptions ok = AuditOptions.builder().trueValues(Map.of(cell, 1.0)).protectionLevels(1, 5).build();
    assertTrue(TableAudit.of(ok).audit(List.of(t)).passed());
    AuditOptions tight = AuditOptions.builder().trueValues(Map.of(cell, 1.0)).protectionLevels(0, 6).build();
    AuditResult r = TableAudit.of(tight).audit(List.of(t));
    assertEquals(Exposure.UPPER_PROTECTION, r.interval(cell).orElseThrow().exposure());
    // Lower level: secondary r2|c2 has interval [6, 12], true 7: a 10 % lower level needs min <= 6.3: ok;
    // r1|c2 true 6, interval [1, 7]: 90 % lower level needs min <= 0.6: exposed, but it is a secondary.
    AuditOptions lower = AuditOptions.builder()
        .trueValues(Map.of(CellRef.of("t", "r1", "c2"), 6.0, CellRef.of("t", "r2", "c2"), 7.0))
        .protectionLevels(0.9, 0).build();
    AuditResult lr = TableAudit.of(lower).audit(List.of(t));
    assertEquals(Exposure.LOWER_PROTECTION, lr.interval(CellRef.of("t", "r1", "c2")).orElseThrow().exposure());
    assertTrue(lr.passed());
  }

  @Test
  void knownUpperBoundNarrowsTheInterval() {
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2"));
    AuditOptions o = AuditOptions.builder().minWidth(2).knownBound(CellRef.of("t", "r2", "c1"), 0, 1).build();
    // x21 <= 1 and x11 = 6 - x21: x11 in [5, 6].
    AuditResult r = TableAudit.of(o).audit(List.of(t));
    assertEquals(interval(5, 6), bounds(r, "r1", "c1"));
    assertFalse(r.passed());
  }

  @Test
  void unboundedCellWhenNothingPublishedBoundsIt() {
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(TableDimension.flat("sex", "Total", List.of("F", "M"))));
    AuditResult r = TableAudit.of().audit(PublishedTable.of(def, List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.published(4, "M"))));
    CellInterval c = r.interval(CellRef.of("t", "F")).orElseThrow();
    assertEquals(0, c.min());
    assertEquals(Double.POSITIVE_INFINITY, c.max());
    assertTrue(r.passed());
    assertTrue(r.report().contains("[0, unbounded]"), r.report());
  }

  @Test
  void nonAdditivePublishedTableIsAClearError() {
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(TableDimension.flat("sex", "Total", List.of("F", "M"))));
    PublishedTable t = PublishedTable.of(def, List.of(
        PublishedRow.published(3, "F"), PublishedRow.published(4, "M"), PublishedRow.published(8, "Total")));
    TableAuditException e = assertThrows(TableAuditException.class, () -> TableAudit.of().audit(t));
    assertTrue(e.getMessage().contains("not additive") && e.getMessage().contains("sex=Total"), e.getMessage());
    assertFalse(e.getMessage().contains("8"), e.getMessage());
  }

  @Test
  void infeasibleMarginsAreAClearError() {
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(TableDimension.flat("sex", "Total", List.of("F", "M"))));
    PublishedTable t = PublishedTable.of(def, List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.published(9, "M"),
        PublishedRow.published(8, "Total")));
    TableAuditException e = assertThrows(TableAuditException.class, () -> TableAudit.of().audit(t));
    assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
  }

  @Test
  void modelLargerThanTheLimitIsRefusedWithAClearMessage() {
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of());
    TableAuditException e = assertThrows(TableAuditException.class,
        () -> TableAudit.of(AuditOptions.builder().maxCells(10).build()).audit(List.of(t)));
    assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("maxCells"), e.getMessage());
  }

  @Test
  void linkedTablesWithDifferentTotalsAreRefused() {
    PublishedTable a = PublishedTable.of(PublishedTableDefinition.of("A",
        List.of(TableDimension.flat("sex", "Total", List.of("F", "M")))), List.of(PublishedRow.published(1, "F")));
    PublishedTable b = PublishedTable.of(PublishedTableDefinition.of("B",
        List.of(TableDimension.flat("sex", "All", List.of("F", "M")))), List.of(PublishedRow.published(1, "F")));
    assertThrows(TableAuditException.class, () -> TableAudit.of().audit(List.of(a, b)));
  }

  @Test
  void publishedRowsAreValidated() {
    assertThrows(TableFormatException.class,
        () -> new PublishedRow(List.of("F"), OptionalDouble.of(3), PublishedStatus.PRIMARY));
    assertThrows(TableFormatException.class,
        () -> new PublishedRow(List.of("F"), OptionalDouble.empty(), PublishedStatus.PUBLISHABLE));
    assertThrows(TableFormatException.class,
        () -> new PublishedRow(List.of("F"), OptionalDouble.of(-1), PublishedStatus.PUBLISHABLE));
    assertEquals(OptionalDouble.of(0),
        new PublishedRow(List.of("F"), OptionalDouble.empty(), PublishedStatus.EMPTY).value());
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(TableDimension.flat("sex", "Total", List.of("F", "M"))));
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> PublishedTable.of(def, List.of(PublishedRow.published(1, "X"))));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("'sex'"), e.getMessage());
  }

  static Map<String, List<String>> mapOf(Object... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> v = (List<String>) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return m;
  }

  private static List<Double> interval(double min, double max) {
    return List.of(min, max);
  }

  private static List<Double> bounds(AuditResult r, String... codes) {
    CellInterval c = r.interval(CellRef.of("t", codes)).orElseThrow();
    return List.of(c.min(), c.max());
  }

  private static List<Double> boundsIn(AuditResult r, String table, String... codes) {
    CellInterval c = r.interval(CellRef.of(table, codes)).orElseThrow();
    return List.of(c.min(), c.max());
  }

}
