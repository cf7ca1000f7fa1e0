package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: partial publication. A table publishes only the cross-cells its {@code publish:} patterns name
 * (as the GaussSuppression formula {@code ~sex:region + region} does): the others are not written, are
 * never primary, and are unknowns of the attacker in the check and in the independent audit.
 */
class Issue15PartialPublicationTest {
  @TempDir Path dir;

  /** sex × {A, B}, the regions' leaves alone, and the grand total: no sex × leaf cell, no sex total. */
  static final String TABLE = """
        - name: partial
          dimensions: [region, sex]
          publish:
            - {region: [A, B], sex: leaves}
            - {region: leaves}
            - {}
      """;

  static String config(String tables) {
    return "tablesConfig: 1\nschema: tables-test\nrules:\n  threshold: 5\n" + TablesTestData.DIMENSIONS
        + "tables:\n" + tables;
  }

  @Test
  void issue15_publishPatternsAreReadWithTheirDimensionsAtTheTotalWhenNotNamed() {
    TablesConfig cfg = TablesConfig.parse(config(TABLE), "t.yaml", dir);
    List<Map<String, Set<String>>> pub = cfg.tables().get(0).publish();
    assertEquals(3, pub.size());
    assertEquals(Map.of("region", Set.of("A", "B"), "sex", Set.of("F", "M")), pub.get(0));
    assertEquals(Map.of("region", Set.of("A1", "A2", "B1", "B2"), "sex", Set.of("Total")), pub.get(1));
    assertEquals(Map.of("region", Set.of("Total"), "sex", Set.of("Total")), pub.get(2));
    TablesConfig all = TablesConfig.parse(config("""
          - name: all
            dimensions: [region, sex]
            publish:
              - {region: all, sex: margins}
        """), "t.yaml", dir);
    assertEquals(Set.of("Total", "A", "B", "A1", "A2", "B1", "B2"), all.tables().get(0).publish().get(0).get("region"));
    assertEquals(Set.of("Total"), all.tables().get(0).publish().get(0).get("sex"));
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 22, 33, 44, 55, 66})
  void issue15_onlyThePublishedCrossCellsAreWrittenAndTheReleasePassesTheAudit(long seed) throws Exception {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(seed), 14);
    Path out = dir.resolve("out" + seed);
    TablesRun.Outcome o = TablesRun.of(TablesConfig.parse(config(TABLE), "t.yaml", dir), out).run(TablesTestData.dataset(recs));
    Map<String, String[]> cells = TablesRunTest.cells(Files.readAllBytes(out.resolve("partial.csv")));
    List<String> expected = new ArrayList<>();
    expected.add("Total|Total");
    for (String g : List.of("A", "B")) {
      for (String s : List.of("F", "M")) {
        expected.add(g + "|" + s);
      }
    }
    for (String leaf : TablesTestData.REGIONS) {
      expected.add(leaf + "|Total");
    }
    assertEquals(Set.copyOf(expected), cells.keySet());
    assertEquals(expected.size(), cells.size());
    for (Map.Entry<String, String[]> e : cells.entrySet()) {
      String[] nodes = e.getKey().split("\\|");
      long truth = TablesRunTest.count(recs, nodes[0], nodes[1], r -> true);
      if (!e.getValue()[0].isEmpty()) {
        assertEquals(Long.toString(truth), e.getValue()[0], e.getKey());
      }
      boolean small = truth > 0 && truth < 5;
      assertEquals(small, e.getValue()[1].equals("primary"), e.getKey() + " " + e.getValue()[1]);
    }
    // the independent audit, read back from the files: the unpublished cells are its unknowns
    assertTrue(org.ctdc.deid.table.internal.ReleaseAudit.auditOrFail(List.<Path[]>of(new Path[] {
        out.resolve("partial.csv"), out.resolve("partial.table.json")}), 1).passed());
    assertFalse(o.reports().isEmpty());
  }

  @Test
  void issue15_aPrimaryOfAPartialTableIsProtectedAmongThePublishedCells() {
    // only region × Total is published: A1 (2) is primary; the sex cells are unpublished unknowns, so the
    // protection must come from a second suppressed region leaf
    Dimension region = Dimension.flat("region", "Total", List.of("A1", "A2", "B1"));
    Dimension sex = Dimension.flat("sex", "Total", List.of("F", "M"));
    TableDefinition def = TableDefinition.of("t", List.of(region, sex)).withPublished(List.of(
        new TableDefinition.CrossCells(Map.of("sex", Set.of("Total")))));
    Table t = Table.ofCounts(def, new long[] {1, 1, 20, 30, 40, 50});
    TableProtection p = TableProtector.of(SuppressionRules.ctdcDefaults().withThreshold(5,
        SuppressionRules.ThresholdBound.LESS_THAN)).suppress(t);
    ProtectedTable pt = p.tables().get(0);
    assertEquals(4, pt.cells().size());
    assertEquals(CellStatus.PRIMARY, pt.cell("A1", "Total").status());
    assertNotEquals(CellStatus.PUBLISHABLE, pt.cell("A2", "Total").status());
    assertThrows(TableException.class, () -> pt.cell("A1", "F"));
    assertEquals(0, p.reports().get(0).primaries().stream().filter(c -> c.upper() - c.lower() < 1).count());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "publish: [{region: [A], colour: leaves}]|t.yaml: tables[0].publish[0]: unknown key 'colour' (known: region, sex)",
      "publish: [{region: [A, Z]}]|t.yaml: tables[0].publish[0].region: dimension 'region' has no node 'Z'",
      "publish: [{region: some}]|t.yaml: tables[0].publish[0].region: must be all, leaves, margins, total or a list of node names",
      "publish: [{region: []}]|t.yaml: tables[0].publish[0].region: the list of nodes is empty",
      "publish: []|t.yaml: tables[0].publish: must be a non-empty list of cross-cell patterns",
      "publish: {region: leaves}|t.yaml: tables[0].publish: must be a non-empty list of cross-cell patterns",
      "publish: [leaves]|t.yaml: tables[0].publish[0]: the value must be a mapping",
      "publish: [{region: {A: 1}}]|t.yaml: tables[0].publish[0].region: must be all, leaves, margins, total or a list of node names"})
  void issue15_publishIsReadStrictly(String c) {
    String[] kv = c.split("\\|");
    String yaml = config("  - name: t\n    dimensions: [region, sex]\n    " + kv[0] + "\n");
    TableException e = assertThrows(TableException.class, () -> TablesConfig.parse(yaml, "t.yaml", dir));
    assertEquals(kv[1], e.getMessage());
  }

  @Test
  void issue15_theDefinitionRejectsPatternsOnUnknownDimensionsOrNodes() {
    TableDefinition def = TableDefinition.of("t", List.of(Dimension.flat("sex", "Total", List.of("F", "M"))));
    assertEquals("table 't': publish[0]: the table has no dimension 'age'", assertThrows(TableException.class,
        () -> def.withPublished(List.of(new TableDefinition.CrossCells(Map.of("age", Set.of("Total")))))).getMessage());
    assertEquals("table 't': publish[0]: dimension 'sex' has no node 'X'", assertThrows(TableException.class,
        () -> def.withPublished(List.of(new TableDefinition.CrossCells(Map.of("sex", Set.of("X")))))).getMessage());
    TableDefinition part = def.withPublished(List.of(new TableDefinition.CrossCells(Map.of("sex", Set.of("F")))));
    assertTrue(part.isPublishedCell(List.of("F")));
    assertFalse(part.isPublishedCell(List.of("M")));
    assertFalse(part.isPublishedCell(List.of("Total")));
    assertTrue(def.isPublishedCell(List.of("Total")));
  }
}
