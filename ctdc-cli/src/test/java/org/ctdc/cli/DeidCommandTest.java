package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidCommandTest {

  static Path copy(Path dir, String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = DeidCommandTest.class.getResourceAsStream("/deid/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "deid";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theSevenRecordExampleIsGeneralisedAndTheIdentifierDropped(@TempDir Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      copy(dir, f);
    }
    Path out = dir.resolve("release.csv");
    Path report = dir.resolve("report.json");
    Run r = run("--config", dir.resolve("deid.yaml").toString(), "--in", dir.resolve("seven.csv").toString(),
        "--out", out.toString(), "--report", report.toString());
    assertEquals(Main.OK, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals("age,gender,zipcode", lines.get(0));
    assertEquals("*,male,81***", lines.get(1));
    assertEquals(8, lines.size());
    assertFalse(Files.readString(out).contains("P0"), "the identifier is dropped");
    JsonNode j = new ObjectMapper().readTree(report.toFile());
    assertEquals(3, j.get("layout").asInt());
    assertEquals(2, j.get("result").get("levels").get("age").asInt());
    assertEquals(0, j.get("result").get("levels").get("gender").asInt());
    assertEquals(3, j.get("result").get("levels").get("zipcode").asInt());
    assertEquals(0, j.get("result").get("recordsSuppressed").asInt());
    assertEquals(36, j.get("search").get("latticeSize").asInt());
    assertEquals("name", j.get("configuration").get("droppedVariables").get(0).asText());
    assertTrue(r.out().contains("7 of 7 records released"), r.out());
  }

  @Test
  void theReleaseIsNeverWrittenOverAHierarchyTheConfigurationNames(@TempDir Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      copy(dir, f);
    }
    Path hierarchy = dir.resolve("zipcode.csv");
    byte[] before = Files.readAllBytes(hierarchy);
    Run r = run("--config", dir.resolve("deid.yaml").toString(), "--in", dir.resolve("seven.csv").toString(),
        "--out", hierarchy.toString());
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().contains("--out names the same file as a file the configuration names (zipcode.csv)"), r.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(hierarchy)), "the hierarchy is untouched");
  }

  @Test
  void anUnknownConfigurationKeyIsNamed(@TempDir Path dir) throws Exception {
    copy(dir, "seven.csv");
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "quasiIdentifiers: []\nmodelz: []\n");
    Run r = run("--config", cfg.toString(), "--in", dir.resolve("seven.csv").toString(), "--out",
        dir.resolve("o.csv").toString());
    assertTrue(r.code() != Main.OK);
    assertTrue(r.err().contains("modelz"), r.err());
  }

  @Test
  void quietPrintsOnlyTheSummaryLineButStillWritesTheRelease(@TempDir Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      copy(dir, f);
    }
    Path out = dir.resolve("release.csv");
    Run r = run("--quiet", "--config", dir.resolve("deid.yaml").toString(), "--in", dir.resolve("seven.csv").toString(),
        "--out", out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    // issue 16: -q prints the summary line, as on every command
    assertEquals(1, r.out().lines().count(), r.out());
    assertTrue(r.out().startsWith(out + ": "), r.out());
    assertEquals(8, Files.readAllLines(out).size());
  }

  @Test
  void anUnsatisfiableModelExitsWithCodeThreeAndOneLine(@TempDir Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      copy(dir, f);
    }
    Path cfg = dir.resolve("deid.yaml");
    Files.writeString(cfg, Files.readString(cfg).replace("k: 3", "k: 8"));
    Path out = dir.resolve("release.csv");
    Run r = run("--config", cfg.toString(), "--in", dir.resolve("seven.csv").toString(), "--out", out.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(Main.UNSATISFIABLE, r.code());
    assertTrue(r.err().startsWith("ctdc: no generalisation"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(out), "no release is written");
  }

  @Test
  void localSuppressionFromTheConfigurationKeepsEveryRecordAndReportsRisk(@TempDir Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      copy(dir, f);
    }
    Path cfg = dir.resolve("deid.yaml");
    Files.writeString(cfg, Files.readString(cfg) + "localSuppression: alone\n");
    Path out = dir.resolve("release.csv");
    Path report = dir.resolve("report.json");
    Run r = run("--config", cfg.toString(), "--in", dir.resolve("seven.csv").toString(), "--out", out.toString(),
        "--report", report.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(8, Files.readAllLines(out).size(), "header and all seven records");
    JsonNode j = new ObjectMapper().readTree(report.toFile());
    assertEquals("ALONE", j.get("configuration").get("localSuppression").asText());
    assertTrue(j.get("result").get("totalCellsSuppressed").asInt() > 0);
    assertEquals(7, j.get("risk").get("before").get("sampleUniques").asInt());
    assertEquals(0, j.get("risk").get("after").get("sampleUniques").asInt());
    assertTrue(r.out().contains("local suppression:") && r.out().contains("risk before -> after"), r.out());
  }
}
