package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.Cancellation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: a Ctrl-C or SIGTERM that arrives while outputs are moved into place leaves all outputs and exit 0,
 * or none and exit 130 (SIGINT) / 143 (SIGTERM). The commit hook of {@link Outputs} raises the signal, as the
 * signal handler of {@link Main} would, at each step: after the files are staged (before the decision to
 * commit), before the first move, between moves, and after the last.
 */
class Issue14CommitTest {
  @TempDir Path dir;

  @AfterEach
  void resetHook() {
    Outputs.hook = (step, moved, c) -> { };
  }

  record Run(int code, String out, String err) {}

  /** Runs the command line; the signal (2 or 15) is raised at the given step of the commit. */
  private static Run run(Outputs.Step at, int moved, int signal, String... args) {
    Main.Stop stop = new Main.Stop(Cancellation.create());
    int[] raised = {0};
    Outputs.hook = (step, n, c) -> {
      if (step == at && n == moved) {
        stop.raise(signal);
        raised[0]++;
      }
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), stop);
    assertEquals(1, raised[0], "the hook raised the signal once at " + at + " " + moved);
    return new Run(code, out.toString(), err.toString());
  }

  private List<String> files(Path folder) throws Exception {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(p -> !Files.isDirectory(p) || AtomicFiles.isTemporary(p.getFileName().toString()))
          .map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  private String[] deid(Path out, Path report) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      DeidCommandTest.copy(dir, f);
    }
    return new String[] {"deid", "--quiet", "--config", dir.resolve("deid.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", out.toString(), "--report", report.toString()};
  }

  @ParameterizedTest(name = "signal {2} at {0} {1}")
  @CsvSource({"STAGED, 0, 15, 143", "STAGED, 0, 2, 130", "BEFORE_MOVE, 0, 15, 0", "BEFORE_MOVE, 1, 15, 0",
      "AFTER_LAST_MOVE, 2, 2, 0"})
  void issue14_deidWritesBothFilesAndExits0OrNeitherAndExits130Or143(Outputs.Step at, int moved, int signal,
      int expected) throws Exception {
    Path outDir = Files.createDirectory(dir.resolve("out"));
    Path release = outDir.resolve("release.csv");
    Path report = outDir.resolve("report.json");
    Run r = run(at, moved, signal, deid(release, report));
    assertEquals(expected, r.code(), r.err());
    if (expected == 0) {
      assertEquals(List.of("release.csv", "report.json"), files(outDir));
      assertEquals("", r.err());
    } else {
      assertEquals(List.of(), files(outDir), "no output and no temporary file");
      assertEquals("ctdc: writing the outputs cancelled; no output written" + System.lineSeparator(), r.err());
    }
  }

  @ParameterizedTest(name = "signal {2} at {0} {1}")
  @CsvSource({"STAGED, 0, 15, 143", "BEFORE_MOVE, 1, 2, 0"})
  void issue14_alignWritesBothFilesOrNeither(Outputs.Step at, int moved, int signal, int expected) throws Exception {
    Path in = dir.resolve("hotline.csv");
    try (Writer w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      PartnerSamples.writeCsv(PartnerSamples.Profile.HOTLINE, 40, 3, w);
    }
    Path outDir = Files.createDirectory(dir.resolve("out"));
    Run r = run(at, moved, signal, "align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(), "--out",
        outDir.resolve("aligned.csv").toString(), "--report", outDir.resolve("report.json").toString());
    assertEquals(expected, r.code(), r.err());
    assertEquals(expected == 0 ? List.of("aligned.csv", "report.json") : List.of(), files(outDir));
  }

  private Path copy(String resource, String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, p);
    }
    return p;
  }

  @ParameterizedTest(name = "signal {2} at {0} {1}")
  @CsvSource({"STAGED, 0, 15, 143", "STAGED, 0, 2, 130", "BEFORE_MOVE, 0, 2, 0", "BEFORE_MOVE, 3, 15, 0"})
  void issue14_tablesMovesEveryTableInOrNone(Outputs.Step at, int moved, int signal, int expected) throws Exception {
    Path cfg = copy("/org/ctdc/cli/tables/vp-tables.yaml", "t.yaml");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    Path out = dir.resolve("tables");
    Run r = run(at, moved, signal, "tables", "--quiet", "--config", cfg.toString(), "--in", csv.toString(),
        "--out", out.toString());
    assertEquals(expected, r.code(), r.err());
    List<String> written = files(out);
    if (expected == 0) {
      assertTrue(written.contains("tables-report.txt") && written.size() > 4, written.toString());
      assertTrue(written.stream().noneMatch(n -> AtomicFiles.isTemporary(Path.of(n).getFileName().toString())),
          written.toString());
    } else {
      assertEquals(List.of(), written);
    }
  }

  @Test
  void issue14_aSignalBeforeTheDemoCommitsLeavesNoFileAndExits143() throws Exception {
    Path out = dir.resolve("demo");
    Run r = run(Outputs.Step.STAGED, 0, 15, "demo", "--quiet", "--rows", "200", "--out", out.toString());
    assertEquals(Main.TERMINATED, r.code(), r.err());
    assertEquals(List.of(), files(out).stream().filter(f -> !Files.isDirectory(out.resolve(f))).toList());
  }

  @Test
  void issue14_aSignalAfterTheCommitIsIgnored() {
    Main.Stop stop = new Main.Stop(Cancellation.create());
    assertTrue(stop.cancellation().commit());
    assertFalse(stop.raise(15));
    assertFalse(stop.cancellation().isCancelled());
    Main.Stop early = new Main.Stop(Cancellation.create());
    assertTrue(early.raise(15));
    assertTrue(early.raise(2));
    assertEquals(Main.TERMINATED, early.exitCode(), "the first signal decides the exit code");
    assertFalse(early.cancellation().commit());
  }

  @Test
  void issue14_aDiskFullDuringASetOfOutputsNamesTheFileAndLeavesNone() throws Exception {
    Path a = dir.resolve("release.csv");
    Path b = dir.resolve("report.json");
    org.ctdc.schema.CtdcException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.ctdc.schema.CtdcException.class, () -> Outputs.writeAll(Cancellation.create(), List.of(
            new Outputs.Pending(a, w -> w.write("complete")),
            new Outputs.Pending(b, w -> {
              throw new java.io.IOException("No space left on device");
            }))));
    assertEquals(b + ": cannot be written: no space left on device; not written: " + a + ", " + b, e.getMessage());
    assertEquals(List.of(), files(dir));
  }

  @Test
  void issue14_aDeviceIsNeverReplacedByAnOutput() throws Exception {
    Path devNull = Path.of("/dev/null");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));
    Path tmp = Files.createTempFile(dir, "x", "");
    org.ctdc.schema.CtdcException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.ctdc.schema.CtdcException.class, () -> AtomicFiles.move(tmp, devNull));
    assertEquals("/dev/null: cannot be written: it is not a regular file", e.getMessage());
    assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
  }
}
