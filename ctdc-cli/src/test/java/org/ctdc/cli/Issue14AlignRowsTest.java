package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ctdc.samples.PartnerSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "every row counted, no partial output that looks complete", at the command line: a partner file
 * that cannot be read to its end makes {@code align} write nothing and exit 4 (never 1, "rows rejected"),
 * with one line saying where reading stopped and how many rows were read before it; {@code validate} the
 * same; strict mode, which stops at its first rejected row, writes nothing either.
 */
class Issue14AlignRowsTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run ctdc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** A 1,000-row hotline extract; the line of data row {@code row} starts with a quote that never closes. */
  private Path hotlineWithUnclosedQuoteAt(int row) throws IOException {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(PartnerSamples.Profile.HOTLINE, 1000, 4, w);
    List<String> lines = new ArrayList<>(List.of(w.toString().split("\n")));
    assertEquals(1001, lines.size());
    lines.set(row, "\"" + lines.get(row));
    return Files.writeString(dir.resolve("hotline.csv"), String.join("\n", lines) + "\n");
  }

  private List<Path> outputs() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith("hotline")).toList();
    }
  }

  @Test
  void issue14_anUnclosedQuoteAtRow6Of1000WritesNothingAndExits4() throws IOException {
    Path in = hotlineWithUnclosedQuoteAt(6);
    Path out = dir.resolve("aligned.csv");
    Path report = dir.resolve("report.json");
    Run r = ctdc("align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(), "--out", out.toString(),
        "--report", report.toString());
    assertEquals(StoppedInput.EXIT, r.code(), r.err());
    assertEquals(4, StoppedInput.EXIT);
    assertEquals(List.of(), outputs(), "no output at all");
    assertEquals("", r.out(), "no summary that could pass for a finished run");
    String err = r.err().strip();
    assertFalse(err.contains("\n"), "one line: " + err);
    assertTrue(err.startsWith("ctdc: hotline.csv: row 6: malformed CSV (such as an unclosed or stray quote); "
        + "reading stopped there: 5 rows read before it ("), err);
    assertTrue(err.contains("row 6 and the rest of the file not read; not written: " + out + ", " + report), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
  }

  @Test
  void issue14_validateOfAFileItCannotReadToItsEndExits4() throws IOException {
    String header = String.join(",", org.ctdc.schema.Schemas.load("ctdc-victim-perpetrator", "2022").variables()
        .stream().map(org.ctdc.schema.Variable::name).toList());
    Path in = Files.writeString(dir.resolve("hotline-release.csv"),
        header + "\nFemale,Male\n\"Female,Male\nMale,Female\n");
    Run r = ctdc("validate", "--schema", "ctdc-victim-perpetrator@2022", "--in", in.toString());
    assertEquals(StoppedInput.EXIT, r.code(), r.err() + r.out());
    assertTrue(r.err().contains(": row 2: malformed CSV, such as a stray or unclosed quote; reading stopped there: "
        + "1 row read before it"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void issue14_invalidUtf8IsReportedAtItsRowAndExits4() throws IOException {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(PartnerSamples.Profile.HOTLINE, 1000, 4, w);
    String[] lines = w.toString().split("\n");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < lines.length; i++) {
      if (i == 700) {
        b.write(0xff);
      }
      b.writeBytes((lines[i] + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Path in = Files.write(dir.resolve("hotline-utf8.csv"), b.toByteArray());
    Run r = ctdc("align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(),
        "--out", dir.resolve("a.csv").toString(), "--report", dir.resolve("r.json").toString());
    assertEquals(StoppedInput.EXIT, r.code(), r.err());
    assertTrue(r.err().contains("hotline-utf8.csv: row 700: field 1: the file is not valid UTF-8"), r.err());
    assertTrue(r.err().contains("699 rows read before it"), r.err());
    assertEquals(List.of(), outputs());
  }

  @Test
  void issue14_strictModeStoppingAtItsFirstRejectWritesNothing() throws IOException {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(PartnerSamples.Profile.HOTLINE, 50, 4, w);
    String[] lines = w.toString().split("\n");
    // row 10 is short of fields: rejected
    lines[10] = lines[10].substring(0, lines[10].indexOf(','));
    Path in = Files.writeString(dir.resolve("hotline-strict.csv"), String.join("\n", lines) + "\n");
    Run r = ctdc("align", "--strict", "--spec", "hotline-to-kanon-2020", "--in", in.toString(),
        "--out", dir.resolve("a.csv").toString(), "--report", dir.resolve("r.json").toString());
    assertEquals(Main.INVALID, r.code(), r.err());
    assertEquals(List.of(), outputs(), "a strict run's first rows would look like the whole input");
    assertTrue(r.out().contains("10 rows read, 9 aligned, 1 rejected; strict mode stopped at row 10"), r.out());
    assertTrue(r.err().contains("the rest of the input was not read; not written:"), r.err());
  }

  @Test
  void issue14_theHelpOfAlignAndValidateDocumentsExitCode4() {
    for (String command : List.of("align", "validate")) {
      Run r = ctdc(command, "--help");
      assertTrue(r.out().contains("4 when"), command + ": " + r.out());
    }
  }
}
