package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: {@code ctdc link match} reports the blocking's pair completeness without ground truth, in its summary
 * and in LINK-REPORT.json, the same for the same seed.
 */
class Issue18PairCompletenessCliTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private List<String> encoded(Path cfg) throws Exception {
    LinkageSamples.Linkage l = LinkageSamples.generate(5, 2, 600, 0.5, LinkageSamples.Corruption.defaults());
    Path key = dir.resolve("KEY");
    Files.writeString(key, Issue18LinkCliTest.KEY);
    List<String> clks = new ArrayList<>();
    for (LinkageSamples.Extract x : l.extracts()) {
      Path csv = dir.resolve(x.name() + ".csv");
      Files.writeString(csv, x.csv());
      Path clk = dir.resolve(x.name() + ".clk.csv");
      assertEquals(0, run("link", "encode", "--config", cfg.toString(), "--key-file", key.toString(), "--in", csv.toString(),
          "--out", clk.toString()), err::toString);
      clks.add(clk.toString());
    }
    return clks;
  }

  @Test
  void issue18PairCompleteness_matchReportsTheTheoryAndTheMeasuredShare() throws Exception {
    Path cfg = dir.resolve("link.yaml");
    Files.writeString(cfg, Issue18LinkCliTest.CONFIG);
    List<String> clks = encoded(cfg);
    List<String> reports = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path report = dir.resolve("LINK-REPORT-" + i + ".json");
      out.getBuffer().setLength(0);
      assertEquals(0, run("link", "match", "--config", cfg.toString(), "--in", clks.get(0), "--in", clks.get(1), "--out",
          dir.resolve("M" + i + ".csv").toString(), "--report", report.toString(), "--completeness-sample", "250",
          "--completeness-seed", "9"), err::toString);
      reports.add(Files.readString(report));
    }
    assertEquals(reports.get(0), reports.get(1), "the same seed gives the same report");
    JsonNode pc = new ObjectMapper().readTree(reports.get(0)).at("/match/blocking/pairCompleteness");
    assertEquals(250, pc.at("/measured/sampledRecords").asLong());
    assertEquals(9, pc.at("/measured/seed").asLong());
    long pairs = pc.at("/measured/pairsAtThreshold").asLong();
    assertTrue(pairs > 50 && pc.at("/measured/candidates").asLong() <= pairs, pc::toString);
    assertEquals(0.5, pc.at("/fill").asDouble(), 1e-9);
    assertEquals(6, pc.at("/theoretical").size());
    assertEquals(0.82, pc.at("/theoretical/3/similarity").asDouble(), 1e-9);
    assertEquals(1 - Math.pow(1 - Math.pow(0.82, 18), 256), pc.at("/theoretical/3/probability").asDouble(), 1e-6);
    String shown = out.toString();
    assertTrue(shown.contains("blocking 256 bands x 18 bits") && shown.contains("0.82") && shown.contains("measured pair completeness")
        && shown.contains("of " + pairs + " pairs at or above the threshold among 250 sampled records (seed 9)"), shown);
  }

  @Test
  void issue18PairCompleteness_aSampleOutOfRangeIsAUsageError() throws Exception {
    Path cfg = dir.resolve("link.yaml");
    Files.writeString(cfg, Issue18LinkCliTest.CONFIG);
    assertEquals(Main.USAGE, run("link", "match", "--config", cfg.toString(), "--in", "a.clk.csv", "--in", "b.clk.csv",
        "--out", dir.resolve("m.csv").toString(), "--report", dir.resolve("r.json").toString(), "--completeness-sample", "-1"));
    assertTrue(err.toString().contains("--completeness-sample") && !err.toString().contains("\tat "), err::toString);
  }
}
