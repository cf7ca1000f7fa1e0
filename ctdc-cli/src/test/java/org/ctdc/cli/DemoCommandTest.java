package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctdc demo} end to end through {@link Main#run} at a small size. */
class DemoCommandTest {

  @TempDir static Path dir;
  static Path out;
  static CliTest.Run run;

  @BeforeAll
  static void runDemo() {
    out = dir.resolve("demo-out");
    run = CliTest.run("demo", "--rows", "600", "--out", out.toString());
  }

  @Test
  void demoSucceedsAndPrintsTheSummary() {
    assertEquals(0, run.code(), run.out() + run.err());
    for (String s : List.of("sample-hotline", "sample-case-management", "generalisation:", "suppressed", "risk before",
        "risk after", "independent verification: passed", "audit: passed", "Synthetic 2024 layout", "report.html")) {
      assertTrue(run.out().contains(s), s + " missing from\n" + run.out());
    }
    assertEquals("", run.err(), "no progress bar or message on a non-terminal stderr");
  }

  @Test
  void everyPromisedFileExists() throws Exception {
    for (String f : DemoPipeline.promisedFiles()) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    for (String t : List.of("citizenship-region-by-period-by-gender", "exploitation-type-by-region.isForcedLabour",
        "exploitation-type-by-region.isSexualExploit", "exploitation-type-by-region.isOtherExploit")) {
      assertTrue(Files.isRegularFile(out.resolve("tables/" + t + ".csv")), t);
      assertTrue(Files.isRegularFile(out.resolve("tables/" + t + ".table.json")), t);
    }
    try (var files = Files.walk(out)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("partial")
          || p.getFileName().toString().startsWith(".staging")), "no temporary file is left");
    }
  }

  @Test
  void theReleasePassesCtdcVerify() {
    CliTest.Run v = CliTest.run("verify", "--spec", out.resolve("release/verify.yaml").toString(), "--in",
        out.resolve("release/release.csv").toString());
    assertEquals(0, v.code(), v.out() + v.err());
    assertTrue(v.out().startsWith("PASSED"), v.out());
  }

  @Test
  void ctdcDeidRepeatsTheDemosDeidentification() throws Exception {
    Path again = dir.resolve("deid-again.csv");
    CliTest.Run d = CliTest.run("deid", "--config", out.resolve("release/deid.yaml").toString(), "--in",
        out.resolve("aligned/merged.csv").toString(), "--out", again.toString());
    assertEquals(0, d.code(), d.out() + d.err());
    assertEquals(Files.readString(out.resolve("release/release.csv")), Files.readString(again));
  }

  @Test
  void theTablesPassCtdcAudit() {
    Path t = out.resolve("tables");
    CliTest.Run first = CliTest.run("audit", "--table", t.resolve("citizenship-region-by-period-by-gender.csv").toString(),
        "--definition", t.resolve("citizenship-region-by-period-by-gender.table.json").toString());
    assertEquals(0, first.code(), first.out() + first.err());
    List<String> args = new ArrayList<>(List.of("audit", "-q"));
    for (String f : List.of("isForcedLabour", "isSexualExploit", "isOtherExploit")) {
      args.addAll(List.of("--table", t.resolve("exploitation-type-by-region." + f + ".csv").toString(), "--definition",
          t.resolve("exploitation-type-by-region." + f + ".table.json").toString()));
    }
    CliTest.Run group = CliTest.run(args.toArray(String[]::new));
    assertEquals(0, group.code(), group.out() + group.err());
    assertTrue(first.out().contains("PASSED"), first.out());
  }

  @Test
  void reportsAreVersionedAndHoldNoSmallCount() throws Exception {
    ObjectMapper m = new ObjectMapper();
    for (String f : List.of("alignment-report.json", "deid-report.json", "tables-report.json")) {
      JsonNode n = m.readTree(out.resolve(f).toFile());
      assertEquals(1, n.path("reportFormat").asInt(), f);
    }
    JsonNode deid = m.readTree(out.resolve("deid-report.json").toFile());
    assertTrue(deid.path("verification").path("passed").asBoolean());
    assertEquals(11, deid.path("parameters").path("k").asInt());
    for (String when : List.of("before", "after")) {
      for (JsonNode b : deid.path("classSizes").path(when)) {
        JsonNode r = b.path("records");
        assertTrue(r.isTextual() ? r.asText().equals("<11") : r.asLong() == 0 || r.asLong() >= 11, b.toString());
      }
    }
    for (JsonNode d : deid.path("distributions")) {
      for (JsonNode c : d.path("categories")) {
        for (String k : List.of("before", "after")) {
          JsonNode v = c.path(k);
          assertTrue(v.isTextual() ? v.asText().equals("<11") : v.asLong() == 0 || v.asLong() >= 11, c.toString());
        }
      }
    }
    JsonNode tables = m.readTree(out.resolve("tables-report.json").toFile());
    assertTrue(tables.path("audit").path("passed").asBoolean());
    assertEquals(4, tables.path("tables").size());
    JsonNode first = tables.path("tables").get(0).path("cellsByStatus");
    assertTrue(first.path("primary").asInt() > 0 && first.path("secondary").asInt() > 0,
        "at 600 rows the first table has small cells, protected by secondary suppression: " + first);
    assertEquals(first.path("primary").asInt() + first.path("secondary").asInt(),
        tables.path("tables").get(0).path("cells").asInt() - first.path("publishable").asInt()
            - first.path("empty").asInt() - first.path("forced-publish").asInt());
  }

  @Test
  void noFreeTextOrIdentifierOfTheExtractsReachesAReport() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("extracts/case-management.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    Set<String> secrets = new TreeSet<>();
    for (String line : lines.subList(1, Math.min(lines.size(), 80))) {
      String[] f = line.split(",");
      for (int i = 0; i < Math.min(f.length, header.size()); i++) {
        String h = header.get(i).toLowerCase(java.util.Locale.ROOT);
        if ((h.contains("name") || h.contains("address") || h.contains("id")) && f[i].length() > 5) {
          secrets.add(f[i].replace("\"", ""));
        }
      }
    }
    assertFalse(secrets.isEmpty(), "the extract has identifying columns to look for: " + header);
    for (String f : List.of("report.html", "alignment-report.json", "deid-report.json", "tables-report.json",
        "release/release.csv", "synthetic/synthetic-2024.csv")) {
      String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
      for (String s : secrets) {
        assertFalse(text.contains(s), f + " holds a value of the extract's identifying columns");
      }
    }
    assertFalse(run.out().contains(secrets.iterator().next()));
  }

  @Test
  void reportHtmlIsSelfContained() throws Exception {
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("<svg"), "inline SVG charts");
    assertTrue(html.contains("Records by equivalence-class size") && html.contains("Table cells by status"));
    for (String external : List.of("<script", "<link", "@import", "src=\"http", "href=\"http", "url(http")) {
      assertFalse(html.contains(external), external);
    }
  }

  @Test
  void issue17_quietPrintsOneLineAndTheSameRunWritesTheSameBytesInEveryFile(@TempDir Path other) throws Exception {
    CliTest.Run q = CliTest.run("demo", "--quiet", "--rows", "600", "--out", other.resolve("q").toString());
    assertEquals(0, q.code(), q.err());
    assertEquals(1, q.out().lines().count(), q.out());
    TreeMap<String, byte[]> first = files(out);
    TreeMap<String, byte[]> second = files(other.resolve("q"));
    assertEquals(first.keySet(), second.keySet());
    assertTrue(first.containsKey("synthetic/synthetic-2024.csv") && first.containsKey("synth-report.json"));
    for (String f : first.keySet()) {
      assertTrue(Arrays.equals(first.get(f), second.get(f)), f + " differs between two runs");
    }
  }

  @Test
  void issue17_theSummaryStatesTheModeTheBudgetAndTheSeed() {
    assertEquals(0, run.code(), run.out() + run.err());
    String line = run.out().lines().filter(l -> l.startsWith("== Synthetic 2024 layout")).findFirst().orElseThrow();
    assertTrue(line.contains("mode dp, epsilon 4.0, delta "), line);
    assertTrue(line.contains("seed " + DemoPipeline.SEED + ": reproducible, not for publication"), line);
    assertTrue(run.out().contains("length 3: "), "the evaluation by length is summarised");
  }

  @Test
  void issue17_theSyntheticDatasetHoldsOnlyCodesOfThe2024ValueSets() {
    Path file = out.resolve("synthetic/synthetic-2024.csv");
    assertTrue(Files.isRegularFile(file), "synthetic/synthetic-2024.csv is written");
    Schema.Builder b = Schemas.resolve("ctdc-global-synthetic@2024").toBuilder();
    for (Variable v : Schemas.resolve("ctdc-global-synthetic@2024").variables()) {
      if (!DemoPipeline.SYNTH_COLUMNS.contains(v.name())) {
        b.remove(v.name());
      }
    }
    DatasetCsv.ReadResult read = DatasetCsv.read(file, b.build(), new DatasetCsv.CsvOptions(100, true));
    assertTrue(read.report().isValid(), "every value is a code of the 2024 value sets: " + read.report().summary());
    assertTrue(read.dataset().rowCount() > 0);
  }

  @Test
  void issue17_theAggregatesTheEvaluationAndTheBudgetAreWrittenAndTheKAnonymousReleaseStays() throws Exception {
    for (String f : List.of("synthetic/aggregates.csv", "synthetic/aggregates-metadata.json", "synthetic/synth.yaml",
        "synth-report.json", "release/release.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(Files.readString(out.resolve("synthetic/aggregates.csv")).startsWith("length,combination,count\n"));
    JsonNode rep = new ObjectMapper().readTree(out.resolve("synth-report.json").toFile());
    assertEquals("dp", rep.path("accounting").path("mode").asText());
    assertEquals(DemoPipeline.SYNTH_EPSILON, rep.path("accounting").path("budget").path("epsilon").asDouble());
    assertEquals(DemoPipeline.SEED, rep.path("accounting").path("seed").asLong(), "the seed is said in the report");
    assertEquals(DemoPipeline.SYNTH_REPORTING_LENGTH, rep.path("evaluation").path("byLength").size());
    assertTrue(rep.path("evaluation").path("byBucket").size() > 0);
    assertTrue(Files.readString(out.resolve("synthetic/aggregates-metadata.json")).contains("\"seed\""));
    assertTrue(Files.readString(out.resolve("synthetic/synth.yaml")).contains("seed: " + DemoPipeline.SEED));
    assertFalse(Files.exists(out.resolve("release/release-synthetic-2024.csv")), "the conversion is replaced");
  }

  @Test
  void issue17_theReportChartsTheSynthesisBesideTheKAnonymousRelease() throws Exception {
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    for (String s : List.of("publishing by synthesis", "The two ways of publishing side by side",
        "k-anonymous release", "The privacy budget", "Budget epsilon and its split", "Noise per combination length",
        "Combinations preserved by length", "Fabricated and suppressed combinations by length",
        "Preservation by count bucket", "Seeded with " + DemoPipeline.SEED)) {
      assertTrue(html.contains(s), s);
    }
    int synth = html.indexOf("publishing by synthesis");
    assertTrue(html.indexOf("<svg", synth) > synth, "the synthesis is charted in inline SVG");
    for (String external : List.of("<script", "<link", "@import", "src=\"http", "href=\"http", "url(http")) {
      assertFalse(html.contains(external), external);
    }
  }

  @Test
  void issue18_theSummaryAndTheReportStateTheOverlapFoundAgainstTheTruth() throws Exception {
    assertTrue(run.out().contains("== Overlap"), run.out());
    assertTrue(run.out().contains("precision ") && run.out().contains("recall ") && run.out().contains("F1 "), run.out());
    JsonNode q = new ObjectMapper().readTree(out.resolve("link-report.json").toFile()).path("quality");
    // a lower bound at this small size (measured: precision 1.000, recall 0.944 at 600 rows)
    assertTrue(q.path("precision").asDouble() >= 0.9, q.toString());
    assertTrue(q.path("recall").asDouble() >= 0.85, q.toString());
    assertTrue(q.path("pairCompleteness").asDouble() >= 0.95, q.toString());
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    for (String s : List.of("Overlap between the partners", "precision / recall / F1", "Overlap found against the truth",
        "Similarity of the compared pairs", "aligned rows -&gt; merged rows")) {
      assertTrue(html.contains(s), s);
    }
  }

  @Test
  void issue18_theMergedCountIsTheAlignedRowsMinusTheMatchedPairs() throws Exception {
    long aligned = dataLines("aligned/hotline.csv") + dataLines("aligned/case-management.csv");
    JsonNode link = new ObjectMapper().readTree(out.resolve("link-report.json").toFile());
    long pairs = link.path("quality").path("pairsFound").asLong();
    assertTrue(pairs > 10, "the demo finds an overlap: " + link.path("quality"));
    assertEquals(aligned - pairs, dataLines("aligned/merged.csv"));
    assertEquals(aligned, link.path("merge").path("alignedRows").asLong());
    assertEquals(aligned - pairs, link.path("merge").path("mergedRows").asLong());
    JsonNode deid = new ObjectMapper().readTree(out.resolve("deid-report.json").toFile());
    assertEquals(aligned - pairs, deid.path("result").path("inputRecords").asLong(), "de-identified once per person");
  }

  @Test
  void issue18_noNameRecordIdOrKeyReachesAnyOutputButTheExtracts() throws Exception {
    Set<String> secrets = new TreeSet<>();
    for (String extract : List.of("extracts/hotline.csv", "extracts/case-management.csv")) {
      List<Map<String, String>> rows = DemoPipeline.readCsv(Files.readString(out.resolve(extract)));
      for (Map<String, String> r : rows.subList(0, Math.min(rows.size(), 150))) {
        for (String c : List.of("CaseID", "CaseNo", "CallerGivenName", "CallerFamilyName", "FirstName", "LastName",
            "CallerDateOfBirth", "RecordedDateOfBirth")) {
          String v = r.getOrDefault(c, "");
          if (v.length() >= 5) {
            secrets.add(v);
          }
        }
      }
    }
    assertTrue(secrets.size() > 100, "names, dates and ids to look for");
    String key = new String(DemoLinking.demoKey());
    TreeMap<String, byte[]> all = files(out);
    // the portal's pages print the codebooks of the released schemas (issue 20): their labels are public text
    String codebooks = Files.readString(out.resolve("release/release-schema.yaml"))
        + CliTest.run("schema", "show", "ctdc-global-synthetic@2024").out();
    for (Map.Entry<String, byte[]> f : all.entrySet()) {
      String text = new String(f.getValue(), StandardCharsets.UTF_8);
      assertFalse(text.contains(key), f.getKey() + " holds the demo key");
      if (f.getKey().startsWith("extracts")) {
        continue;
      }
      for (String s : secrets) {
        if (f.getKey().startsWith("portal/") && codebooks.contains(s)) {
          continue; // a word of the published codebooks (a family name such as Costa in Costa Rica), not a value
        }
        assertFalse(text.contains(s), f.getKey() + " holds a name, date of birth or record id of an extract");
      }
    }
    for (String s : secrets) {
      assertFalse(run.out().contains(s) || run.err().contains(s));
    }
    assertFalse(run.out().contains(key) || run.err().contains(key));
  }

  private static long dataLines(String file) throws Exception {
    return DemoPipeline.readCsv(Files.readString(out.resolve(file))).size();
  }

  private static TreeMap<String, byte[]> files(Path root) throws Exception {
    TreeMap<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  @Test
  void tooFewRowsIsAUsageError() {
    CliTest.Run r = CliTest.run("demo", "--rows", "5", "--out", dir.resolve("never").toString());
    assertEquals(Main.USAGE, r.code());
    assertFalse(Files.exists(dir.resolve("never")));
  }

  @Test
  void aFailedRunNamesTheMissingOutputs(@TempDir Path other) throws Exception {
    Path blocker = other.resolve("file-not-folder");
    Files.writeString(blocker, "x");
    CliTest.Run r = CliTest.run("demo", "--rows", "200", "--out", blocker.toString());
    assertEquals(Main.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("not written: ") && r.err().contains("report.html"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
