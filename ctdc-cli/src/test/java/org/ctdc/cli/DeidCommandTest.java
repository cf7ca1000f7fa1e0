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
import picocli.CommandLine;

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
    CommandLine cl = new CommandLine(new DeidCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
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
    assertEquals(2, j.get("layout").asInt());
    assertEquals(2, j.get("result").get("levels").get("age").asInt());
    assertEquals(0, j.get("result").get("levels").get("gender").asInt());
    assertEquals(3, j.get("result").get("levels").get("zipcode").asInt());
    assertEquals(0, j.get("result").get("recordsSuppressed").asInt());
    assertEquals(36, j.get("search").get("latticeSize").asInt());
    assertEquals("name", j.get("configuration").get("droppedVariables").get(0).asText());
    assertTrue(r.out().contains("7 of 7 records released"), r.out());
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
}
