package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  static Path sample(Path dir) throws Exception {
    Path p = dir.resolve("vp.csv");
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void schemaListNamesEveryBundledSchema() {
    Run r = run("schema", "list");
    assertEquals(0, r.code(), r.err());
    for (String s : List.of("ctdc-global-kanon", "ctdc-global-synthetic", "ctdc-victim-perpetrator", "htcds")) {
      assertTrue(r.out().contains(s), s);
    }
    assertTrue(r.out().contains("2018") && r.out().contains("2020"));
  }

  @Test
  void schemaShowWritesEveryFormat() throws Exception {
    for (String f : List.of("yaml", "json", "markdown", "csv", "json-schema")) {
      Run r = run("schema", "show", "ctdc-victim-perpetrator@2022", "--format", f);
      assertEquals(0, r.code(), f + ": " + r.err());
      assertTrue(r.out().contains("IP_PayMoney"), f);
    }
    JsonNode js = new ObjectMapper().readTree(run("schema", "show", "ctdc-victim-perpetrator", "--format", "json-schema").out());
    assertEquals("https://json-schema.org/draft/2020-12/schema", js.get("$schema").asText());
  }

  @Test
  void schemaExportWritesAFile(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("kanon.json");
    Run r = run("schema", "export", "ctdc-global-kanon@2018", "--format", "json", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(out).contains("\"yearOfRegistration\""));
    Run back = run("schema", "show", out.toString(), "--format", "yaml");
    assertEquals(0, back.code(), back.err());
    assertEquals(run("schema", "show", "ctdc-global-kanon@2018").out(), back.out());
  }

  @Test
  void schemaDiffOfKanonVersionsReportsOneAddedVariable() {
    Run r = run("schema", "diff", "ctdc-global-kanon@2018", "ctdc-global-kanon@2020");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r.out());
    assertTrue(lines.get(0).contains("isSlaveryAndPractices"));
    Run json = run("schema", "diff", "ctdc-global-kanon@2020", "ctdc-global-synthetic@2024", "--format", "json");
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("meansThreats"));
  }

  @Test
  void validateAcceptsTheRealRelease(@TempDir Path dir) throws Exception {
    Run r = run("validate", "--schema", "ctdc-victim-perpetrator", "--in", sample(dir).toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("21195"), r.out());
  }

  @Test
  void validateReportsInjectedFaultsAtRowAndColumn(@TempDir Path dir) throws Exception {
    Path p = sample(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    // row 5: an unknown gender; row 10: a field too many
    lines.set(5, lines.get(5).replaceFirst(",(Female|Male|),", ",CANARY-zq81,"));
    lines.set(10, lines.get(10) + ",extra");
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Run r = run("validate", "--schema", "ctdc-victim-perpetrator@2022", "--in", bad.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("row 5:column gender"), r.out());
    assertTrue(r.out().contains("row 10:"), r.out());
    assertFalse((r.out() + r.err()).contains("CANARY-zq81"), "a record value leaked into the output");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Run unknownSchema = run("validate", "--schema", "no-such-schema", "--in", "x.csv");
    assertEquals(2, unknownSchema.code());
    assertTrue(unknownSchema.err().startsWith("ctdc: no bundled schema named 'no-such-schema'"), unknownSchema.err());
    Run unknownOption = run("schema", "list", "--colour");
    assertEquals(2, unknownOption.code());
    Run noCommand = run();
    assertEquals(2, noCommand.code());
    Run badFormat = run("schema", "show", "htcds", "--format", "pdf");
    assertEquals(2, badFormat.code());
  }

  @Test
  void missingInputFileIsOneLineWithoutStackTrace(@TempDir Path dir) {
    Run r = run("validate", "--schema", "ctdc-victim-perpetrator", "--in", dir.resolve("none.csv").toString());
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    Run debug = run("validate", "--debug", "--schema", "ctdc-victim-perpetrator", "--in", dir.resolve("none.csv").toString());
    assertTrue(debug.err().contains("\tat "), "--debug prints the stack trace");
  }

  @Test
  void brokenSchemaFileIsInvalidData(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("bad.yaml");
    Files.writeString(s, "schemaFormat: 1\nname: x\nversion: '1'\nvariables: [{name: a, kind: colour}]\n");
    Run r = run("schema", "show", s.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("variables[0].kind"), r.err());
  }
}
