package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.samples.LinkageSamples;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: {@code ctdc merge} of aligned partner files, outside {@code demo}; with the matches of
 * {@code ctdc link match} each matched person is one row (rows line up with the encodings by position).
 */
class Issue18MergeCliTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  static Dataset aligned(Schema s, int rows, int year) {
    Dataset.Appender a = Dataset.appender(s);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < s.variables().size(); c++) {
        a.setMissing(c, MissingReason.UNKNOWN);
      }
      a.setInt(s.indexOf("yearOfRegistration"), year);
      a.endRow();
    }
    return a.build();
  }

  @Test
  void issue18_mergeWithMatchesCountsEachMatchedPersonOnce() throws Exception {
    Schema schema = Schemas.load("ctdc-global-kanon", "2020");
    LinkageSamples.Linkage l = LinkageSamples.generate(8, 2, 800, 0.5, LinkageSamples.Corruption.defaults());
    Path cfg = dir.resolve("link.yaml");
    Files.writeString(cfg, Issue18LinkCliTest.CONFIG);
    Path key = dir.resolve("KEY");
    Files.writeString(key, Issue18LinkCliTest.KEY);
    String[] names = {"partner-a", "partner-b"};
    int total = 0;
    for (int i = 0; i < 2; i++) {
      LinkageSamples.Extract x = l.extracts().get(i);
      Path csv = dir.resolve(names[i] + "-raw.csv");
      Files.writeString(csv, x.csv());
      assertEquals(0, run("link", "encode", "--config", cfg.toString(), "--key-file", key.toString(), "--in", csv.toString(),
          "--out", dir.resolve(names[i] + ".clk.csv").toString()), err::toString);
      DatasetCsv.write(aligned(schema, x.rows(), 2018 + i), dir.resolve(names[i] + ".csv"), CsvWriteOptions.defaults());
      total += x.rows();
    }
    Path matches = dir.resolve("MATCHES.csv");
    assertEquals(0, run("link", "match", "--config", cfg.toString(), "--in", dir.resolve("partner-a.clk.csv").toString(),
        "--in", dir.resolve("partner-b.clk.csv").toString(), "--out", matches.toString(), "--report",
        dir.resolve("LINK-REPORT.json").toString()), err::toString);
    long pairs = Files.readAllLines(matches).size() - 1;
    assertTrue(pairs > 100);
    Path merged = dir.resolve("MERGED.csv");
    Path report = dir.resolve("MERGE-REPORT.json");
    assertEquals(0, run("merge", "--schema", "ctdc-global-kanon@2020", "--in", dir.resolve("partner-a.csv").toString(),
        "--in", dir.resolve("partner-b.csv").toString(), "--matches", matches.toString(), "--config", cfg.toString(),
        "--clk", dir.resolve("partner-a.clk.csv").toString(), "--clk", dir.resolve("partner-b.clk.csv").toString(),
        "--out", merged.toString(), "--report", report.toString()), err::toString);
    assertEquals(total - pairs + 1, Files.readAllLines(merged).size(), "one header line, one row per person");
    JsonNode rep = new ObjectMapper().readTree(Files.readString(report));
    assertEquals(total, rep.get("rowsIn").asLong());
    assertEquals(total - pairs, rep.get("rowsOut").asLong());
    assertEquals(pairs, rep.at("/conflicts/yearOfRegistration").asLong(), "the two partners' years differ");
    // without matches: plain pooling with provenance
    assertEquals(0, run("merge", "--schema", "ctdc-global-kanon@2020", "--in", dir.resolve("partner-a.csv").toString(),
        "--in", dir.resolve("partner-b.csv").toString(), "--out", merged.toString()), err::toString);
    assertEquals(total + 1, Files.readAllLines(merged).size());
    // matches without the encodings: a usage error
    assertEquals(Main.USAGE, run("merge", "--schema", "ctdc-global-kanon@2020", "--in", dir.resolve("partner-a.csv").toString(),
        "--matches", matches.toString(), "--out", merged.toString()));
  }

  @Test
  void issue16_mergeRefusesAnOutputOverItsConfigurationLikeEveryFileCommand() throws Exception {
    Path cfg = Files.writeString(dir.resolve("link.yaml"), Issue18LinkCliTest.CONFIG);
    assertEquals(Main.USAGE, run("merge", "--schema", "ctdc-global-kanon@2020", "--in", dir.resolve("a.csv").toString(),
        "--matches", dir.resolve("m.csv").toString(), "--config", cfg.toString(), "--clk",
        dir.resolve("a.clk.csv").toString(), "--out", dir.resolve("merged.csv").toString(), "--report", cfg.toString()));
    assertTrue(err.toString().startsWith("ctdc: --report names the same file as --config; write it elsewhere"),
        err::toString);
    assertEquals(Issue18LinkCliTest.CONFIG, Files.readString(cfg), "the configuration is left as it was");
  }
}
