package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit's verdicts exactly at their bounds (an interval as wide as required, a maximum exactly at the
 * upper protection level, a minimum exactly at the lower one), the counts it reports, and the audit of
 * primaries only.
 */
class AuditVerdictBoundariesTest {
  private static final List<String> R3 = List.of("r1", "r2", "r3");
  private static final List<String> C3 = List.of("c1", "c2", "c3");
  private static final long[][] T3 = {{1, 6, 8}, {5, 7, 9}, {4, 3, 10}};
  private static final CellRef X11 = CellRef.of("t", "r1", "c1");

  /** The rectangle r1..r2 x c1..c2 suppressed: x11 in [0, 6], x12 in [1, 7], x21 in [0, 6], x22 in [6, 12]. */
  private static PublishedTable rectangle() {
    return Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2"));
  }

  private static Exposure exposure(AuditOptions o, CellRef cell) {
    return TableAudit.of(o).audit(List.of(rectangle())).interval(cell).orElseThrow().exposure();
  }

  @Test
  void anIntervalExactlyAsWideAsRequiredIsProtected() {
    assertEquals(Exposure.PROTECTED, exposure(AuditOptions.builder().minWidth(6).build(), X11));
    assertEquals(Exposure.TOO_NARROW, exposure(AuditOptions.builder().minWidth(6.01).build(), X11));
  }

  @Test
  void aMaximumExactlyAtTheUpperProtectionLevelIsProtected() {
    // true 2, interval [0, 6]: an upper level of 200 % needs max >= 6
    AuditOptions at = AuditOptions.builder().trueValues(Map.of(X11, 2.0)).protectionLevels(0, 2).build();
    assertEquals(Exposure.PROTECTED, exposure(at, X11));
    AuditOptions above = AuditOptions.builder().trueValues(Map.of(X11, 2.0)).protectionLevels(0, 2.01).build();
    assertEquals(Exposure.UPPER_PROTECTION, exposure(above, X11));
  }

  @Test
  void aMinimumExactlyAtTheLowerProtectionLevelIsProtected() {
    // secondary r2|c2: interval [6, 12], true 7.5; a lower level of 20 % needs min <= 6
    CellRef x22 = CellRef.of("t", "r2", "c2");
    AuditOptions at = AuditOptions.builder().trueValues(Map.of(x22, 7.5)).protectionLevels(0.2, 0).build();
    assertEquals(Exposure.PROTECTED, exposure(at, x22));
    AuditOptions above = AuditOptions.builder().trueValues(Map.of(x22, 7.5)).protectionLevels(0.21, 0).build();
    assertEquals(Exposure.LOWER_PROTECTION, exposure(above, x22));
  }

  @Test
  void protectionLevelsWithoutATrueValueCannotExposeACell() {
    AuditOptions o = AuditOptions.builder().protectionLevels(0.99, 100).build();
    assertEquals(Exposure.PROTECTED, exposure(o, X11));
  }

  @Test
  void primariesOnlyAuditListsNoSecondaryAndGivesTheSamePrimaryInterval() {
    AuditResult all = TableAudit.of().audit(List.of(rectangle()));
    AuditResult prim = TableAudit.of(AuditOptions.builder().secondaryIntervals(false).build()).audit(List.of(rectangle()));
    assertEquals(4, all.cells().size());
    assertEquals(1, prim.cells().size());
    CellInterval a = all.interval(X11).orElseThrow();
    CellInterval p = prim.interval(X11).orElseThrow();
    assertEquals(List.of(a.min(), a.max()), List.of(p.min(), p.max()));
    assertEquals(List.of(0.0, 6.0), List.of(p.min(), p.max()));
    assertTrue(prim.report().startsWith("audit of t: 1 suppressed cells (1 primary, 0 secondary); 0 primary exposed;"
        + " PASSED\n"), prim.report());
    assertTrue(all.report().startsWith("audit of t: 4 suppressed cells (1 primary, 3 secondary); 0 primary exposed;"
        + " PASSED\n"), all.report());
  }

  /** A cell that the published margins pin is found by the rank test, without a linear program per bound. */
  @Test
  void aRecomputableCellIsCountedAsDeterminedByRank() {
    PublishedTable t = Tables2D.table("t", R3, C3, T3, Set.of("r1|c1"), Set.of());
    AuditResult r = TableAudit.of().audit(List.of(t));
    assertEquals(1, r.determinedByRank());
    CellInterval c = r.interval(X11).orElseThrow();
    assertEquals(List.of(1.0, 1.0), List.of(c.min(), c.max()));
    assertEquals(Exposure.DETERMINED, c.exposure());
    assertEquals(List.of(c), r.exposedPrimaries());
    AuditResult rect = TableAudit.of().audit(List.of(rectangle()));
    assertEquals(0, rect.determinedByRank());
    assertTrue(rect.linearPrograms() > 0);
  }

  /** Two suppressed cells of one row, the row total published: each is the total minus the other. */
  @Test
  void twoCellsOfOneMarginShareItsValue() {
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(TableDimension.flat("d", "T", List.of("a", "b", "c"))));
    PublishedTable t = PublishedTable.of(def, List.of(PublishedRow.suppressed(PublishedStatus.PRIMARY, "a"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "b"), PublishedRow.published(5, "c"),
        PublishedRow.published(9, "T")));
    AuditResult r = TableAudit.of(AuditOptions.builder().minWidth(4).build()).audit(List.of(t));
    CellInterval a = r.interval(CellRef.of("t", "a")).orElseThrow();
    CellInterval b = r.interval(CellRef.of("t", "b")).orElseThrow();
    assertEquals(List.of(0.0, 4.0), List.of(a.min(), a.max()));
    assertEquals(List.of(0.0, 4.0), List.of(b.min(), b.max()));
    assertEquals(Exposure.PROTECTED, a.exposure());
    assertTrue(r.passed());
    assertFalse(TableAudit.of(AuditOptions.builder().minWidth(4.5).build()).audit(List.of(t)).passed());
  }

  /** Published margins smaller than a published cell under them admit no non-negative table. */
  @Test
  void aMarginBelowThePublishedPartsIsInconsistent() {
    PublishedTableDefinition def = PublishedTableDefinition.of("t", List.of(TableDimension.flat("d", "T", List.of("a", "b", "c"))));
    PublishedTable t = PublishedTable.of(def, List.of(PublishedRow.suppressed(PublishedStatus.PRIMARY, "a"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "b"), PublishedRow.published(5, "c"),
        PublishedRow.published(4, "T")));
    TableAuditException e = assertThrows(TableAuditException.class, () -> TableAudit.of().audit(List.of(t)));
    assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
  }

  /** Two linked tables that publish the same cell with values differing by more than rounding. */
  @Test
  void linkedTablesPublishingDifferentValuesForOneCellAreRefusedNamingBoth() {
    TableDimension sex = TableDimension.flat("sex", "Total", List.of("F", "M"));
    PublishedTable a = PublishedTable.of(PublishedTableDefinition.of("A", List.of(sex)), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.published(4, "M"),
        PublishedRow.published(9, "Total")));
    PublishedTable b = PublishedTable.of(PublishedTableDefinition.of("B", List.of(sex)), List.of(
        PublishedRow.published(4.5, "M"), PublishedRow.published(9, "Total")));
    String m = assertThrows(TableAuditException.class,
        () -> TableAudit.of().audit(List.of(a, b))).getMessage();
    assertTrue(m.contains("tables 'A' and 'B' publish different values for the same cell"), m);
    // the same values agree: F = 9 - 4 is determined
    PublishedTable same = PublishedTable.of(PublishedTableDefinition.of("B", List.of(sex)), List.of(
        PublishedRow.published(4, "M"), PublishedRow.published(9, "Total")));
    CellInterval f = TableAudit.of().audit(List.of(a, same))
        .interval(CellRef.of("A", "F")).orElseThrow();
    assertEquals(List.of(5.0, 5.0), List.of(f.min(), f.max()));
  }
}
