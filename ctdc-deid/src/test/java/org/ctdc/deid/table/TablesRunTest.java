package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole tables job through {@link TablesRun}: magnitude rules, rounding, cell keys, determinism. */
class TablesRunTest {
  @TempDir Path dir;

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= 8; i++) {
      s.add(i * 6151);
    }
    return s;
  }

  private int runs;

  /** Runs a configuration on records; returns every output file's bytes by file name. */
  private Map<String, byte[]> run(String yaml, List<Rec> recs) throws IOException {
    Path out = dir.resolve("out" + runs);
    Path levels = dir.resolve("levels" + runs++);
    TablesConfig cfg = TablesConfig.parse(yaml, "test.yaml", dir);
    TablesRun.Outcome o = TablesRun.builder(cfg, out).levelsDirectory(levels).build().run(TablesTestData.dataset(recs));
    Map<String, byte[]> files = new TreeMap<>();
    for (Path folder : List.of(out, levels)) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> s = Files.list(folder)) {
        for (Path p : s.toList()) {
          files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
      }
    }
    assertEquals(files.size(), o.files().size(), "every file written is reported");
    return files;
  }

  /** The cells of a long-format CSV: nodes joined with '|' -> {value or "", status}. */
  static Map<String, String[]> cells(byte[] csv) {
    Map<String, String[]> m = new LinkedHashMap<>();
    String[] lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      m.put(String.join("|", java.util.Arrays.copyOf(f, f.length - 2)), new String[] {f[f.length - 2], f[f.length - 1]});
    }
    return m;
  }

  /** True count of a region x sex cell (nodes may be margins), from the records directly. */
  static long count(List<Rec> recs, String region, String sex, Predicate<Rec> filter) {
    return recs.stream().filter(r -> r.region() != null && r.sex() != null && filter.test(r))
        .filter(r -> under(region, r.region()) && (sex.equals("Total") || sex.equals(r.sex()))).count();
  }

  static boolean under(String node, String leaf) {
    return node.equals("Total") || node.equals(leaf) || leaf.startsWith(node);
  }

  static String config(String method, String extra, String tables) {
    return "tablesConfig: 1\nschema: tables-test\nmethod: " + method + "\n" + extra + "\n"
        + "output:\n  suppressedLabel: \"<5\"\n  hxl:\n    region: \"#region\"\n    sex: \"#affected+sex\"\n"
        + TablesTestData.DIMENSIONS + "tables:\n" + tables;
  }

  static final String REGION_SEX = "  - name: rs\n    dimensions: [region, sex]\n";

  // ---- 1. magnitude tables through the run ----

  @Test
  void magnitudeConfigAppliesDominancePPercentAndFewContributorsAndPassesTheAudit() throws IOException {
    List<Rec> recs = new ArrayList<>();
    // A1: 90 of 100 from one contributor -> (1,80)-dominance
    for (int a : new int[] {90, 4, 3, 3}) {
      recs.add(new Rec("A1", "F", a, 0, 0, 0, "1"));
    }
    // A2: 40, 30, 30 -> safe under every rule (p%: 30 >= 10 % of 40)
    for (int a : new int[] {40, 30, 30}) {
      recs.add(new Rec("A2", "F", a, 0, 0, 0, "1"));
    }
    // B1: 100, 50, 4 -> p%-rule: remainder 4 < 10 % of 100
    for (int a : new int[] {100, 50, 4}) {
      recs.add(new Rec("B1", "F", a, 0, 0, 0, "1"));
    }
    // B2: two contributors of equal size -> few contributors (< 3); not dominated by one (50 %)
    for (int a : new int[] {60, 60}) {
      recs.add(new Rec("B2", "F", a, 0, 0, 0, "1"));
    }
    // a record without amount is left out of the magnitude table
    recs.add(new Rec("B2", "F", null, 0, 0, 0, "1"));
    String yaml = config("suppression", """
        rules:
          threshold: 0
          dominance: {n: 1, k: 80}
          pPercent: 10
          minContributors: 3
        """, "  - name: earnings\n    dimensions: [region]\n    magnitude: amount\n");
    Map<String, byte[]> f = run(yaml, recs);
    Map<String, String[]> c = cells(f.get("earnings.csv"));
    assertEquals("primary", c.get("A1")[1]);
    assertTrue(c.get("A2")[1].equals("publishable") || c.get("A2")[1].equals("secondary"));
    assertTrue(c.get("A2")[0].isEmpty() || c.get("A2")[0].equals("100"));
    assertEquals("primary", c.get("B1")[1]);
    assertEquals("primary", c.get("B2")[1]);
    for (String[] v : c.values()) {
      assertEquals(v[1].equals("primary") || v[1].equals("secondary"), v[0].isEmpty());
    }
    // A1 is the only primary under A: A2 or A must be suppressed too, or A - A2 gives A1.
    assertTrue(c.get("A2")[1].equals("secondary") || c.get("A")[1].equals("secondary"));
    String report = new String(f.get("tables-report.txt"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(report.contains("primary A1 ((1,80)-dominance)"), report);
    assertTrue(report.contains("primary B1 (10%-rule)"), report);
    assertTrue(report.contains("primary B2 (few contributors: fewer than 3)"), report);
    assertTrue(report.contains("rule: (1,80)-dominance") && report.contains("rule: p%-rule with p = 10"), report);
  }

  // ---- 2a. rounding ----

  @ParameterizedTest
  @MethodSource("seeds")
  void roundToBasePublishesOnlyMultiplesAndEveryTotalLiesInItsDocumentedInterval(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<Rec> recs = TablesTestData.random(r, 25);
    int base = new int[] {3, 5, 10}[r.nextInt(3)];
    Map<String, byte[]> f = run(config("round-to-base", "base: " + base, REGION_SEX), recs);
    Map<String, String[]> c = cells(f.get("rs.csv"));
    assertEquals(7 * 3, c.size());
    Dimension region = Dimension.hierarchical("region", "Total",
        Map.of("Total", List.of("A", "B"), "A", List.of("A1", "A2"), "B", List.of("B1", "B2")));
    for (Map.Entry<String, String[]> e : c.entrySet()) {
      String[] nodes = e.getKey().split("\\|");
      long published = Long.parseLong(e.getValue()[0]);
      assertEquals(0, published % base, "only multiples of the base: " + e.getKey());
      long truth = count(recs, nodes[0], nodes[1], x -> true);
      assertEquals(Rounding.toBase(truth, base), published);
      assertTrue(Rounding.cellIntervalFromBase(published, base).contains(truth));
      // a total's attacker interval from the published inner cells under it, as Rounding documents it
      List<Long> inner = new ArrayList<>();
      for (String rl : region.leaves()) {
        for (String sl : TablesTestData.SEXES) {
          if (under(nodes[0], rl) && (nodes[1].equals("Total") || nodes[1].equals(sl))) {
            inner.add(Long.parseLong(c.get(rl + "|" + sl)[0]));
          }
        }
      }
      Rounding.Interval fromCells = Rounding.totalIntervalFromBase(inner.stream().mapToLong(Long::longValue).toArray(),
          base);
      assertTrue(fromCells.contains(truth), e.getKey());
      assertTrue(fromCells.width() <= (long) inner.size() * (base - 1));
      assertTrue(fromCells.intersect(Rounding.cellIntervalFromBase(published, base)).contains(truth));
      assertEquals(published == 0 ? "empty" : "publishable", e.getValue()[1]);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void roundDownNeverShowsACellBelowTheResolutionInAnyFile(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<Rec> recs = TablesTestData.random(r, 30);
    int res = new int[] {5, 10}[r.nextInt(2)];
    Map<String, byte[]> f = run(config("round-down", "resolution: " + res, REGION_SEX), recs);
    Map<String, String[]> c = cells(f.get("rs.csv"));
    String json = new String(f.get("rs.json"), java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String[]> hxl = cells(f.get("rs.hxl.csv"));
    com.fasterxml.jackson.databind.JsonNode cellsJson = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json).get("cells");
    int i = 0;
    for (Map.Entry<String, String[]> e : c.entrySet()) {
      String[] nodes = e.getKey().split("\\|");
      long truth = count(recs, nodes[0], nodes[1], x -> true);
      com.fasterxml.jackson.databind.JsonNode j = cellsJson.get(i++);
      assertEquals(nodes[0], j.get("region").asText());
      if (truth < res) {
        assertEquals("", e.getValue()[0], "hidden cell has no value: " + e.getKey());
        assertEquals("primary", e.getValue()[1]);
        assertTrue(j.get("value").isNull());
        assertEquals("<5", j.get("display").asText(), "the label never depends on the value");
        assertEquals("<5", hxl.get(e.getKey())[0]);
      } else {
        long shown = Long.parseLong(e.getValue()[0]);
        assertEquals(truth / res * res, shown);
        assertTrue(shown >= res && shown % res == 0);
        assertEquals(shown, j.get("value").asLong());
        assertEquals(Long.toString(shown), hxl.get(e.getKey())[0]);
      }
    }
    assertEquals(c.size(), cellsJson.size());
    // the inner cells' resolution intervals contain every true total (docs/table-perturbation.md)
    for (String sex : List.of("F", "M", "Total")) {
      List<OptionalLong> inner = new ArrayList<>();
      for (String rl : TablesTestData.REGIONS) {
        for (String sl : TablesTestData.SEXES) {
          if (sex.equals("Total") || sex.equals(sl)) {
            String v = c.get(rl + "|" + sl)[0];
            inner.add(v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v)));
          }
        }
      }
      assertTrue(Rounding.totalIntervalFromResolution(inner.toArray(OptionalLong[]::new), res)
          .contains(count(recs, "Total", sex, x -> true)));
    }
  }

  // ---- 2b. cell keys ----

  @ParameterizedTest
  @MethodSource("seeds")
  void cellKeyResultsDoNotDependOnRowOrderZerosStayZeroAndNoCountInOneToJsIsPublished(long seed)
      throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<Rec> recs = TablesTestData.random(r, 20);
    String yaml = config("cell-key", "recordKey: rkey", REGION_SEX
        + "  - name: r\n    dimensions: [region]\n  - name: grp\n    dimensions: [sex]\n    flagGroup: [fl1, fl2]\n");
    Map<String, byte[]> first = run(yaml, recs);
    Map<String, byte[]> shuffled = run(yaml, TablesTestData.shuffled(recs, seed));
    assertEquals(first.keySet(), shuffled.keySet());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), shuffled.get(name), "identical for the records in any order: " + name);
    }
    long js = PerturbationTable.standard().js();
    Map<String, String[]> c = cells(first.get("rs.csv"));
    for (Map.Entry<String, String[]> e : c.entrySet()) {
      String[] nodes = e.getKey().split("\\|");
      long truth = count(recs, nodes[0], nodes[1], x -> true);
      long published = Long.parseLong(e.getValue()[0]);
      if (truth == 0) {
        assertEquals(0, published, "zeros stay zero: " + e.getKey());
      }
      assertFalse(published >= 1 && published <= js, e.getKey() + " published in 1..js");
    }
    // the same records give the same noise in every table: the region totals of rs and r agree
    Map<String, String[]> byRegion = cells(first.get("r.csv"));
    for (String node : List.of("Total", "A", "B", "A1", "A2", "B1", "B2")) {
      assertEquals(byRegion.get(node)[0], c.get(node + "|Total")[0], node);
    }
    for (String name : List.of("grp.fl1.csv", "grp.fl2.csv")) {
      for (String[] v : cells(first.get(name)).values()) {
        long p = Long.parseLong(v[0]);
        assertFalse(p >= 1 && p <= js, name);
      }
    }
    String report = new String(first.get("tables-report.txt"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(report.contains("keys stored with the records"), report);
  }

  @Test
  void cellKeySeedIsNeverWrittenToTheReport() throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(3), 10);
    Map<String, byte[]> f = run(config("cell-key", "cellKeySeed: 987654321", REGION_SEX), recs);
    for (Map.Entry<String, byte[]> e : f.entrySet()) {
      assertFalse(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8).contains("987654321"), e.getKey());
    }
  }

  @Test
  void aBadStoredRecordKeyIsAnErrorNamingVariableAndRowButNotTheKey() {
    List<Rec> recs = new ArrayList<>(TablesTestData.random(new SplittableRandom(5), 5));
    recs.add(new Rec("A1", "F", 1, 0, 0, 0, "4294967296"));
    TableException e = assertThrows(TableException.class, () -> run(config("cell-key", "recordKey: rkey", REGION_SEX), recs));
    assertTrue(e.getMessage().contains("'rkey'") && e.getMessage().contains("data row " + recs.size()), e.getMessage());
    assertFalse(e.getMessage().contains("4294967296"), e.getMessage());
    recs.set(recs.size() - 1, new Rec("A1", "F", 1, 0, 0, 0, null));
    e = assertThrows(TableException.class, () -> run(config("cell-key", "recordKey: rkey", REGION_SEX), recs));
    assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    e = assertThrows(TableException.class, () -> run(config("cell-key", "recordKey: amount", REGION_SEX), recs));
    assertTrue(e.getMessage().contains("'amount'") && e.getMessage().contains("identifier"), e.getMessage());
  }

  // ---- 3. determinism of the whole run ----

  static final String ALL_TABLES = REGION_SEX
      + "  - name: r_only_a\n    dimensions: [region, sex]\n    margins: {region: [Total, A]}\n"
      + "  - name: by_region\n    dimensions: [region]\n"
      + "  - name: grp\n    dimensions: [region]\n    flagGroup: [fl1, fl2, fl3]\n"
      + "  - name: earnings\n    dimensions: [sex]\n    magnitude: amount\n";

  @ParameterizedTest
  @MethodSource("seeds")
  void suppressionRunIsByteIdenticalTwiceAndForShuffledRows(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<Rec> recs = TablesTestData.random(r, 40);
    String yaml = config("suppression", "rules:\n  threshold: " + (3 + r.nextInt(8)) + "\n  pPercent: 5\n", ALL_TABLES);
    Map<String, byte[]> a = run(yaml, recs);
    Map<String, byte[]> b = run(yaml, recs);
    Map<String, byte[]> c = run(yaml, TablesTestData.shuffled(recs, seed + 1));
    assertTrue(a.containsKey("tables-report.txt") && a.containsKey("grp.fl3.csv") && a.containsKey("earnings.csv"));
    assertEquals(a.keySet(), b.keySet());
    assertEquals(a.keySet(), c.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name), b.get(name), "run twice: " + name);
      assertArrayEquals(a.get(name), c.get(name), "rows shuffled: " + name);
    }
  }

  @Test
  void aRunThatCannotWriteALaterTableLeavesNoFileOfItsOwnBehind() throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(23), 40);
    String yaml = config("suppression", "rules:\n  threshold: 5\n", ALL_TABLES);
    Path out = dir.resolve("blocked");
    Files.createDirectories(out);
    // a folder where the last table's file should go: every earlier table is written before the failure
    Files.createDirectories(out.resolve("earnings.csv"));
    TablesConfig cfg = TablesConfig.parse(yaml, "test.yaml", dir);
    assertThrows(org.ctdc.schema.CtdcException.class,
        () -> TablesRun.of(cfg, out).run(TablesTestData.dataset(recs)));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("earnings.csv"), s.map(p -> p.getFileName().toString()).sorted().toList(),
          "only the blocking folder is left");
    }
  }

  @Test
  void cellKeyRunWithoutStoredKeysIsByteIdenticalWhenRunTwice() throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(17), 30);
    String yaml = config("cell-key", "cellKeySeed: 5", ALL_TABLES.replace(
        "  - name: earnings\n    dimensions: [sex]\n    magnitude: amount\n", ""));
    Map<String, byte[]> a = run(yaml, recs);
    Map<String, byte[]> b = run(yaml, recs);
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name), b.get(name), name);
    }
    assertTrue(new String(a.get("tables-report.txt"), java.nio.charset.StandardCharsets.UTF_8)
        .contains("the noise depends on the order of the rows"));
  }

  @Test
  void rowsLeftOutAreReportedInConfigurationOrder() {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(8), 10);
    TablesConfig cfg = TablesConfig.parse(config("round-to-base", "", ALL_TABLES), "t.yaml", dir);
    TablesRun.Outcome o = TablesRun.of(cfg, dir.resolve("o")).run(TablesTestData.dataset(recs));
    assertEquals(List.of("rs", "r_only_a", "by_region", "grp.fl1", "grp.fl2", "grp.fl3", "earnings"),
        List.copyOf(o.rowsLeftOut().keySet()));
    assertEquals(1, o.rowsLeftOut().get("rs"));
  }
}
