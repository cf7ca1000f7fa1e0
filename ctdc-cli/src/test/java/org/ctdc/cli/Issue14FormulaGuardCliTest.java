package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 on the command line: cells beginning with {@code =}, {@code +}, {@code -} or {@code @} passed from the
 * input into the release of {@code ctdc deid}; they are now written with a quote in front, counted in the report
 * and on standard output, and written as they are with {@code --no-formula-guard}. A killed run's stale temporary
 * file of the release is removed by the next run.
 */
class Issue14FormulaGuardCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** The seven-row fixture with an insensitive column {@code note} that the release keeps. */
  private Path input() throws Exception {
    for (String f : List.of("age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      DeidCommandTest.copy(dir, f);
    }
    List<String> notes = List.of("=HYPERLINK(\"http://x\";\"y\")", "-99", "+cmd|' /C calc'!A0", "@SUM(A1)", "ok",
        "-5", "-x");
    List<String> rows = Files.readAllLines(DeidCommandTest.copy(dir, "seven.csv"));
    StringBuilder sb = new StringBuilder(rows.get(0)).append(",note\n");
    for (int i = 1; i < rows.size(); i++) {
      String n = notes.get(i - 1);
      sb.append(rows.get(i)).append(',').append(n.contains("\"") || n.contains(",") ? "\"" + n.replace("\"", "\"\"") + "\"" : n)
          .append('\n');
    }
    Path in = dir.resolve("with-notes.csv");
    Files.writeString(in, sb.toString(), StandardCharsets.UTF_8);
    return in;
  }

  /** The release's {@code note} column as the library reads it back (the reader keeps the quote), sorted. */
  private List<String> noteColumn(Path release) {
    org.ctdc.schema.Schema schema = org.ctdc.schema.InferredSchemas.fromCsv(release, ',');
    org.ctdc.schema.Dataset d = org.ctdc.schema.DatasetCsv.read(release, schema,
        org.ctdc.schema.DatasetCsv.CsvOptions.defaults()).dataset();
    int c = d.column("note");
    List<String> notes = new java.util.ArrayList<>();
    for (int r = 0; r < d.rowCount(); r++) {
      notes.add(d.token(r, c));
    }
    return notes.stream().sorted().toList();
  }

  @Test
  void issue14_deidNeutralisesFormulaCellsOfTheReleaseAndCountsThem() throws Exception {
    Path in = input();
    Path out = dir.resolve("release.csv");
    Path report = dir.resolve("report.json");
    Run r = run("deid", "--config", dir.resolve("deid.yaml").toString(), "--in", in.toString(), "--out",
        out.toString(), "--report", report.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(List.of("'+cmd|' /C calc'!A0", "'-x", "'=HYPERLINK(\"http://x\";\"y\")", "'@SUM(A1)", "-5", "-99",
        "ok"), noteColumn(out));
    JsonNode o = new ObjectMapper().readTree(report.toFile()).get("output");
    assertTrue(o.get("formulaGuard").asBoolean());
    assertEquals(4, o.get("formulaCellsNeutralised").asInt());
    assertEquals(7, o.get("rows").asInt());
    assertTrue(r.out().contains("formula guard: 4 CSV cells that a spreadsheet would run were written with a ' in front"),
        r.out());
  }

  @Test
  void issue14_noFormulaGuardWritesEveryCellAsItIs() throws Exception {
    Path in = input();
    Path out = dir.resolve("release.csv");
    Path report = dir.resolve("report.json");
    Run r = run("deid", "--no-formula-guard", "--config", dir.resolve("deid.yaml").toString(), "--in",
        in.toString(), "--out", out.toString(), "--report", report.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(List.of("+cmd|' /C calc'!A0", "-5", "-99", "-x", "=HYPERLINK(\"http://x\";\"y\")", "@SUM(A1)", "ok"),
        noteColumn(out));
    JsonNode o = new ObjectMapper().readTree(report.toFile()).get("output");
    assertFalse(o.get("formulaGuard").asBoolean());
    assertEquals(0, o.get("formulaCellsNeutralised").asInt());
    assertFalse(r.out().contains("formula guard"), r.out());
  }

  @Test
  void issue14_theNextRunRemovesAKilledRunsStaleTemporaryFilesOfItsTargetsOnly() throws Exception {
    Path in = input();
    Path out = dir.resolve("release.csv");
    Path stale = dir.resolve(".release.csv.ctdc-partial-8123456789");
    Path old = dir.resolve(".release.csv5551212.partial");
    Path other = dir.resolve(".other.csv.ctdc-partial-1");
    Files.writeString(stale, "12 MB of aligned, not yet generalised rows");
    Files.writeString(old, "rows");
    Files.writeString(other, "another target's");
    Run r = run("deid", "--quiet", "--config", dir.resolve("deid.yaml").toString(), "--in", in.toString(), "--out",
        out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(other), "another target's temporary file is not this run's to remove");
    assertTrue(Files.exists(out));
  }

  @Test
  void issue14_tablesWithoutTheGuardFlagIsAcceptedAndWritesTables() throws Exception {
    Path cfg = dir.resolve("t.yaml");
    Path csv = dir.resolve("vp.csv");
    try (var a = getClass().getResourceAsStream("/org/ctdc/cli/tables/vp-tables.yaml");
        var b = getClass().getResourceAsStream("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv")) {
      Files.copy(a, cfg);
      Files.copy(b, csv);
    }
    Path on = dir.resolve("on");
    Path off = dir.resolve("off");
    assertEquals(Main.OK, run("tables", "--quiet", "--config", cfg.toString(), "--in", csv.toString(), "--out",
        on.toString()).code());
    Run r = run("tables", "--quiet", "--no-formula-guard", "--config", cfg.toString(), "--in", csv.toString(),
        "--out", off.toString());
    assertEquals(Main.OK, r.code(), r.err());
    // the bundled sample has no label that looks like a formula: both runs write the same tables
    try (var s = Files.list(on)) {
      for (Path f : s.toList()) {
        assertEquals(Files.readString(f), Files.readString(off.resolve(f.getFileName())), f.toString());
      }
    }
  }
}
