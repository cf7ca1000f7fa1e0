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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctdc risk} through {@link Main#run}. */
class RiskCommandTest {

  @Test
  void measuresTheBundledReleaseWithoutChangingIt(@TempDir Path dir) throws Exception {
    Path in = CliTest.sample(dir);
    byte[] before = Files.readAllBytes(in);
    Path report = dir.resolve("risk.json");
    CliTest.Run r = CliTest.run("risk", "--in", in.toString(), "--schema", "ctdc-victim-perpetrator@2022",
        "--qi", "gender,majorityStatus,UN_COO_Region,yearRegister", "--report", report.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("vp.csv: 21195 rows"), r.out());
    assertTrue(r.out().contains("classes by size"), r.out());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)), "the input is unchanged");
    JsonNode j = new ObjectMapper().readTree(report.toFile());
    assertEquals(21195, j.path("rows").asInt());
    j.path("classSizeHistogram").fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      assertTrue(v.isTextual() ? v.asText().equals("<11") : v.asLong() >= 11, e.getKey() + "=" + v);
    });
  }

  @Test
  void aHigherThresholdCountsMoreRecordsInSmallClasses(@TempDir Path dir) throws Exception {
    Path in = CliTest.sample(dir);
    CliTest.Run k2 = CliTest.run("risk", "-q", "--in", in.toString(), "--schema", "ctdc-victim-perpetrator",
        "--qi", "gender,majorityStatus,UN_COO_Region,yearRegister", "--threshold", "2");
    CliTest.Run k50 = CliTest.run("risk", "-q", "--in", in.toString(), "--schema", "ctdc-victim-perpetrator",
        "--qi", "gender,majorityStatus,UN_COO_Region,yearRegister", "--threshold", "50");
    assertEquals(0, k2.code());
    assertEquals(0, k50.code());
    assertEquals(1, k2.out().lines().count());
    assertFalse(k2.out().equals(k50.out()), k2.out() + k50.out());
  }

  @Test
  void anInvalidFileExitsOne(@TempDir Path dir) throws Exception {
    Path p = CliTest.sample(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    lines.set(3, lines.get(3).replaceFirst(",(Female|Male|),", ",CANARY-risk7,"));
    Files.write(p, lines, StandardCharsets.UTF_8);
    CliTest.Run r = CliTest.run("risk", "--in", p.toString(), "--schema", "ctdc-victim-perpetrator", "--qi", "gender");
    assertEquals(Main.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("row 3:column gender"), r.out());
    assertFalse((r.out() + r.err()).contains("CANARY-risk7"));
  }

  @Test
  void anUnknownQuasiIdentifierIsAUsageError(@TempDir Path dir) throws Exception {
    CliTest.Run r = CliTest.run("risk", "--in", CliTest.sample(dir).toString(), "--schema", "ctdc-victim-perpetrator",
        "--qi", "gender,shoeSize");
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("shoeSize"), r.err());
    assertEquals(Main.USAGE, CliTest.run("risk", "--in", "x.csv", "--schema", "ctdc-victim-perpetrator").code());
  }
}
