package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.testkit.CapturingLogProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaked, nothing lost, on the command line. Every command runs on success and failure paths over
 * inputs whose identifier and free-text columns hold unique canary strings ({@code CANARY-<run>-<n>}), and
 * canaries also stand as bad values in closed columns, malformed rows, a pseudonym key and a released
 * sensitive column. Standard output, standard error, every log event ({@link CapturingLogProvider}, all
 * levels) and every file written under the output folder (CSV, JSON, YAML, HTML, text) are searched.
 *
 * <p>Permitted canaries, the complete list: (1) the alignment report's {@code targets[].unmapped[].value}
 * and {@code targets[].fuzzyMatches[].value}, only for a value of a closed column that is code-like and
 * seen in at least k = 11 rows (the rule of {@code docs/alignment-spec.md}, issue 14); nothing else. The
 * align test's canaries are seen twice at most, so none is permitted there. Input
 * files live in a separate folder and are not searched. Pseudonyms are HMACs: neither the key nor the raw
 * identifier may appear.
 */
class NothingLeakedCliCanaryTest {

  private static final String MARK = "CANARY";
  /** Letters only, so that a canary is code-like (no digit runs) and the safe-to-show rule can apply. */
  private static final String RUN = letters(UUID.randomUUID());
  private static final Pattern ANY = Pattern.compile(MARK + "-[a-p]+-[a-z0-9]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path in;
  private Path out;
  private int next;
  /** Every string a user sees: stdout, stderr, log events, output files (by name). */
  private final Map<String, String> observed = new LinkedHashMap<>();
  private int runs;

  @BeforeEach
  void setUp() throws IOException {
    in = Files.createDirectories(tmp.resolve("in"));
    out = Files.createDirectories(tmp.resolve("out"));
    CapturingLogProvider.clear();
  }

  @AfterEach
  void clearLogs() {
    CapturingLogProvider.clear();
  }

  private static String letters(UUID u) {
    StringBuilder b = new StringBuilder();
    for (char c : u.toString().replace("-", "").substring(0, 10).toCharArray()) {
      b.append((char) ('a' + Character.digit(c, 16)));
    }
    return b.toString();
  }

  private String canary(String tag) {
    return MARK + "-" + RUN + "-" + tag + (next++);
  }

  record Run(int code, String out, String err) {}

  private Run ctdc(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
    int n = runs++;
    observed.put("stdout of run " + n + " " + String.join(" ", args), o.toString());
    observed.put("stderr of run " + n + " " + String.join(" ", args), e.toString());
    return new Run(code, o.toString(), e.toString());
  }

  private static String csv(List<String> fields) {
    return PartnerSamples.csvLine(fields);
  }

  // ---------------------------------------------------------------------------------------------------
  // probe

  @Test
  void captureBindingIsTheActiveSlf4jProvider() {
    CapturingLogProvider.assertCapturing();
  }

  // ---------------------------------------------------------------------------------------------------
  // align

  /** A case-management extract with canaries in every identifier and free-text column and as bad values. */
  private record Extract(List<Map<String, String>> rows, String repeatedCountry, String onceCountry) {}

  private Extract caseManagement(int n) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : PartnerSamples.rows(PartnerSamples.Profile.CASE_MANAGEMENT, n, 8)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("CaseNo", canary("id"));
      m.put("FirstName", canary("first") + ", \"" + canary("quoted") + "\"");
      m.put("LastName", canary("last") + "\n" + canary("line"));
      m.put("Address", canary("address"));
      rows.add(m);
    }
    String repeated = canary("country");
    String once = canary("country");
    rows.get(1).put("Citizenship", repeated);
    rows.get(2).put("Citizenship", repeated);
    rows.get(3).put("Citizenship", once);
    rows.get(4).put("Age", "-99");
    rows.get(4).put("DateOfBirth", canary("birth"));
    rows.get(5).put("prs_Gender", canary("gender"));
    rows.get(6).put("vic_TypeOfExploitation", "ForcedLabour;" + canary("type"));
    rows.get(7).put("vic_Abducted", canary("flag"));
    rows.get(8).put("RegistrationDate", canary("date"));
    return new Extract(rows, repeated, once);
  }

  private static String toCsv(List<Map<String, String>> rows) {
    StringBuilder b = new StringBuilder(csv(new ArrayList<>(rows.get(0).keySet())));
    rows.forEach(r -> b.append(csv(new ArrayList<>(r.values()))));
    return b.toString();
  }

  private static String toJsonLines(List<Map<String, String>> rows) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Map<String, String> r : rows) {
      b.append(JSON.writeValueAsString(r)).append('\n');
    }
    return b.toString();
  }

  @Test
  void alignLeaksNoCanaryOnSuccessOrFailure() throws Exception {
    Extract x = caseManagement(40);
    Path cm = Files.writeString(in.resolve("cm.csv"), toCsv(x.rows()));
    Path cmJson = Files.writeString(in.resolve("cm.jsonl"), toJsonLines(x.rows()));
    List<Map<String, String>> hot = new ArrayList<>();
    for (Map<String, String> r : PartnerSamples.rows(PartnerSamples.Profile.HOTLINE, 30, 8)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put("CaseID", canary("hotid"));
      hot.add(m);
    }
    hot.get(3).put("RecruiterRelationship", canary("recruiter"));
    hot.get(4).put("AgeGroup", canary("age"));
    Path hotline = Files.writeString(in.resolve("hotline.csv"), toCsv(hot));

    // success paths (rows with bad values are rejected: exit code 1, both files written)
    Run a = ctdc("align", "--spec", "case-management-to-kanon-2020", "--in", cm.toString(),
        "--out", out.resolve("cm-aligned.csv").toString(), "--report", out.resolve("cm-report.json").toString());
    assertEquals(Main.INVALID, a.code(), a.err());
    assertTrue(a.out().contains("40 rows read"), a.out());
    Run j = ctdc("align", "--spec", "case-management-to-kanon-2020", "--in", cmJson.toString(),
        "--out", out.resolve("cm-json-aligned.csv").toString(), "--report",
        out.resolve("cm-json-report.json").toString());
    assertEquals(a.code(), j.code(), j.err());
    Run h = ctdc("align", "--spec", "hotline-to-kanon-2020", "--in", hotline.toString(),
        "--out", out.resolve("hot-aligned.csv").toString(), "--report", out.resolve("hot-report.json").toString());
    assertTrue(h.code() == Main.OK || h.code() == Main.INVALID, h.err());
    assertTrue(Files.exists(out.resolve("hot-aligned.csv")));

    // issue 14: a code-like closed-column value is shown only when k = 11 rows hold it; twice or once, it is
    // withheld (counted, not shown)
    String report = Files.readString(out.resolve("cm-report.json"));
    assertFalse(report.contains(x.repeatedCountry()), "a value seen in fewer than 11 rows is withheld");
    assertFalse(report.contains(x.onceCountry()), "a value seen once is withheld");

    // failure paths: strict mode, malformed CSV, broken JSON line, a report path that is a folder
    Run strict = ctdc("align", "--strict", "--spec", "case-management-to-kanon-2020", "--in", cm.toString(),
        "--out", out.resolve("strict.csv").toString(), "--report", out.resolve("strict.json").toString());
    assertEquals(Main.INVALID, strict.code());
    Path broken = Files.writeString(in.resolve("broken.csv"), toCsv(x.rows().subList(0, 3))
        + "\"" + canary("unclosed") + "," + canary("unclosed") + "\n");
    Run malformed = ctdc("align", "--spec", "case-management-to-kanon-2020", "--in", broken.toString(),
        "--out", out.resolve("broken.csv").toString(), "--report", out.resolve("broken.json").toString());
    assertNotEquals(Main.OK, malformed.code());
    Path brokenJson = Files.writeString(in.resolve("broken.jsonl"), toJsonLines(x.rows().subList(0, 2))
        + "{\"CaseNo\": \"" + canary("json") + "\", \"FirstName\": " + canary("json") + "\n");
    Run badJson = ctdc("align", "--spec", "case-management-to-kanon-2020", "--in", brokenJson.toString(),
        "--out", out.resolve("broken-json.csv").toString(), "--report", out.resolve("broken-json.json").toString());
    assertNotEquals(Main.OK, badJson.code());
    // --debug prints the stack trace with every cause's message: those must not quote the input either
    Run badJsonDebug = ctdc("align", "--debug", "--spec", "case-management-to-kanon-2020", "--in",
        brokenJson.toString(), "--out", out.resolve("broken-json.csv").toString(), "--report",
        out.resolve("broken-json.json").toString());
    assertEquals(badJson.code(), badJsonDebug.code());
    Run malformedDebug = ctdc("align", "--debug", "--spec", "case-management-to-kanon-2020", "--in",
        broken.toString(), "--out", out.resolve("broken.csv").toString(), "--report", out.resolve("broken.json").toString());
    assertEquals(malformed.code(), malformedDebug.code());
    Path folder = Files.createDirectories(out.resolve("report-is-a-folder.json"));
    Run lost = ctdc("align", "--spec", "case-management-to-kanon-2020", "--in", cm.toString(),
        "--out", out.resolve("lost.csv").toString(), "--report", folder.toString());
    assertEquals(Main.INVALID, lost.code());
    assertFalse(Files.exists(out.resolve("lost.csv")), "no aligned file without its report");
    assertTrue(lost.err().contains("not written: " + out.resolve("lost.csv") + ", " + folder), lost.err());
    assertEquals(1, lost.err().lines().count(), "errors are one line: " + lost.err());
    Run missingInput = ctdc("align", "--spec", "case-management-to-kanon-2020", "--in",
        in.resolve("no-such.csv").toString(), "--out", out.resolve("m.csv").toString(), "--report",
        out.resolve("m.json").toString());
    assertNotEquals(Main.OK, missingInput.code());
    assertTrue(missingInput.err().contains("not written: " + out.resolve("m.csv")), missingInput.err());

    assertNoPartialFiles();
    assertNoCanaryLeaked(Set.of());
  }

  // ---------------------------------------------------------------------------------------------------
  // a user's schema with identifier and free-text columns: validate, deid, verify, risk, tables, audit

  private static final String SCHEMA = """
      schemaFormat: 1
      name: canary
      version: "1"
      format: {missing: [""], flagTrue: "1", flagFalse: "0", separator: ";", delimiter: ","}
      variables:
        - {name: caseId, kind: identifier}
        - {name: notes, kind: freeText}
        - name: age
          kind: categorical
          role: quasiIdentifier
          values: [{code: "0--17"}, {code: "18--29"}, {code: "30+"}]
        - name: gender
          kind: categorical
          role: quasiIdentifier
          values: [{code: Female}, {code: Male}]
        - name: region
          kind: categorical
          role: quasiIdentifier
          values: [{code: North}, {code: South}]
        - {name: isSexualExploit, kind: flag, role: sensitive}
      """;

  private static final String HEADER = "caseId,notes,age,gender,region,isSexualExploit\n";

  private Path schemaFile() throws IOException {
    return Files.writeString(in.resolve("canary-schema.yaml"), SCHEMA);
  }

  /** Valid rows, every identifier and note a canary (notes with the delimiter, quotes and line breaks). */
  private String validRows(int n) {
    Random rnd = new Random(8);
    String[] ages = {"0--17", "18--29", "30+"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String note = i % 3 == 0 ? canary("note") + ", \"" + canary("note") + "\"\n" + canary("note") : canary("note");
      b.append(csv(List.of(canary("case"), note, ages[rnd.nextInt(3)], rnd.nextBoolean() ? "Female" : "Male",
          rnd.nextInt(4) == 0 ? "South" : "North", rnd.nextBoolean() ? "1" : "0")));
    }
    return b.toString();
  }

  /** Rows breaking the schema, with canaries as the bad tokens, and rows of the wrong length. */
  private String invalidRows() {
    return csv(List.of(canary("case"), canary("note"), canary("age"), canary("gender"), canary("region"),
        canary("flag")))
        + csv(List.of(canary("case"), canary("note"), "30+", "Female;" + canary("multi"), "North", "1"))
        + csv(List.of(canary("short"), canary("short")))
        + csv(List.of(canary("long"), "", "30+", "Male", "North", "1", canary("long")));
  }

  private void writeHierarchies() throws IOException {
    Files.writeString(in.resolve("age.csv"), "0--17;Minor;*\n18--29;Adult;*\n30+;Adult;*\n");
    Files.writeString(in.resolve("gender.csv"), "Female;*\nMale;*\n");
    Files.writeString(in.resolve("region.csv"), "North;*\nSouth;*\n");
  }

  private Path deidConfig(String name, int k, String keyFile) throws IOException {
    return Files.writeString(in.resolve(name), "input: {schema: \"" + in.resolve("canary-schema.yaml") + "\"}\n"
        + "quasiIdentifiers:\n"
        + "  - {name: age, hierarchy: age.csv}\n"
        + "  - {name: gender, hierarchy: gender.csv}\n"
        + "  - {name: region, hierarchy: region.csv}\n"
        + "models:\n  - k: " + k + "\n"
        + "suppressionLimit: 0.1\n"
        + "pseudonymKeyFile: " + keyFile + "\n");
  }

  @Test
  void validateDeidAndRiskLeakNoCanaryNorTheKey() throws Exception {
    Path schema = schemaFile();
    writeHierarchies();
    String key = canary("key") + "-secret-pseudonym-key";
    Files.writeString(in.resolve("key.txt"), key);
    Files.writeString(in.resolve("short.key"), MARK + "-" + RUN.substring(0, 8)); // 15 bytes
    Path good = Files.writeString(in.resolve("good.csv"), HEADER + validRows(60));
    Path bad = Files.writeString(in.resolve("bad.csv"), HEADER + validRows(5) + invalidRows());
    Path cfg = deidConfig("deid.yaml", 3, "key.txt");

    // validate
    assertEquals(Main.OK, ctdc("validate", "--schema", schema.toString(), "--in", good.toString()).code());
    Run invalid = ctdc("validate", "--schema", schema.toString(), "--in", bad.toString());
    assertEquals(Main.INVALID, invalid.code());
    assertTrue(invalid.out().contains("gender"), invalid.out());

    // deid: success with pseudonyms
    Path release = out.resolve("release.csv");
    Run d = ctdc("deid", "--config", cfg.toString(), "--in", good.toString(), "--out", release.toString(),
        "--report", out.resolve("deid-report.json").toString());
    assertEquals(Main.OK, d.code(), d.err());
    List<String> lines = Files.readAllLines(release);
    assertTrue(lines.get(0).startsWith("caseId,"), lines.get(0));
    assertFalse(lines.get(0).contains("notes"), "free text is dropped");
    assertTrue(lines.get(1).matches("[0-9a-f]{64},.*"), "identifiers are HMAC pseudonyms: " + lines.get(1));
    JsonNode rep = JSON.readTree(out.resolve("deid-report.json").toFile());
    assertEquals("caseId", rep.get("configuration").get("pseudonymisedVariables").get(0).asText());
    // deid: invalid input, unsatisfiable model, short key, a report path that is a folder
    Run dBad = ctdc("deid", "--config", cfg.toString(), "--in", bad.toString(), "--out",
        out.resolve("bad-release.csv").toString(), "--report", out.resolve("bad-report.json").toString());
    assertEquals(Main.INVALID, dBad.code());
    assertTrue(dBad.err().contains("not written: " + out.resolve("bad-release.csv")), dBad.err());
    Run unsat = ctdc("deid", "--config", deidConfig("k1000.yaml", 1000, "key.txt").toString(), "--in",
        good.toString(), "--out", out.resolve("unsat.csv").toString(), "--report", out.resolve("unsat.json").toString());
    assertEquals(Main.UNSATISFIABLE, unsat.code(), unsat.err());
    assertEquals(1, unsat.err().lines().count(), "errors are one line: " + unsat.err());
    assertFalse(Files.exists(out.resolve("unsat.csv")));
    Run shortKey = ctdc("deid", "--config", deidConfig("short.yaml", 3, "short.key").toString(), "--in",
        good.toString(), "--out", out.resolve("short.csv").toString());
    assertNotEquals(Main.OK, shortKey.code());
    assertNotEquals(Main.OK, ctdc("deid", "--debug", "--config", cfg.toString(), "--in", bad.toString(), "--out",
        out.resolve("bad-release.csv").toString()).code());
    // an inferred schema (every column categorical over its values): a quasi-identifier value the hierarchy
    // lacks is a raw value, never to be quoted
    StringBuilder inferred = new StringBuilder("name,age,gender\n");
    for (int i = 0; i < 12; i++) {
      inferred.append(csv(List.of(canary("name"), i == 7 ? canary("age") : i % 2 == 0 ? "18--29" : "30+",
          i % 3 == 0 ? "Female" : "Male")));
    }
    Path inferredCsv = Files.writeString(in.resolve("inferred.csv"), inferred.toString());
    Path inferredCfg = Files.writeString(in.resolve("inferred.yaml"), "quasiIdentifiers:\n"
        + "  - {name: age, hierarchy: age.csv}\n  - {name: gender, hierarchy: gender.csv}\n"
        + "identifiers: [name]\nmodels:\n  - k: 2\nsuppressionLimit: 0.2\n");
    Run uncovered = ctdc("deid", "--config", inferredCfg.toString(), "--in", inferredCsv.toString(), "--out",
        out.resolve("inferred-release.csv").toString());
    assertNotEquals(Main.OK, uncovered.code());
    assertTrue(uncovered.err().contains("row 8"), uncovered.err());
    // inferred schemas over awkward values: differing only in case or spaces, with the separator, a line break
    String twin = canary("twin");
    Path awkward = Files.writeString(in.resolve("awkward.csv"), "name,age,gender\n"
        + csv(List.of(twin, "30+", "Male")) + csv(List.of(twin.toLowerCase(java.util.Locale.ROOT), "30+", "Male"))
        + csv(List.of(" " + twin + " ", "30+", "Female")) + csv(List.of(canary("sep") + ";" + canary("sep"), "30+", "Male"))
        + csv(List.of(canary("nl") + "\n" + canary("nl"), "30+", "Female")));
    ctdc("deid", "--config", inferredCfg.toString(), "--in", awkward.toString(), "--out",
        out.resolve("awkward-release.csv").toString());
    Path unclosed = Files.writeString(in.resolve("unclosed.csv"), "name,age,gender\n"
        + csv(List.of(canary("name"), "30+", "Male")) + "\"" + canary("unclosed") + ",30+,Male\n");
    assertNotEquals(Main.OK, ctdc("deid", "--config", inferredCfg.toString(), "--in", unclosed.toString(), "--out",
        out.resolve("unclosed-release.csv").toString()).code());
    Path folder = Files.createDirectories(out.resolve("deid-report-folder.json"));
    Run lost = ctdc("deid", "--config", cfg.toString(), "--in", good.toString(), "--out",
        out.resolve("lost-release.csv").toString(), "--report", folder.toString());
    assertEquals(Main.INVALID, lost.code());
    assertFalse(Files.exists(out.resolve("lost-release.csv")), "no release without its report");
    assertTrue(lost.err().contains("not written: " + out.resolve("lost-release.csv") + ", " + folder), lost.err());
    assertEquals(1, lost.err().lines().count(), "errors are one line: " + lost.err());

    // risk
    Run r = ctdc("risk", "--in", good.toString(), "--schema", schema.toString(), "--qi", "age,gender,region",
        "--report", out.resolve("risk.json").toString());
    assertEquals(Main.OK, r.code(), r.err());
    Run rBad = ctdc("risk", "--in", bad.toString(), "--schema", schema.toString(), "--qi", "age,gender",
        "--report", out.resolve("risk-bad.json").toString());
    assertEquals(Main.INVALID, rBad.code());
    assertTrue(rBad.err().contains("not written: " + out.resolve("risk-bad.json")), rBad.err());
    assertNotEquals(Main.OK, ctdc("risk", "--in", good.toString(), "--schema", schema.toString(), "--qi",
        "notAColumn").code());

    assertNoPartialFiles();
    assertNoCanaryLeaked(Set.of());
    assertFalse(String.join("\n", observed.values()).contains(key.substring(MARK.length())), "the key never appears");
  }

  @Test
  void verifyLeaksNoSensitiveValue() throws Exception {
    // a release that (wrongly) carries a free-text column, used as the sensitive variable
    StringBuilder rel = new StringBuilder("age,gender,region,notes\n");
    for (int i = 0; i < 12; i++) {
      rel.append(csv(List.of(i < 6 ? "Minor" : "Adult", "*", "North", i % 4 == 0 ? canary("secret") : "same")));
    }
    Path release = Files.writeString(in.resolve("release.csv"), rel.toString());
    Path pass = Files.writeString(in.resolve("pass.yaml"),
        "k: 3\nquasiIdentifiers: [age, gender, region]\nmodels:\n  - {type: distinctL, sensitive: notes, l: 2}\n");
    Path fail = Files.writeString(in.resolve("fail.yaml"),
        "k: 7\nquasiIdentifiers: [age, gender, region]\nmodels:\n  - {type: distinctL, sensitive: notes, l: 4}\n"
            + "  - {type: entropyL, sensitive: notes, l: 3.5}\n  - {type: tClosenessEqual, sensitive: notes, t: 0.01}\n");
    Run ok = ctdc("verify", "--spec", pass.toString(), "--in", release.toString());
    assertEquals(Main.OK, ok.code(), ok.out() + ok.err());
    Run failed = ctdc("verify", "--spec", fail.toString(), "--in", release.toString());
    assertEquals(Main.INVALID, failed.code());
    assertTrue(failed.out().contains("notes"), "violations name the variable: " + failed.out());
    Path malformed = Files.writeString(in.resolve("malformed.csv"), rel + csv(List.of(canary("row"), canary("row"))));
    Run bad = ctdc("verify", "--spec", pass.toString(), "--in", malformed.toString());
    assertEquals(VerifyCommand.NOT_VERIFIED, bad.code());
    assertTrue(bad.err().contains("row 13"), bad.err());
    assertEquals(VerifyCommand.NOT_VERIFIED,
        ctdc("verify", "--debug", "--spec", pass.toString(), "--in", malformed.toString()).code());
    assertNoCanaryLeaked(Set.of());
  }

  @Test
  void tablesAndAuditLeakNoCanaryAndAFailedRunLeavesNoTable() throws Exception {
    Path schema = schemaFile();
    Path good = Files.writeString(in.resolve("good.csv"), HEADER + validRows(80));
    Path bad = Files.writeString(in.resolve("bad.csv"), HEADER + validRows(5) + invalidRows());
    Path cfg = Files.writeString(in.resolve("tables.yaml"), "tablesConfig: 1\nschema: \"" + schema + "\"\n"
        + "method: suppression\nrules: {threshold: 3}\n"
        + "dimensions:\n  - {name: gender, leaves: [Female, Male]}\n  - {name: region, leaves: [North, South]}\n"
        + "  - {name: age, leaves: [\"0--17\", \"18--29\", \"30+\"]}\n"
        + "tables:\n  - {name: by_gender_region, dimensions: [gender, region]}\n"
        + "  - {name: by_age_region, dimensions: [age, region]}\n");
    Path tables = out.resolve("tables");
    Run t = ctdc("tables", "--config", cfg.toString(), "--in", good.toString(), "--out", tables.toString());
    assertEquals(Main.OK, t.code(), t.out() + t.err());
    assertTrue(Files.exists(tables.resolve("by_gender_region.csv")));
    Run tBad = ctdc("tables", "--config", cfg.toString(), "--in", bad.toString(), "--out",
        out.resolve("bad-tables").toString());
    assertEquals(Main.INVALID, tBad.code());
    assertTrue(tBad.err().contains("not written: every table in"), tBad.err());
    assertFalse(Files.exists(out.resolve("bad-tables")), "nothing written for an invalid input");

    // a later output is a folder: nothing is moved in, and standard error says so
    Path blocked = out.resolve("blocked");
    Files.createDirectories(blocked.resolve("by_age_region.json"));
    Run lost = ctdc("tables", "--config", cfg.toString(), "--in", good.toString(), "--out", blocked.toString());
    assertEquals(Main.INVALID, lost.code());
    try (Stream<Path> s = Files.list(blocked)) {
      assertEquals(List.of(blocked.resolve("by_age_region.json")), s.toList(), "no table moved in");
    }
    assertTrue(lost.err().contains("not written: " + blocked.resolve("by_gender_region.*") + ", "
        + blocked.resolve("by_age_region.*") + ", " + blocked.resolve("tables-report.txt")), lost.err());
    assertEquals(1, lost.err().lines().count(), "errors are one line: " + lost.err());
    Path aFile = Files.writeString(out.resolve("a-file"), "");
    Run notAFolder = ctdc("tables", "--config", cfg.toString(), "--in", good.toString(), "--out", aFile.toString());
    assertEquals(Main.INVALID, notAFolder.code());
    assertTrue(notAFolder.err().contains("not written"), notAFolder.err());

    // audit: the written tables pass; a table whose cells are canaries fails without naming them
    Run a = ctdc("audit", "--table", tables.resolve("by_gender_region.csv").toString(), "--definition",
        tables.resolve("by_gender_region.table.json").toString());
    assertEquals(Main.OK, a.code(), a.out() + a.err());
    List<String> rows = new ArrayList<>(Files.readAllLines(tables.resolve("by_gender_region.csv")));
    for (int i = 1; i < rows.size(); i++) {
      String[] f = rows.get(i).split(",", -1);
      if (i % 2 == 0 && !f[2].isEmpty()) {
        f[2] = canary("cell");
      }
      rows.set(i, String.join(",", f));
    }
    rows.add(canary("extra") + "," + canary("extra"));
    Path forged = Files.writeString(in.resolve("forged.csv"), String.join("\n", rows) + "\n");
    Run aBad = ctdc("audit", "--table", forged.toString(), "--definition",
        tables.resolve("by_gender_region.table.json").toString());
    assertEquals(Main.INVALID, aBad.code(), aBad.out());
    Run aBadDef = ctdc("audit", "--table", tables.resolve("by_gender_region.csv").toString(), "--definition",
        forged.toString());
    assertEquals(Main.INVALID, aBadDef.code(), aBadDef.out());
    assertEquals(Main.INVALID, ctdc("audit", "--debug", "--table", forged.toString(), "--definition",
        tables.resolve("by_gender_region.table.json").toString()).code());

    assertNoPartialFiles();
    assertNoCanaryLeaked(Set.of());
  }

  @Test
  void schemaCommandsLeakNothingAndExportIsAllOrNothing() throws Exception {
    Path schema = schemaFile();
    assertEquals(Main.OK, ctdc("schema", "list").code());
    assertEquals(Main.OK, ctdc("schema", "show", schema.toString()).code());
    assertEquals(Main.OK, ctdc("schema", "export", schema.toString(), "--format", "json-schema", "--out",
        out.resolve("canary.schema.json").toString()).code());
    assertEquals(Main.OK, ctdc("schema", "diff", schema.toString(), "ctdc-global-kanon@2020").code());
    assertNotEquals(Main.OK, ctdc("schema", "show", schema.toString(), "--format", "nope").code());
    Path folder = Files.createDirectories(out.resolve("folder.yaml"));
    assertNotEquals(Main.OK, ctdc("schema", "export", schema.toString(), "--out", folder.toString()).code());
    Path broken = Files.writeString(in.resolve("broken.yaml"), SCHEMA.replace("kind: freeText", "kind: freeTxt"));
    assertNotEquals(Main.OK, ctdc("schema", "show", broken.toString()).code());
    Path data = Files.writeString(in.resolve("data.csv"), HEADER + validRows(3) + invalidRows());
    assertEquals(Main.INVALID, ctdc("validate", "--schema", broken.toString(), "--in", data.toString()).code());
    assertEquals(Main.INVALID, ctdc("validate", "--debug", "--schema", schema.toString(), "--in", data.toString(),
        "--max-errors", "2").code());
    assertNoPartialFiles();
    assertNoCanaryLeaked(Set.of());
  }

  // ---------------------------------------------------------------------------------------------------
  // demo: the generated extracts' identifiers and free text appear in the extracts only

  @Test
  void demoCopiesNoIdentifierOrFreeTextOutOfTheExtracts() throws Exception {
    Path demo = out.resolve("demo");
    Run r = ctdc("demo", "--rows", "100", "--out", demo.toString(), "--quiet");
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    Set<String> secrets = new HashSet<>();
    collect(demo.resolve("extracts/hotline.csv"), List.of("CaseID"), secrets);
    collect(demo.resolve("extracts/case-management.csv"),
        List.of("CaseNo", "FirstName", "LastName", "Address", "DateOfBirth"), secrets);
    secrets.remove("-99");
    assertTrue(secrets.size() > 150, "identifiers and free text collected: " + secrets.size());
    // the portal's pages print the codebooks of the released schemas (issue 20): their labels are public text
    String codebooks = Files.readString(demo.resolve("release/release-schema.yaml"))
        + CliTest.run("schema", "show", "ctdc-global-synthetic@2024").out();
    java.util.TreeMap<String, String> outputs = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(demo)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.startsWith(demo.resolve("extracts"))) {
          outputs.put(demo.relativize(f).toString().replace('\\', '/'), Files.readString(f));
        }
      }
    }
    outputs.put("console or logs", r.out() + "\n" + r.err() + "\n" + String.join("\n", CapturingLogProvider.events()));
    assertEquals(List.of(), leaks(outputs, secrets, codebooks));

    // the check still catches a short family name (as the generator's "Le" or "Tran") planted in one output cell
    String shortName = secrets.stream().filter(v -> v.length() <= 4 && v.chars().allMatch(Character::isLetter)).sorted()
        .findFirst().orElseThrow(() -> new AssertionError("the extracts hold short names"));
    java.util.TreeMap<String, String> planted = new java.util.TreeMap<>(outputs);
    String merged = planted.get("aligned/merged.csv");
    int cell = merged.indexOf(',', merged.indexOf('\n'));
    planted.put("aligned/merged.csv", merged.substring(0, cell + 1) + shortName + merged.substring(merged.indexOf(',', cell + 1)));
    assertEquals(List.of("aligned/merged.csv: " + shortName), leaks(planted, secrets, codebooks));
    planted.put("report.html", planted.get("report.html") + "<td>" + shortName + "</td>");
    planted.put("console or logs", shortName.toUpperCase(java.util.Locale.ROOT) + " matched");
    assertEquals(List.of("aligned/merged.csv: " + shortName, "console or logs: " + shortName, "report.html: " + shortName),
        leaks(planted, secrets, codebooks));

    // a run that cannot write says which outputs are missing and leaves nothing that looks complete
    Path aFile = Files.writeString(out.resolve("demo-is-a-file"), "");
    Run failed = ctdc("demo", "--rows", "100", "--out", aFile.toString(), "--quiet");
    assertNotEquals(Main.OK, failed.code());
    assertTrue(failed.err().contains("not written: extracts/hotline.csv"), failed.err());
    assertTrue(failed.err().contains("report.html"), failed.err());
    assertNoPartialFiles();
  }

  /**
   * The secrets found in the outputs (name: text), sorted. A secret of five characters or more is found anywhere,
   * as a substring; a shorter one (family names as "Le" or "Tran") as a whole token in any case, i.e. not next to
   * another letter or digit, so that it is found as a CSV cell, a JSON string or an HTML cell but not inside the
   * public labels "Female" or "Transgender". In the portal's pages a word of the published codebooks is public.
   */
  static List<String> leaks(java.util.SortedMap<String, String> outputs, Set<String> secrets, String codebooks) {
    List<String> leaks = new ArrayList<>();
    for (var f : outputs.entrySet()) {
      boolean portal = f.getKey().startsWith("portal/");
      for (String s : new java.util.TreeSet<>(secrets)) {
        if (portal && codebooks.contains(s)) {
          continue; // a word of the published codebooks the portal prints (King in United Kingdom), not a value
        }
        boolean found = s.length() >= 5 ? f.getValue().contains(s)
            : java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(s) + "(?![\\p{L}\\p{N}])",
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(f.getValue()).find();
        if (found) {
          leaks.add(f.getKey() + ": " + s);
        }
      }
    }
    return leaks;
  }

  private static void collect(Path csvFile, List<String> columns, Set<String> into) throws IOException {
    var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    try (var it = mapper.readerFor(Map.class)
        .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
        .<Map<String, String>>readValues(csvFile.toFile())) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        for (String c : columns) {
          String v = row.get(c);
          if (v != null && !v.isBlank()) {
            into.add(v);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // checks

  /** No temporary or staging file is left anywhere under the output folder. */
  private void assertNoPartialFiles() throws IOException {
    try (Stream<Path> all = Files.walk(out)) {
      List<String> partial = all.map(p -> p.getFileName().toString())
          .filter(org.ctdc.schema.AtomicFiles::isTemporary).toList();
      assertEquals(List.of(), partial, "temporary files left behind");
    }
  }

  /**
   * Reads every output file, then asserts that no canary appears in any observed text, except the permitted
   * values in the permitted places (alignment reports' unmapped and fuzzy-match values).
   */
  private void assertNoCanaryLeaked(Set<String> permittedClosedValues) throws IOException {
    try (Stream<Path> inputs = Files.walk(in)) {
      long withCanaries = inputs.filter(Files::isRegularFile).filter(f -> {
        try {
          return ANY.matcher(Files.readString(f)).find();
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }).count();
      assertTrue(withCanaries > 0, "the inputs hold canaries");
    }
    try (Stream<Path> all = Files.walk(out)) {
      for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        if (f.getFileName().toString().endsWith(".json") && text.contains("\"reportFormat\"")
            && text.contains("\"unmappedWithheld\"")) {
          text = withoutPermittedValues(text, permittedClosedValues);
        }
        observed.put("file " + out.relativize(f), text);
      }
    }
    List<String> logs = CapturingLogProvider.events();
    for (int i = 0; i < logs.size(); i++) {
      observed.put("log event " + i, logs.get(i));
    }
    List<String> leaks = new ArrayList<>();
    observed.forEach((where, text) -> {
      Matcher m = ANY.matcher(text);
      while (m.find()) {
        leaks.add(where + ": " + m.group());
      }
      if (text.contains(MARK)) {
        leaks.add(where + ": contains " + MARK);
      }
    });
    assertEquals(List.of(), leaks.stream().distinct().toList(), "canaries reached output, messages or logs");
  }

  /** The alignment report with the permitted unmapped and fuzzy values (and only those) blanked. */
  private static String withoutPermittedValues(String json, Set<String> permitted) throws IOException {
    JsonNode root = JSON.readTree(json);
    for (JsonNode t : root.path("targets")) {
      for (String list : List.of("unmapped", "fuzzyMatches")) {
        for (JsonNode v : t.path(list)) {
          if (permitted.contains(v.path("value").asText())) {
            ((ObjectNode) v).put("value", "(permitted)");
          }
        }
      }
    }
    return JSON.writeValueAsString(root);
  }
}
