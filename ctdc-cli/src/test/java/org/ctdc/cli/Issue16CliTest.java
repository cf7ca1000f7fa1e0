package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctdc.schema.Cancellation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 16, "the command line and the report, as a user meets them": whole-sentence command summaries in
 * {@code ctdc --help}, {@code -q} meaning "only the summary line" on every command that prints a report, the
 * progress bar decided from standard error itself, and the Tables section of {@code report.html}.
 */
class Issue16CliTest {

  /** The commands that print a report, and so take {@code -q}. */
  static final List<String> REPORTING = List.of("validate", "align", "audit", "deid", "verify", "risk", "tables", "demo");

  @TempDir static Path dir;

  /** A small demo run, whose files the other commands are run on. */
  static Path demo;

  static CliTest.Run demoRun;

  @BeforeAll
  static void runTheDemo() {
    demo = dir.resolve("demo");
    demoRun = CliTest.run("demo", "--rows", "400", "--out", demo.toString());
    assertEquals(Main.OK, demoRun.code(), demoRun.err());
  }

  // ---- whole-sentence help

  /** The summary of each command in a help text's "Commands:" list, its wrapped lines joined. */
  static Map<String, String> summaries(String help) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean in = false;
    String current = null;
    Pattern entry = Pattern.compile("^  (\\S+)\\s+(\\S.*)$");
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        in = true;
        continue;
      }
      if (!in) {
        continue;
      }
      Matcher m = entry.matcher(line);
      if (m.matches()) {
        current = m.group(1);
        out.put(current, m.group(2).strip());
      } else if (current != null && line.startsWith("    ")) {
        out.put(current, out.get(current) + " " + line.strip());
      }
    }
    return out;
  }

  @Test
  void issue16_everyCommandSummaryInTheHelpIsAWholeSentence() {
    CliTest.Run root = CliTest.run("--help");
    assertEquals(Main.OK, root.code(), root.err());
    Map<String, String> commands = summaries(root.out());
    assertEquals(List.of("schema", "validate", "align", "audit", "deid", "synth", "publish", "verify", "risk", "tables", "demo", "link", "merge", "help"),
        new ArrayList<>(commands.keySet()), root.out());
    CliTest.Run schema = CliTest.run("schema", "--help");
    Map<String, String> schemaCommands = summaries(schema.out());
    assertEquals(List.of("list", "show", "export", "diff"), new ArrayList<>(schemaCommands.keySet()), schema.out());
    Map<String, String> all = new LinkedHashMap<>(commands);
    schemaCommands.forEach((k, v) -> all.put("schema " + k, v));
    all.forEach((command, summary) -> {
      assertTrue(Character.isUpperCase(summary.charAt(0)), command + ": " + summary);
      assertTrue(summary.endsWith("."), command + "'s summary stops mid-sentence: " + summary);
    });
  }

  @Test
  void issue16_everyDescriptionElementIsWholeSentences() {
    // picocli shows the first element as the summary and starts each element on a new line: an element that
    // ends without a full stop is a sentence hard-wrapped across elements
    List<CommandSpec> specs = new ArrayList<>();
    collect(Main.commandLine(Cancellation.none()), specs);
    for (CommandSpec s : specs) {
      if (s.userObject() instanceof CommandLine.HelpCommand) {
        continue; // picocli's own
      }
      for (String d : s.usageMessage().description()) {
        assertTrue(d.strip().endsWith("."), s.qualifiedName() + ": " + d);
      }
      for (OptionSpec o : s.options()) {
        assertTrue(o.description().length <= 1, s.qualifiedName() + " " + o.longestName()
            + ": an option's description is one string, wrapped by picocli");
      }
    }
  }

  private static void collect(CommandLine cl, List<CommandSpec> specs) {
    specs.add(cl.getCommandSpec());
    cl.getSubcommands().values().forEach(c -> collect(c, specs));
  }

  // ---- -q on every command

  @Test
  void issue16_everyCommandThatPrintsAReportHasTheSameQuietOption() {
    CommandLine cl = Main.commandLine(Cancellation.none());
    String description = null;
    for (String c : REPORTING) {
      OptionSpec q = cl.getSubcommands().get(c).getCommandSpec().findOption("-q");
      assertTrue(q != null, "ctdc " + c + " -q");
      assertEquals(List.of("--quiet", "-q"), List.of(q.names()), c);
      String d = String.join(" ", q.description());
      assertTrue(d.startsWith("Print only the summary line"), c + ": " + d);
      if (description != null) {
        assertEquals(description, d, c);
      }
      description = d;
    }
  }

  /** The arguments of each reporting command on the demo's files; {@code OUT} is replaced per run. */
  static String[] arguments(String command, Path work) throws Exception {
    Path release = work.resolve("vp.csv");
    if (!Files.exists(release)) {
      try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE)) {
        Files.copy(in, release);
      }
      try (InputStream in = Issue16CliTest.class.getResourceAsStream("tables/vp-tables.yaml")) {
        Files.copy(in, work.resolve("vp-tables.yaml"));
      }
    }
    String merged = demo.resolve("aligned/merged.csv").toString();
    String table = demo.resolve("tables/citizenship-region-by-period-by-gender").toString();
    return switch (command) {
      case "validate" -> new String[] {"--schema", "ctdc-global-kanon@2020", "--in", merged};
      case "align" -> new String[] {"--spec", "hotline-to-kanon-2020", "--in",
          demo.resolve("extracts/hotline.csv").toString(), "--out", work.resolve("aligned.csv").toString(), "--report",
          work.resolve("alignment.json").toString()};
      case "audit" -> new String[] {"--table", table + ".csv", "--definition", table + ".table.json"};
      case "deid" -> new String[] {"--config", demo.resolve("release/deid.yaml").toString(), "--in", merged,
          "--out", work.resolve("release.csv").toString(), "--report", work.resolve("deid.json").toString()};
      case "verify" -> new String[] {"--spec", demo.resolve("release/verify.yaml").toString(), "--in",
          demo.resolve("release/release.csv").toString()};
      case "risk" -> new String[] {"--in", merged, "--schema", "ctdc-global-kanon@2020", "--qi",
          "yearOfRegistration,gender,ageBroad,citizenship"};
      case "tables" -> new String[] {"--config", work.resolve("vp-tables.yaml").toString(), "--in", release.toString(),
          "--out", work.resolve("tables").toString()};
      case "demo" -> new String[] {"--rows", "200", "--out", work.resolve("demo").toString()};
      default -> throw new IllegalArgumentException(command);
    };
  }

  private static String[] with(String command, String[] args, boolean quiet) {
    List<String> all = new ArrayList<>();
    all.add(command);
    if (quiet) {
      all.add("-q");
    }
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "align", "audit", "deid", "verify", "risk", "tables", "demo"})
  void issue16_quietPrintsExactlyTheSummaryLineOfTheFullReport(String command) throws Exception {
    Path work = Files.createDirectories(dir.resolve("quiet-" + command));
    String[] args = arguments(command, work);
    CliTest.Run full = CliTest.run(with(command, args, false));
    CliTest.Run quiet = CliTest.run(with(command, args, true));
    assertEquals(Main.OK, full.code(), command + ": " + full.err());
    assertEquals(full.code(), quiet.code(), command + ": " + quiet.err());
    List<String> lines = quiet.out().lines().toList();
    assertEquals(1, lines.size(), command + " -q prints one line: " + quiet.out());
    List<String> fullLines = full.out().lines().toList();
    assertTrue(fullLines.contains(lines.get(0)), command + ": the quiet line is the report's summary line: " + lines);
    // validate and verify of a valid file, and align without rejected rows, print only the summary anyway
    if (!List.of("validate", "verify", "align").contains(command)) {
      assertTrue(fullLines.size() > 1, command + " prints more than the summary without -q");
    }
    assertEquals("", quiet.err(), command + " -q writes nothing on standard error on success");
  }

  @Test
  void issue16_quietStillPrintsOnlyTheSummaryWhenTheInputIsInvalid() throws Exception {
    Path work = Files.createDirectories(dir.resolve("invalid"));
    // a release of the victim-perpetrator schema whose gender column holds a code that is not in its value set
    Path bad = work.resolve("bad.csv");
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE)) {
      List<String> rows = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
      List<String> header = List.of(rows.get(0).split(",", -1));
      int g = header.indexOf("gender");
      for (int r = 1; r <= 3; r++) {
        String[] cells = rows.get(r).split(",", -1);
        cells[g] = "NotAGender";
        rows.set(r, String.join(",", cells));
      }
      Files.writeString(bad, String.join("\n", rows) + "\n");
    }
    for (String command : List.of("validate", "risk")) {
      String[] args = command.equals("validate")
          ? new String[] {"--schema", "ctdc-victim-perpetrator", "--in", bad.toString()}
          : new String[] {"--schema", "ctdc-victim-perpetrator", "--in", bad.toString(), "--qi", "gender"};
      CliTest.Run full = CliTest.run(with(command, args, false));
      CliTest.Run quiet = CliTest.run(with(command, args, true));
      assertEquals(Main.INVALID, full.code(), command + ": " + full.err());
      assertEquals(Main.INVALID, quiet.code(), command + ": " + quiet.err());
      assertTrue(full.out().lines().count() > 1, command + ": " + full.out());
      List<String> lines = quiet.out().lines().toList();
      assertEquals(1, lines.size(), command + ": " + quiet.out());
      assertEquals(full.out().lines().reduce((a, b) -> b).orElseThrow(), lines.get(0), command);
    }
  }

  // ---- the progress bar, decided from standard error

  @Test
  void issue16_aBarIsDrawnOnlyWhenStandardErrorIsATerminal(@TempDir Path links) throws Exception {
    Path log = Files.writeString(links.resolve("run.log"), "");
    Map<String, Boolean> targets = new LinkedHashMap<>();
    targets.put(log.toString(), false);
    targets.put("pipe:[40263]", false);
    targets.put("socket:[8812]", false);
    targets.put("/dev/null", false);
    targets.put("/dev/pts/3", true);
    targets.put("/dev/tty1", true);
    targets.put("/dev/console", true);
    int i = 0;
    for (Map.Entry<String, Boolean> t : targets.entrySet()) {
      Path fd2 = Files.createSymbolicLink(links.resolve("fd2-" + i++), Path.of(t.getKey()));
      assertEquals(t.getValue(), Progress.drawsOn(null, fd2), t.getKey());
      assertEquals(t.getValue(), Progress.drawsOn("auto", fd2), t.getKey());
      assertEquals(t.getValue(), Progress.drawsOn("AUTO ", fd2), t.getKey());
      assertTrue(Progress.drawsOn("always", fd2), t.getKey());
      assertFalse(Progress.drawsOn("never", fd2), t.getKey());
    }
    // unknown: not a link (another system), or nothing there
    assertFalse(Progress.drawsOn(null, log));
    assertFalse(Progress.drawsOn(null, links.resolve("absent")));
    assertTrue(Progress.drawsOn("always", links.resolve("absent")));
  }

  @Test
  void issue16_standardErrorRedirectedToALogGetsNoFrames(@TempDir Path work) throws Exception {
    // ctdc demo 2>run.log: no carriage-return frames in the log, unless CTDC_PROGRESS=always asks for them
    Path auto = runInAProcess(work, "auto", null);
    String log = Files.readString(auto);
    assertFalse(log.contains("\r"), "a log on standard error gets no progress frames");
    Path always = runInAProcess(work, "always", "always");
    assertTrue(Files.readString(always).contains("\r"), "CTDC_PROGRESS=always draws the bar into the file");
  }

  private static Path runInAProcess(Path work, String name, String setting) throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        cp, Main.class.getName(), "demo", "--rows", "100", "--out", work.resolve(name).toString());
    pb.environment().remove(Progress.ENV);
    if (setting != null) {
      pb.environment().put(Progress.ENV, setting);
    }
    Path err = work.resolve(name + ".log");
    pb.redirectError(err.toFile()).redirectOutput(work.resolve(name + ".out").toFile());
    Process p = pb.start();
    assertEquals(0, p.waitFor(), name + ": " + Files.readString(err));
    return err;
  }

  // ---- report.html's Tables section

  @Test
  void issue16_theTablesSectionOpensWithASentenceAndSaysWhyRowsWereLeftOut() throws Exception {
    String html = Files.readString(demo.resolve("report.html"));
    int at = html.indexOf("<h2>Tables</h2>");
    assertTrue(at >= 0);
    String section = html.substring(at, html.indexOf("<h2>", at + 1));
    Matcher opening = Pattern.compile("<h2>Tables</h2>\\s*<p>([^<]*)").matcher(section);
    assertTrue(opening.find(), section);
    String first = opening.group(1);
    assertTrue(Character.isUpperCase(first.charAt(0)), "the section opens with a sentence: " + first);
    assertTrue(section.contains("not collected"), "the section explains rows left out: " + section);

    JsonNode report = new ObjectMapper().readTree(demo.resolve("tables-report.json").toFile());
    long hotlineRows = -1;
    for (JsonNode p : new ObjectMapper().readTree(demo.resolve("alignment-report.json").toFile()).path("partners")) {
      if (p.path("spec").asText().equals("hotline-to-kanon-2020")) {
        hotlineRows = p.path("rowsAligned").asLong();
      }
    }
    assertTrue(hotlineRows > 0);
    // issue 18: a hotline row matched with a case-management row is merged into one row that takes
    // isOtherExploit from the case-management row when that one collects it, so the unmatched hotline rows are
    // left out for it, and at most all hotline rows
    long matched = new ObjectMapper().readTree(demo.resolve("link-report.json").toFile()).path("quality")
        .path("pairsFound").asLong();
    int exploitationTables = 0;
    for (JsonNode t : report.path("tables")) {
      long sum = 0;
      List<String> words = new ArrayList<>();
      for (JsonNode c : t.path("rowsLeftOutBy")) {
        sum += c.path("rows").asLong();
        assertTrue(c.path("rows").asLong() > 0, t.path("name").asText());
        words.add(RowsLeftOut.words(c.path("reason").asText(),
            c.has("variable") ? java.util.Optional.of(c.path("variable").asText()) : java.util.Optional.empty(),
            c.path("rows").asLong()));
      }
      assertEquals(t.path("rowsLeftOut").asLong(), sum, t.path("name").asText() + ": the reasons add up");
      // the row of the HTML table says why, in words
      assertTrue(section.contains(ReportHtml.esc(String.join("; ", words))), t.path("name").asText());
      if (t.path("name").asText().startsWith("exploitation-type-by-region.")) {
        exploitationTables++;
        // the hotline's spec does not collect isOtherExploit: every unmatched hotline row is left out for that reason
        long notCollected = 0;
        for (JsonNode c : t.path("rowsLeftOutBy")) {
          if (c.path("reason").asText().equals("notCollected")) {
            assertEquals("isOtherExploit", c.path("variable").asText());
            notCollected += c.path("rows").asLong();
          }
        }
        assertTrue(notCollected >= hotlineRows - matched && notCollected <= hotlineRows,
            t.path("name").asText() + ": " + notCollected);
      }
    }
    assertEquals(3, exploitationTables);
  }
}
