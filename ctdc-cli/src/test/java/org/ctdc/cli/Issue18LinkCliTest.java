package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: {@code ctdc link encode} and {@code ctdc link match} end to end on the generator's extracts; the key,
 * the names and the dates never reach standard output, standard error, the report or the matches.
 */
class Issue18LinkCliTest {

  static final String KEY = "CANARY-KEY-7d1f0c9b-never-printed";
  static final String CONFIG = """
      id: record_id
      encoding: {bits: 1024, hardening: balance}
      fields:
        - {name: given, column: given_name, kind: name, weight: 6, group: name}
        - {name: family, column: family_name, kind: name, weight: 6, group: name}
        - {name: dob, column: date_of_birth, kind: date, order: dmy, weight: 20}
        - {name: sex, column: sex, kind: code, weight: 4}
      match: {threshold: 0.82, blocking: {bands: 256, bitsPerBand: 18}}
      """;

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void issue18_encodeBothPartnersThenMatchFindsTheOverlapAndLeaksNothing() throws Exception {
    LinkageSamples.Linkage l = LinkageSamples.generate(42, 2, 1200, 0.5, LinkageSamples.Corruption.defaults());
    Path cfg = dir.resolve("link.yaml");
    Files.writeString(cfg, CONFIG);
    Path key = dir.resolve("KEY");
    Files.writeString(key, KEY + "\n");
    Set<String> values = new HashSet<>();
    List<Path> clks = new ArrayList<>();
    for (LinkageSamples.Extract x : l.extracts()) {
      Path csv = dir.resolve(x.name() + ".csv");
      Files.writeString(csv, x.csv());
      for (String line : x.csv().split("\n")) {
        String[] f = line.split(",", -1);
        for (int i = 1; i < 4; i++) {
          if (f[i].length() >= 4 && (f[i].chars().anyMatch(Character::isLetter) || f[i].length() >= 8)) {
            values.add(f[i]);
          }
        }
      }
      Path clk = dir.resolve(x.name() + ".clk.csv");
      assertEquals(0, run("link", "encode", "--config", cfg.toString(), "--key-file", key.toString(), "--in", csv.toString(),
          "--out", clk.toString()), err::toString);
      List<String> lines = Files.readAllLines(clk);
      assertEquals("id,clk", lines.get(0));
      assertEquals(x.rows() + 1, lines.size());
      assertFalse(Files.readString(clk).contains(KEY));
      clks.add(clk);
    }
    Path matches = dir.resolve("MATCHES.csv");
    Path report = dir.resolve("LINK-REPORT.json");
    assertEquals(0, run("link", "match", "--config", cfg.toString(), "--in", clks.get(0).toString(), "--in", clks.get(1).toString(),
        "--out", matches.toString(), "--report", report.toString()), err::toString);
    List<String> m = Files.readAllLines(matches);
    assertEquals("source_a,id_a,source_b,id_b,similarity", m.get(0));
    Set<String> truth = new HashSet<>();
    for (LinkageSamples.TruePair p : l.truth()) {
      truth.add(p.idA() + "," + p.idB());
    }
    long right = m.stream().skip(1).filter(line -> {
      String[] f = line.split(",");
      assertEquals("partner-a", f[0]);
      assertEquals("partner-b", f[2]);
      return truth.contains(f[1] + "," + f[3]);
    }).count();
    assertTrue(right >= 0.9 * truth.size(), right + " of " + truth.size());
    assertTrue(right >= 0.95 * (m.size() - 1), right + " of " + (m.size() - 1) + " found");
    JsonNode rep = new ObjectMapper().readTree(Files.readString(report));
    assertEquals(m.size() - 1, rep.at("/overlap/0/matched").asLong());
    assertTrue(out.toString().contains("partner-a (" + l.extracts().get(0).rows() + " records) ~ partner-b"), out::toString);
    String shown = out + "\n" + err + "\n" + Files.readString(report) + "\n" + Files.readString(matches);
    assertFalse(shown.contains(KEY));
    for (String v : values) {
      assertFalse(Files.readString(report).contains(v) || out.toString().contains(v) || err.toString().contains(v), v);
    }
  }

  @Test
  void issue18_aBadKeyFileNeverEchoesTheKey() throws Exception {
    Path cfg = dir.resolve("link.yaml");
    Files.writeString(cfg, CONFIG);
    Path key = dir.resolve("KEY");
    Files.writeString(key, "CANARY-short\n");
    Path csv = dir.resolve("a.csv");
    Files.writeString(csv, "record_id,given_name,family_name,date_of_birth,sex\nA1,CANARY-name,X,,\n");
    Path clk = dir.resolve("a.clk.csv");
    assertEquals(Main.INVALID, run("link", "encode", "--debug", "--config", cfg.toString(), "--key-file", key.toString(), "--in",
        csv.toString(), "--out", clk.toString()));
    assertTrue(err.toString().contains("KEY: the key is shorter than 16 bytes"), err::toString);
    assertFalse((out + "" + err).contains("CANARY"), err::toString);
    assertFalse(Files.exists(clk));
    // a key read, a data error: neither the key nor the value is echoed
    Files.writeString(key, KEY);
    Files.writeString(csv, "record_id,given_name,family_name,date_of_birth\nA1,CANARY-name,X,\n");
    assertEquals(Main.INVALID, run("link", "encode", "--config", cfg.toString(), "--key-file", key.toString(), "--in",
        csv.toString(), "--out", clk.toString()));
    assertTrue(err.toString().contains("column 'sex': the configured column is absent"), err::toString);
    assertFalse((out + "" + err).contains("CANARY"), err::toString);
    assertEquals(Main.USAGE, run("link", "match", "--config", cfg.toString(), "--in", clk.toString(), "--out", "m.csv",
        "--report", "r.json"));
  }

  @Test
  void issue18_twoInputsWithTheSameBaseNameAreRefusedAndNothingIsWritten() throws Exception {
    Path cfg = dir.resolve("link.yaml");
    Files.writeString(cfg, CONFIG);
    Path key = dir.resolve("KEY");
    Files.writeString(key, KEY);
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "record_id,given_name,family_name,date_of_birth,sex\nA1,Ana,Lopez,01/02/1990,f\nA2,Ivan,Petrov,03/04/1985,m\n");
    Path a = Files.createDirectories(dir.resolve("a")).resolve("partner.clk.csv");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("partner.clk.csv");
    assertEquals(0, run("link", "encode", "--config", cfg.toString(), "--key-file", key.toString(), "--in", csv.toString(),
        "--out", a.toString()), err::toString);
    Files.copy(a, b);
    Path matches = dir.resolve("MATCHES.csv");
    Path report = dir.resolve("LINK-REPORT.json");
    int code = run("link", "match", "--config", cfg.toString(), "--in", a.toString(), "--in", b.toString(), "--out",
        matches.toString(), "--report", report.toString());
    assertEquals(Main.INVALID, code, err::toString);
    assertTrue(err.toString().contains("'partner': given twice"), err::toString);
    assertFalse(Files.exists(matches));
    assertFalse(Files.exists(report));
  }
}
