package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: {@code ctdc deid} and {@code ctdc demo} report the information kept per quasi-identifier (the
 * level's name and the share of distinct values kept) in their summaries, JSON reports and report.html.
 */
class Issue15InformationKeptCliTest {

  @Test
  void issue15_deidPrintsAndWritesTheInformationKept(@TempDir Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      DeidCommandTest.copy(dir, f);
    }
    Path report = dir.resolve("report.json");
    DeidCommandTest.Run r = DeidCommandTest.run("--config", dir.resolve("deid.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", dir.resolve("release.csv").toString(), "--report",
        report.toString());
    assertEquals(Main.OK, r.code(), r.err());
    // node (2, 0, 3) of the seven-record example: 4 ages to *, both genders kept, 4 zipcodes to one
    assertTrue(r.out().contains("information kept: age: level 2 of 2, 4 -> 1 distinct values (25 %); "
        + "gender: level 0 of 1, 2 -> 2 distinct values (100 %); "
        + "zipcode: level 3 of 5, 4 -> 1 distinct values (25 %)"), r.out());
    JsonNode kept = new ObjectMapper().readTree(report.toFile()).get("result").get("informationKept");
    assertEquals(3, kept.size());
    assertEquals(0.25, kept.get(0).get("distinctShareKept").asDouble(), 1e-12);
    assertTrue(kept.get(0).get("atTop").asBoolean());
  }

  @Test
  void issue15_theDemoReportsLevelNamesAndSharesKept(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo-out");
    CliTest.Run run = CliTest.run("demo", "--rows", "600", "--out", out.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("  information kept: yearOfRegistration: "), run.out());
    JsonNode vars = new ObjectMapper().readTree(out.resolve("deid-report.json").toFile()).get("variables");
    JsonNode year = vars.get(0);
    assertEquals("yearOfRegistration", year.get("name").asText());
    List<String> yearLevels = List.of("year", "CTDC period", "periods of 5+ years", "periods of 10+ years", "*");
    assertEquals(yearLevels.get(year.get("level").asInt()), year.get("levelName").asText());
    for (JsonNode v : vars) {
      assertTrue(v.get("distinctReleased").asLong() <= v.get("distinctInput").asLong(), v.toString());
      assertTrue(v.has("distinctShareKept") && v.has("atTop"), v.toString());
    }
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("Distinct values kept"), "report.html charts the shares kept");
  }
}
