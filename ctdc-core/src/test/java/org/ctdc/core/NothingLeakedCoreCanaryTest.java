package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaked from the public entry points of ctdc-core: {@link Aligner} over CSV (reader and file), JSON
 * Lines (reader and file) and maps, lenient and strict, {@link MergedDataset} and {@link Specs}, on partner
 * extracts whose identifier and free-text columns hold unique canary strings, with canaries also as bad
 * values in closed, date, multi-valued and flag columns and in malformed rows. Exception messages (with
 * causes), {@code toString()}, summaries, report JSON, the aligned CSV and every log event
 * ({@link CapturingLogProvider}) are searched.
 *
 * <p>Permitted, the complete list: a closed column's value in the report's {@code unmapped} and
 * {@code fuzzyMatches} lists when it is code-like and seen in at least k rows ({@link AlignmentReport}'s
 * rule; default k = 11, under which a canary seen twice is withheld; one run uses k = 2, under which it is
 * shown). A canary seen once in a closed column must be withheld.
 */
class NothingLeakedCoreCanaryTest {

  private static final String MARK = "CANARY";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final List<String> observed = new ArrayList<>();
  private int next;
  private String repeated;
  private String once;

  @BeforeEach
  void clear() {
    CapturingLogProvider.clear();
  }

  private String canary(String tag) {
    return MARK + "-" + tag + "-" + (next++);
  }

  private List<Map<String, String>> caseManagement(int n) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : PartnerSamples.rows(PartnerSamples.Profile.CASE_MANAGEMENT, n, 8)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("CaseNo", canary("id"));
      m.put("FirstName", canary("first") + ", \"" + canary("quoted") + "\"");
      m.put("LastName", canary("last") + "\n" + canary("line"));
      m.put("Address", canary("address"));
      rows.add(m);
    }
    repeated = canary("country");
    once = canary("country");
    rows.get(1).put("Citizenship", repeated);
    rows.get(2).put("Citizenship", repeated);
    rows.get(3).put("Citizenship", once);
    rows.get(4).put("Age", "-99");
    rows.get(4).put("DateOfBirth", canary("birth"));
    rows.get(5).put("prs_Gender", canary("gender"));
    rows.get(6).put("vic_TypeOfExploitation", "ForcedLabour;" + canary("type"));
    rows.get(7).put("vic_Abducted", canary("flag"));
    rows.get(8).put("RegistrationDate", canary("date"));
    rows.get(9).put("Age", canary("age"));
    return rows;
  }

  private static String csv(List<Map<String, String>> rows) {
    StringBuilder b = new StringBuilder(PartnerSamples.csvLine(new ArrayList<>(rows.get(0).keySet())));
    rows.forEach(r -> b.append(PartnerSamples.csvLine(new ArrayList<>(r.values()))));
    return b.toString();
  }

  private static String jsonLines(List<Map<String, String>> rows) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Map<String, String> r : rows) {
      b.append(JSON.writeValueAsString(r)).append('\n');
    }
    return b.toString();
  }

  @Test
  void captureBindingIsTheActiveSlf4jProvider() {
    CapturingLogProvider.assertCapturing();
  }

  @Test
  void aligningAndMergingLeakNoCanaryOutsideTheSafeToShowValues() throws IOException {
    List<Map<String, String>> rows = caseManagement(40);
    String text = csv(rows);
    Path file = Files.writeString(dir.resolve("cm.csv"), text);
    Path jsonFile = Files.writeString(dir.resolve("cm.jsonl"), jsonLines(rows));
    Aligner lenient = Aligner.of(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON));
    Aligner strict = Aligner.builder(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON)).mode(AlignmentMode.STRICT).build();

    List<AlignmentResult> results = new ArrayList<>();
    results.add(lenient.alignCsv(new StringReader(text), "cm.csv"));
    results.add(lenient.alignCsv(file));
    results.add(lenient.alignJsonLines(new StringReader(jsonLines(rows)), "cm.jsonl"));
    results.add(lenient.alignJsonLines(jsonFile));
    results.add(lenient.align(rows, "cm-maps"));
    results.add(strict.alignCsv(file));
    // a report with a release threshold of 2, under which the value seen twice may be shown
    results.add(Aligner.builder(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON)).showValuesSeenAtLeast(2).build()
        .alignCsv(new StringReader(text), "cm-k2.csv"));
    // malformed inputs: an unclosed quote (the file cannot be read to its end: no result, issue 14), a
    // broken JSON line, ragged rows
    thrown(() -> lenient.alignCsv(new StringReader(csv(rows.subList(0, 3)) + "\"" + canary("unclosed") + ","
        + canary("unclosed") + "\n"), "broken.csv"));
    results.add(lenient.alignJsonLines(new StringReader(jsonLines(rows.subList(0, 2)) + "{\"CaseNo\": \""
        + canary("json") + "\", \"FirstName\": " + canary("json") + "\n"), "broken.jsonl"));
    results.add(lenient.alignCsv(new StringReader(csv(rows.subList(0, 2)) + canary("short") + "\n"
        + String.join(",", List.of(canary("long"), canary("long"))).repeat(12) + "\n"), "ragged.csv"));
    List<AlignmentResult> hotline = new ArrayList<>();
    List<Map<String, String>> hot = new ArrayList<>();
    for (Map<String, String> r : PartnerSamples.rows(PartnerSamples.Profile.HOTLINE, 30, 8)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("CaseID", canary("hotid"));
      hot.add(m);
    }
    hot.get(2).put("RecruiterRelationship", canary("recruiter"));
    hot.get(3).put("MeansOfControl", "Debt bondage;" + canary("means"));
    hotline.add(Aligner.of(Specs.load(Specs.HOTLINE_TO_KANON)).align(hot, "hotline"));

    AlignmentReport first = results.get(0).report();
    assertTrue(first.rowsRejected() > 0, first::summary);
    assertFalse(first.toJson().contains(repeated), "a value seen in fewer rows than k = 11 is withheld");
    assertFalse(first.toJson().contains(once), "a value seen once is withheld");
    AlignmentReport lowK = results.get(6).report();
    assertTrue(lowK.toJson().contains(repeated), "with k = 2 the rule shows a code-like value seen twice");
    assertFalse(lowK.toJson().contains(once), "a value seen once is withheld");

    List<AlignmentResult> all = new ArrayList<>(results);
    all.addAll(hotline);
    for (AlignmentResult r : all) {
      observeReport(r.report());
      observed.add(r.dataset().toString());
      StringWriter w = new StringWriter();
      DatasetCsv.write(r.dataset(), w);
      observed.add(w.toString());
    }

    // merging and its failures
    MergedDataset merged = MergedDataset.of(List.of(PartnerDataset.of(results.get(0)),
        PartnerDataset.of(hotline.get(0))));
    observed.add(merged.toString());
    observed.add(merged.partners().toString());
    thrown(() -> MergedDataset.of(List.of(PartnerDataset.of(results.get(0)), PartnerDataset.of(results.get(1)))));
    thrown(() -> MergedDataset.of(List.of()));

    // failures that throw: a missing file, a spec that does not parse, strict mode on the maps
    thrown(() -> lenient.alignCsv(dir.resolve("no-such.csv")));
    thrown(() -> lenient.alignJsonLines(dir.resolve("no-such.jsonl")));
    thrown(() -> Specs.parse("alignmentFormat: 1\nname: x\n" + canary("spec") + ": [\n", "spec.yaml"));
    thrown(() -> lenient.alignJsonLines(new StringReader("[\"" + canary("array") + "\"]\n"), "array.jsonl")
        .report().toJson().chars().sum());

    assertNoCanary(Set.of(repeated));
  }

  private void observeReport(AlignmentReport r) throws IOException {
    observed.add(r.summary());
    observed.add(r.toString());
    observed.add(r.rejects().toString());
    observed.add(r.droppedColumns().toString());
    // the report with the permitted values, and only those, blanked
    JsonNode root = JSON.readTree(r.toJson());
    for (JsonNode t : root.path("targets")) {
      for (String list : List.of("unmapped", "fuzzyMatches")) {
        for (JsonNode v : t.path(list)) {
          if (v.path("value").asText().equals(repeated)) {
            ((ObjectNode) v).put("value", "(permitted)");
          }
        }
      }
    }
    observed.add(JSON.writeValueAsString(root));
  }

  /** Runs a failure path; if it throws, records the message, string form and stack of it and every cause. */
  private void thrown(Runnable action) {
    ThrownText.recordIfThrown(observed, action);
  }


  private void assertNoCanary(Set<String> permitted) {
    List<String> all = new ArrayList<>(observed);
    all.addAll(CapturingLogProvider.events());
    List<String> leaks = all.stream().filter(s -> s.contains(MARK)).toList();
    assertEquals(List.of(), leaks, "canaries reached messages, reports, outputs or logs (permitted: " + permitted + ")");
  }
}
