package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ctdc.schema.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the command line: a raised signal, injected through {@link Main}'s package-private seam as the
 * shutdown hook would raise it, stops the align, deid, tables, audit and demo commands with exit code {@link
 * Main#CANCELLED}, one line on standard error, and no output file.
 */
class CancellationTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(Cancellation signal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), signal);
    return new Run(code, out.toString(), err.toString());
  }

  private static Cancellation raised() {
    Cancellation c = Cancellation.create();
    c.cancel();
    return c;
  }

  private Path copy(String resource, String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, p);
    }
    return p;
  }

  private static List<Path> filesUnder(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void theCancelledExitCodeIsTheShellConventionForSigint() {
    assertEquals(130, Main.CANCELLED);
  }

  @Test
  void aCancelledAlignExitsWith130AndWritesNeitherAlignedFileNorReport() throws Exception {
    Path in = dir.resolve("hotline.csv");
    try (java.io.Writer w = Files.newBufferedWriter(in)) {
      org.ctdc.samples.PartnerSamples.writeCsv(org.ctdc.samples.PartnerSamples.Profile.HOTLINE, 50, 3, w);
    }
    Path out = dir.resolve("aligned.csv");
    Path report = dir.resolve("report.json");
    Run r = run(raised(), "align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(), "--out",
        out.toString(), "--report", report.toString());
    assertEquals(Main.CANCELLED, r.code(), r.err());
    assertEquals("ctdc: alignment cancelled; no output written" + System.lineSeparator(), r.err());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(report));
    Run ok = run(Cancellation.create(), "align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(),
        "--out", out.toString(), "--report", report.toString());
    assertEquals(Main.OK, ok.code(), ok.err());
    assertTrue(Files.exists(out) && Files.exists(report));
  }

  @Test
  void aCancelledDeidExitsWith130AndWritesNeitherReleaseNorReport() throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      DeidCommandTest.copy(dir, f);
    }
    Path out = dir.resolve("release.csv");
    Path report = dir.resolve("report.json");
    Run r = run(raised(), "deid", "--config", dir.resolve("deid.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", out.toString(), "--report", report.toString());
    assertEquals(Main.CANCELLED, r.code(), r.err());
    assertEquals("ctdc: de-identification cancelled; no output written" + System.lineSeparator(), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(report));
    try (Stream<Path> s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> org.ctdc.schema.AtomicFiles.isTemporary(p.getFileName().toString())),
          "no temporary file left");
    }
  }

  @Test
  void theSameDeidWithoutASignalStillWritesItsRelease() throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      DeidCommandTest.copy(dir, f);
    }
    Path out = dir.resolve("release.csv");
    Run r = run(Cancellation.create(), "deid", "--quiet", "--config", dir.resolve("deid.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(Files.exists(out));
  }

  @Test
  void aCancelledTablesRunExitsWith130AndLeavesNoTable() throws Exception {
    Path cfg = copy("/org/ctdc/cli/tables/vp-tables.yaml", "t.yaml");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    Path out = dir.resolve("out");
    Run r = run(raised(), "tables", "--config", cfg.toString(), "--in", csv.toString(), "--out", out.toString());
    assertEquals(Main.CANCELLED, r.code(), r.err());
    assertEquals("ctdc: secondary suppression cancelled; no output written" + System.lineSeparator(), r.err());
    assertEquals(List.of(), filesUnder(out));
  }

  @Test
  void aCancelledAuditExitsWith130() throws Exception {
    Path cfg = copy("/org/ctdc/cli/tables/vp-tables.yaml", "t.yaml");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    Path out = dir.resolve("out");
    Run tables = run(Cancellation.none(), "tables", "--quiet", "--config", cfg.toString(), "--in", csv.toString(),
        "--out", out.toString());
    assertEquals(Main.OK, tables.code(), tables.err());
    Run r = run(raised(), "audit", "--table", out.resolve("region_gender_age.csv").toString(), "--definition",
        out.resolve("region_gender_age.table.json").toString());
    assertEquals(Main.CANCELLED, r.code(), r.err());
    assertEquals("ctdc: table audit cancelled; no output written" + System.lineSeparator(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aCancelledDemoExitsWith130AndLeavesNoFile() throws Exception {
    Path out = dir.resolve("demo");
    Run r = run(raised(), "demo", "--rows", "200", "--out", out.toString());
    assertEquals(Main.CANCELLED, r.code(), r.err());
    assertEquals("ctdc: demo cancelled; no output written" + System.lineSeparator(), r.err());
    assertEquals(List.of(), filesUnder(out));
  }

  @Test
  void discardingOutputsDeletesEveryFileTheRunWrote() throws Exception {
    Outputs outputs = new Outputs(dir.resolve("o"));
    outputs.writeString("a.txt", "a");
    outputs.writeString("sub/b.txt", "b");
    Path staging = outputs.stage();
    Files.writeString(staging.resolve("c.csv"), "c");
    outputs.moveIn(staging, "tables");
    assertEquals(3, filesUnder(dir.resolve("o")).size());
    outputs.discard();
    assertEquals(List.of(), filesUnder(dir.resolve("o")));
    assertEquals(List.of(), outputs.written());
  }

  @Test
  void progressShowsTheLibrarysStageAfterTheStepAndIsSilentWithoutATerminal() {
    assertEquals("de-identifying: searching 1200/4096", Progress.message("de-identifying", "searching", 1200, 4096));
    assertEquals("aligning: reading 5000", Progress.message("aligning", "reading", 5000, -1));
    assertEquals("auditing 3/8", Progress.message("", "auditing", 3, 8));
    try (Progress p = Progress.start("ctdc test", 1, true)) {
      assertFalse(p.isShown(), "quiet runs draw nothing");
      p.step("de-identifying");
      p.onProgress("searching", 1, 2);
    }
  }
}
