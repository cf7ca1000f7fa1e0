package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlignCommandTest {

  record Result(int code, String out, String err) {}

  static Result align(String... args) {
    CommandLine cl = new CommandLine(new AlignCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void alignsABundledSampleWithABundledSpec(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("hotline.csv");
    try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      PartnerSamples.writeCsv(PartnerSamples.Profile.HOTLINE, 250, 1, w);
    }
    Path out = dir.resolve("aligned.csv");
    Path rep = dir.resolve("report.json");
    Result r = align("--spec", "hotline-to-kanon-2020", "--in", in.toString(), "--out", out.toString(),
        "--report", rep.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("250 rows read, 250 aligned, 0 rejected"), r.out());
    assertTrue(DatasetCsv.validate(out, Schemas.load("ctdc-global-kanon", "2020"), DatasetCsv.CsvOptions.defaults())
        .isValid());
    JsonNode json = new ObjectMapper().readTree(rep.toFile());
    assertEquals(1, json.get("reportFormat").asInt());
    assertEquals(250, json.get("counts").get("rowsAligned").asInt());
  }

  @Test
  void rejectedRowsGiveExitCodeOneAndASpecFileWorks(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("spec.yaml");
    StringBuilder y = new StringBuilder(
        "alignmentFormat: 1\nname: tiny\ntarget: {schema: ctdc-victim-perpetrator, version: \"2022\"}\nrules:\n"
            + "  - {target: gender, column: sex, map: {F: Female, M: Male}}\n");
    for (var v : Schemas.load("ctdc-victim-perpetrator", "2022").variables()) {
      if (!v.name().equals("gender")) {
        y.append("  - {target: ").append(v.name()).append(", notCollected: true}\n");
      }
    }
    Files.writeString(spec, y);
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"sex\":\"F\",\"name\":\"Secret Person\"}\n{\"sex\":\"Q\"}\n{\"sex\":\"M\"}\n");
    Path rep = dir.resolve("r.json");
    Result r = align("--spec", spec.toString(), "--in", in.toString(), "--out", dir.resolve("o.csv").toString(),
        "--report", rep.toString());
    assertEquals(Main.INVALID, r.code(), r.err());
    assertTrue(r.out().contains("3 rows read, 2 aligned, 1 rejected"), r.out());
    assertTrue(r.out().contains("unmapped-value (column sex, target gender) rows [2]"), r.out());
    String json = Files.readString(rep);
    assertTrue(json.contains("\"droppedColumns\" : [ \"name\" ]"), json);
    assertTrue(!json.contains("Secret") && !r.out().contains("Secret"));
  }

  @Test
  void anUnknownSpecFails(@TempDir Path dir) {
    Result r = align("--spec", "no-such-spec", "--in", dir.resolve("x.csv").toString(), "--out",
        dir.resolve("o.csv").toString(), "--report", dir.resolve("r.json").toString());
    assertNotEquals(Main.OK, r.code());
  }
}
