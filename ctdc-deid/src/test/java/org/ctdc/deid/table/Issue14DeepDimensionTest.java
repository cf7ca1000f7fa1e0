package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code tables} with a 10,000-level dimension hierarchy ended in a {@code StackOverflowError}. A
 * dimension now has at most {@link Dimension#MAX_DEPTH} levels below its total, checked when it is built
 * (so when the configuration is read), and a dimension of the most levels runs the whole job.
 */
class Issue14DeepDimensionTest {
  @TempDir Path dir;

  /** A tables configuration whose region dimension is a chain of {@code depth - 1} margins above A1..B2. */
  private static String config(int depth) {
    StringBuilder h = new StringBuilder("dimensions:\n  - name: region\n    hierarchy:\n      Total: [L1]\n");
    for (int i = 1; i < depth - 1; i++) {
      h.append("      L").append(i).append(": [L").append(i + 1).append("]\n");
    }
    h.append("      L").append(depth - 1).append(": [A1, A2, B1, B2]\n");
    h.append("  - name: sex\n    leaves: [F, M]\n");
    return "tablesConfig: 1\nschema: tables-test\nmethod: suppression\n" + h
        + "tables:\n  - name: rs\n    dimensions: [region, sex]\n";
  }

  @Test
  void issue14_aTenThousandLevelDimensionIsAClearErrorWhenTheConfigurationIsRead() throws IOException {
    Path f = dir.resolve("tables.yaml");
    Files.writeString(f, config(10_000));
    TableException e = assertThrows(TableException.class, () -> TablesConfig.read(f));
    assertEquals(f + ": dimension 'region': the hierarchy is more than 64 levels deep below its total (limit)",
        e.getMessage());
  }

  @Test
  void issue14_aDimensionOfTheMostLevelsRunsTheWholeJob() throws IOException {
    TablesConfig cfg = TablesConfig.parse(config(Dimension.MAX_DEPTH), "tables.yaml", dir);
    Dimension region = cfg.dimensions().get("region");
    assertEquals(List.of("A1", "A2", "B1", "B2"), region.leaves());
    assertEquals(Dimension.MAX_DEPTH + 4, region.nodes().size());
    List<Rec> recs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recs.add(new Rec(TablesTestData.REGIONS.get(i % 4), i % 3 == 0 ? "F" : "M", null, 0, 0, 0, "k" + i));
    }
    recs.add(new Rec("A1", "F", null, 0, 0, 0, "small"));
    TablesRun.Outcome o = TablesRun.of(cfg, dir.resolve("out")).run(TablesTestData.dataset(recs));
    assertTrue(Files.readString(dir.resolve("out/rs.csv")).contains("L63,"), "every margin is written");
    assertEquals(1, o.files().stream().filter(p -> p.getFileName().toString().equals("rs.csv")).count());
  }

  @Test
  void issue14_aDeepDimensionBuiltInMemoryIsRefusedBeforeAnyWalk() {
    java.util.Map<String, List<String>> h = new java.util.LinkedHashMap<>();
    h.put("Total", List.of("n1"));
    for (int i = 1; i < 10_000; i++) {
      h.put("n" + i, List.of("n" + (i + 1)));
    }
    TableException e = assertThrows(TableException.class, () -> Dimension.hierarchical("d", "Total", h));
    assertEquals("dimension 'd': the hierarchy is more than 64 levels deep below its total (limit)", e.getMessage());
  }

  @Test
  void issue14_aNodeOrLeafGivenToATableIsNeverQuoted() {
    TableDefinition def = TableDefinition.of("t", List.of(Dimension.flat("sex", "Total", List.of("F", "M"))));
    Table t = Table.ofCounts(def, new long[] {1, 2});
    String canary = "Jane Roe\u001b[2J";
    TableException e = assertThrows(TableException.class, () -> t.value(canary));
    assertEquals("table 't': dimension 'sex' has no such node (nodes given are not quoted)", e.getMessage());
    TableException leaf = assertThrows(TableException.class, () -> Table.builder(def, Table.Kind.COUNT).add(1, canary));
    assertEquals("table 't': dimension 'sex' has no such leaf (leaves given are not quoted)", leaf.getMessage());
  }
}
