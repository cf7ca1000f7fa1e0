package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the audit checks each primary's protection levels (from the publisher's confidential levels file
 * the definition names) and the singleton attacker, and keeps today's check for definitions without levels.
 */
class Issue15AuditLevelsTest {
  @TempDir Path dir;

  static final PublishedTableDefinition DEF = PublishedTableDefinition.of("m",
      List.of(TableDimension.flat("cell", "Total", List.of("c0", "c1", "c2", "c3")))).withMinWidth(1);

  /**
   * The example of the issue as released on main: c0 = 1000 + 900 + 50 = 1950 (p%-rule, p = 10) protected
   * by c1 = 5 only, so c0 lies in [0, 1955].
   */
  static PublishedTable oldRelease(PublishedTableDefinition def) {
    return PublishedTable.of(def, List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "c0"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "c1"),
        PublishedRow.published(1000, "c2"),
        PublishedRow.published(1500, "c3"),
        PublishedRow.published(4455, "Total")));
  }

  @Test
  void issue15_anOldStyleReleaseWithATooNarrowIntervalFailsWithLevels() {
    // today's check: wide enough
    AuditResult today = TableAudit.of().audit(List.of(oldRelease(DEF)));
    assertTrue(today.passed());
    assertEquals(1955, today.interval(CellRef.of("m", "c0")).orElseThrow().max(), 1e-9);
    // with the p%-rule's levels (UPL = LPL = 50): the upper bound must reach 2000
    AuditResult withLevels = TableAudit.of(AuditOptions.builder()
        .cellProtection(CellRef.of("m", "c0"), CellProtection.of(1950, 50, 50)).build()).audit(List.of(oldRelease(DEF)));
    assertFalse(withLevels.passed());
    assertEquals(Exposure.UPPER_PROTECTION, withLevels.interval(CellRef.of("m", "c0")).orElseThrow().exposure());
    // the report prints the public interval, never the value or the levels
    String report = withLevels.report();
    assertTrue(report.contains("[0, 1955]"), report);
    assertFalse(report.contains("1950") || report.contains("2000"), report);
  }

  @Test
  void issue15_theLevelsFileNamedByTheDefinitionIsReadAndChecked() throws IOException {
    Path csv = dir.resolve("m.csv");
    oldRelease(DEF).writeCsv(csv);
    Path def = Files.writeString(dir.resolve("m.table.json"), DEF.withLevels("m.levels.json").toJson());
    Files.writeString(dir.resolve("m.levels.json"), """
        {"protectionLevels": 1, "table": "m", "notice": "confidential",
         "cells": [{"cell": ["c0"], "value": 1950, "lower": 50, "upper": 50}]}
        """);
    PublishedTable t = PublishedTable.read(csv, def);
    assertEquals(Map.of(CellRef.of("m", "c0"), CellProtection.of(1950, 50, 50)), t.levels());
    assertFalse(TableAudit.of().audit(t).passed());
    // a cell that reaches its levels passes
    Files.writeString(dir.resolve("m.levels.json"), """
        {"protectionLevels": 1, "table": "m", "cells": [{"cell": ["c0"], "value": 1950, "lower": 5, "upper": 5}]}
        """);
    assertTrue(TableAudit.of().audit(PublishedTable.read(csv, def)).passed());
  }

  @Test
  void issue15_aDefinitionNamingLevelsNeedsThemForEveryPrimary() throws IOException {
    Path csv = dir.resolve("m.csv");
    oldRelease(DEF).writeCsv(csv);
    Path def = Files.writeString(dir.resolve("m.table.json"), DEF.withLevels("m.levels.json").toJson());
    TableFormatException missing = assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def));
    assertTrue(missing.getMessage().contains("m.levels.json: cannot read: no such file"), missing.getMessage());
    Files.writeString(dir.resolve("m.levels.json"), "{\"protectionLevels\": 1, \"table\": \"m\", \"cells\": []}");
    TableAuditException e = assertThrows(TableAuditException.class, () -> TableAudit.of().audit(PublishedTable.read(csv, def)));
    assertTrue(e.getMessage().contains("row 1: a primary cell without protection levels"), e.getMessage());
  }

  @Test
  void issue15_theLevelsFileIsReadStrictlyWithoutQuotingIt() throws IOException {
    Path csv = dir.resolve("m.csv");
    oldRelease(DEF).writeCsv(csv);
    Path def = Files.writeString(dir.resolve("m.table.json"), DEF.withLevels("m.levels.json").toJson());
    String[][] cases = {
        {"\"upper\": 50", "\"uper\": 50", "cells[0]: unknown key 'uper'"},
        {"[\"c0\"]", "[\"secretCode\"]", "cells[0].cell[0]: a code that is not in the dimension's hierarchy"},
        {"\"lower\": 50", "\"lower\": 1951", "cells[0]: protection: levels must be"},
        {"\"table\": \"m\"", "\"table\": \"secretName\"", "table: is not the name of the definition"},
        {"\"value\": 1950", "\"value\": \"secret\"", "cells[0].value: must be a number"},
    };
    String ok = "{\"protectionLevels\": 1, \"table\": \"m\", \"cells\": [{\"cell\": [\"c0\"], \"value\": 1950,"
        + " \"lower\": 50, \"upper\": 50}]}";
    for (String[] c : cases) {
      String text = ok.replace(c[0], c[1]);
      assertFalse(text.equals(ok), c[1]);
      Files.writeString(dir.resolve("m.levels.json"), text);
      TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def));
      assertTrue(e.getMessage().contains(dir.resolve("m.levels.json") + ": " + c[2]), e.getMessage());
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
  }

  /** Two singletons c0 (500) and c1 (600) that protect only each other; c2 and c3 published. */
  static PublishedTable twoSingletons() {
    return PublishedTable.of(DEF, List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "c0"),
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "c1"),
        PublishedRow.published(80, "c2"),
        PublishedRow.published(300, "c3"),
        PublishedRow.published(1480, "Total")));
  }

  @Test
  void issue15_aSingletonThatRecoversTheOtherIsCaughtByTheAudit() {
    // without the singleton attacker: [0, 1100] each, wide enough for levels of 50 and 60
    AuditOptions levelsOnly = AuditOptions.builder()
        .cellProtection(CellRef.of("m", "c0"), CellProtection.of(500, 50, 50))
        .cellProtection(CellRef.of("m", "c1"), CellProtection.of(600, 60, 60)).build();
    assertTrue(TableAudit.of(levelsOnly).audit(List.of(twoSingletons())).passed());
    AuditOptions singletons = AuditOptions.builder()
        .cellProtection(CellRef.of("m", "c0"), CellProtection.singleton(500, 50, 50, 0))
        .cellProtection(CellRef.of("m", "c1"), CellProtection.singleton(600, 60, 60, 1)).build();
    AuditResult r = TableAudit.of(singletons).audit(List.of(twoSingletons()));
    assertFalse(r.passed());
    for (String c : new String[] {"c0", "c1"}) {
      CellInterval i = r.interval(CellRef.of("m", c)).orElseThrow();
      assertEquals(Exposure.SINGLETON, i.exposure());
      assertEquals(0, i.min(), 1e-9);
      assertEquals(1100, i.max(), 1e-9);
    }
    assertTrue(r.report().contains("EXPOSED (singleton)"), r.report());
    // one respondent making up both cells learns nothing it did not know
    AuditOptions same = AuditOptions.builder()
        .cellProtection(CellRef.of("m", "c0"), CellProtection.singleton(500, 50, 50, 7))
        .cellProtection(CellRef.of("m", "c1"), CellProtection.singleton(600, 60, 60, 7)).build();
    assertTrue(TableAudit.of(same).audit(List.of(twoSingletons())).passed());
    // a third suppressed cell (c2 = 80) leaves each singleton its level: it passes
    PublishedTable three = PublishedTable.of(DEF, List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "c0"),
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "c1"),
        PublishedRow.suppressed(PublishedStatus.SECONDARY, "c2"),
        PublishedRow.published(300, "c3"),
        PublishedRow.published(1480, "Total")));
    assertTrue(TableAudit.of(singletons).audit(List.of(three)).passed());
  }
}
