package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctdc deid --timings} (issue 19): one line of stage names and numbers on standard error, nothing else
 * changed, and no record value in it.
 */
class Issue19TimingsCliTest {

  /** One stage: a fixed lower-case word (with {@code +} or {@code -}) and whole milliseconds. */
  private static final Pattern STAGE = Pattern.compile("([a-z][a-z+-]*) (\\d+) ms");
  private static final Pattern LINE = Pattern.compile(
      "timings: start-up \\d+ ms(, [a-z][a-z+-]* \\d+ ms)+, cpu \\d+ ms, heap peak \\d+ MiB, processors \\d+");

  private static List<Path> example(Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      files.add(DeidCommandTest.copy(dir, f));
    }
    return files;
  }

  private static DeidCommandTest.Run deid(Path dir, Path out, boolean timings) {
    List<String> args = new ArrayList<>(List.of("--config", dir.resolve("deid.yaml").toString(),
        "--in", dir.resolve("seven.csv").toString(), "--out", out.toString()));
    if (timings) {
      args.add("--timings");
    }
    return DeidCommandTest.run(args.toArray(String[]::new));
  }

  @Test
  void issue19_timingsPrintOneLineOfStageNamesAndNumbersAndChangeNothingElse(@TempDir Path dir) throws Exception {
    example(dir);
    Path plain = dir.resolve("plain.csv");
    Path timed = dir.resolve("timed.csv");
    DeidCommandTest.Run a = deid(dir, plain, false);
    DeidCommandTest.Run b = deid(dir, timed, true);
    assertEquals(Main.OK, a.code(), a.err());
    assertEquals(Main.OK, b.code(), b.err());
    assertFalse(a.err().contains("timings"), "no timings unless asked: " + a.err());
    assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(timed), "the release is the same");
    assertEquals(a.out().replace("plain.csv", "timed.csv"), b.out(), "standard output is the same");

    List<String> lines = b.err().lines().filter(l -> l.startsWith("timings:")).toList();
    assertEquals(1, lines.size(), b.err());
    String line = lines.get(0);
    assertTrue(LINE.matcher(line).matches(), line);

    // the stages in the order they ran (the example's configuration names no schema, so it is inferred); the stage sum is the total
    List<String> names = new ArrayList<>();
    long sum = 0;
    long total = -1;
    Matcher m = STAGE.matcher(line.substring(line.indexOf(", ") + 2));
    while (m.find()) {
      String name = m.group(1);
      long ms = Long.parseLong(m.group(2));
      if (name.equals("total")) {
        total = ms;
        break;
      }
      names.add(name);
      sum += ms;
    }
    assertEquals(List.of("config", "infer+read", "before-search", "search", "after-search", "prepare-outputs", "write"),
        names, line);
    // each stage is rounded down on its own, so the sum may fall short of the total by under 1 ms a stage
    assertTrue(total >= sum && total <= sum + names.size(), line);
  }

  @Test
  void issue19_theTimingsLineHoldsNoRecordValue(@TempDir Path dir) throws Exception {
    example(dir);
    DeidCommandTest.Run r = deid(dir, dir.resolve("release.csv"), true);
    assertEquals(Main.OK, r.code(), r.err());
    String line = r.err().lines().filter(l -> l.startsWith("timings:")).findFirst().orElseThrow();
    List<String> rows = Files.readAllLines(dir.resolve("seven.csv"));
    for (String row : rows.subList(1, rows.size())) {
      for (String cell : row.split(",")) {
        // numbers such as ages could equal a time by chance; the names, genders and zip codes cannot
        if (!cell.matches("\\d{1,3}")) {
          assertFalse(line.contains(cell), "a record value in the timings line");
        }
      }
    }
    // nothing but the fixed words of the line, stage names and numbers
    String words = line.replaceAll("[a-z+-]+ \\d+ ms", "").replaceAll("\\d+", "");
    assertTrue(words.matches("[a-z :,-]*MiB[a-z ,]*"), line);
  }

  private static String stageNames(String line) {
    List<String> names = new ArrayList<>();
    Matcher m = STAGE.matcher(line.substring(line.indexOf(", ") + 2));
    while (m.find() && !m.group(1).equals("total")) {
      names.add(m.group(1));
    }
    return String.join(",", names);
  }

  private static Path resource(Path dir, String resource, String name) throws Exception {
    Path p = dir.resolve(name);
    try (var in = Issue19TimingsCliTest.class.getResourceAsStream(resource)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void issue19_tablesTimingsNameTabulationSuppressionWritingAndAuditAndChangeNoTable(@TempDir Path dir)
      throws Exception {
    Path cfg = resource(dir, "/org/ctdc/cli/tables/vp-tables.yaml", "t.yaml");
    Path csv = resource(dir, "/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    List<String> outputs = new ArrayList<>();
    List<String> errs = new ArrayList<>();
    for (boolean timings : List.of(false, true)) {
      Path out = dir.resolve("out-" + timings);
      List<String> args = new ArrayList<>(List.of("tables", "--config", cfg.toString(), "--in", csv.toString(),
          "--out", out.toString()));
      if (timings) {
        args.add("--timings");
      }
      java.io.StringWriter o = new java.io.StringWriter();
      java.io.StringWriter e = new java.io.StringWriter();
      int code = Main.run(args.toArray(String[]::new), new java.io.PrintWriter(o, true),
          new java.io.PrintWriter(e, true));
      assertEquals(Main.OK, code, e.toString());
      StringBuilder files = new StringBuilder();
      try (var list = Files.list(out)) {
        for (Path f : list.sorted().toList()) {
          files.append(f.getFileName()).append('\n').append(Files.readString(f)).append('\n');
        }
      }
      outputs.add(files.toString());
      errs.add(e.toString());
    }
    assertEquals(outputs.get(0), outputs.get(1), "the same tables with and without --timings");
    assertFalse(errs.get(0).contains("timings"), errs.get(0));
    List<String> lines = errs.get(1).lines().filter(l -> l.startsWith("timings:")).toList();
    assertEquals(1, lines.size(), errs.get(1));
    assertTrue(LINE.matcher(lines.get(0)).matches(), lines.get(0));
    assertEquals("config,read,tabulate,suppress,write,audit,report,commit+print", stageNames(lines.get(0)));
  }
}
