package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.samples.LinkageSamples;
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
 * Issue 16, "one picocli mixin for the file commands' shared options and output handling": every file command
 * takes its {@code --debug} and {@code -q} options, its streams, its cancellation and its output handling from
 * {@link FileCommand}, holds no copy of them, and ends the same kind of failure with the same exit code and the
 * same shape of error.
 */
class Issue16FileCommandTest {

  /** The file commands (a subcommand is named with its command: {@code link encode}). */
  static final List<String> FILE_COMMANDS = List.of("validate", "align", "audit", "deid", "synth", "verify", "risk",
      "tables", "demo", "link encode", "link match", "merge");

  @TempDir static Path dir;

  static Path demo;

  @BeforeAll
  static void runTheDemo() throws Exception {
    demo = dir.resolve("demo");
    CliTest.Run r = CliTest.run("demo", "--rows", "400", "--out", demo.toString());
    assertEquals(Main.OK, r.code(), r.err());
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE)) {
      Files.copy(in, dir.resolve("vp.csv"));
    }
    try (InputStream in = Issue16FileCommandTest.class.getResourceAsStream("tables/vp-tables.yaml")) {
      Files.copy(in, dir.resolve("vp-tables.yaml"));
    }
    Files.writeString(dir.resolve("synth.yaml"),
        "columns: [gender, majorityStatus, UN_COO_Region]\nmode: k-synthetic\nreportingLength: 2\nresolution: 5\n");
    Files.writeString(dir.resolve("link.yaml"), Issue18LinkCliTest.CONFIG);
    Files.writeString(dir.resolve("KEY"), Issue18LinkCliTest.KEY);
    LinkageSamples.Linkage l = LinkageSamples.generate(16, 2, 300, 0.5, LinkageSamples.Corruption.defaults());
    for (LinkageSamples.Extract x : l.extracts()) {
      Path csv = Files.writeString(dir.resolve(x.name() + ".csv"), x.csv());
      CliTest.Run e = CliTest.run("link", "encode", "--config", dir.resolve("link.yaml").toString(), "--key-file",
          dir.resolve("KEY").toString(), "--in", csv.toString(), "--out", dir.resolve(x.name() + ".clk.csv").toString());
      assertEquals(Main.OK, e.code(), e.err());
    }
  }

  /** Working arguments of each file command, with its main input last but one (its option, then its value). */
  static Map<String, List<String>> arguments(Path work) {
    String merged = demo.resolve("aligned/merged.csv").toString();
    String table = demo.resolve("tables/citizenship-region-by-period-by-gender").toString();
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("validate", List.of("--schema", "ctdc-global-kanon@2020", "--in", merged));
    m.put("align", List.of("--spec", "hotline-to-kanon-2020", "--out", work.resolve("aligned.csv").toString(),
        "--report", work.resolve("alignment.json").toString(), "--in", demo.resolve("extracts/hotline.csv").toString()));
    m.put("audit", List.of("--definition", table + ".table.json", "--table", table + ".csv"));
    m.put("deid", List.of("--config", demo.resolve("release/deid.yaml").toString(), "--out",
        work.resolve("release.csv").toString(), "--report", work.resolve("deid.json").toString(), "--in", merged));
    m.put("verify", List.of("--spec", demo.resolve("release/verify.yaml").toString(), "--in",
        demo.resolve("release/release.csv").toString()));
    m.put("risk", List.of("--schema", "ctdc-global-kanon@2020", "--qi", "yearOfRegistration,gender,ageBroad",
        "--in", merged));
    m.put("tables", List.of("--config", dir.resolve("vp-tables.yaml").toString(), "--out",
        work.resolve("tables").toString(), "--in", dir.resolve("vp.csv").toString()));
    m.put("demo", List.of("--rows", "200", "--out", work.resolve("demo").toString()));
    m.put("synth", List.of("--config", dir.resolve("synth.yaml").toString(), "--out", work.resolve("synth").toString(),
        "--report", work.resolve("synth.json").toString(), "--in", dir.resolve("vp.csv").toString()));
    m.put("link encode", List.of("--config", dir.resolve("link.yaml").toString(), "--key-file",
        dir.resolve("KEY").toString(), "--out", work.resolve("a.clk.csv").toString(), "--in",
        dir.resolve("partner-a.csv").toString()));
    m.put("link match", List.of("--config", dir.resolve("link.yaml").toString(), "--out",
        work.resolve("matches.csv").toString(), "--report", work.resolve("link.json").toString(), "--in",
        dir.resolve("partner-a.clk.csv").toString(), "--in", dir.resolve("partner-b.clk.csv").toString()));
    m.put("merge", List.of("--schema", "ctdc-global-kanon@2020", "--out", work.resolve("merged.csv").toString(),
        "--report", work.resolve("merge.json").toString(), "--in", merged));
    return m;
  }

  /** The command line of a command, or of a subcommand named with its command ({@code link encode}). */
  private static CommandLine sub(CommandLine cl, String command) {
    CommandLine c = cl;
    for (String name : command.split(" ")) {
      c = c.getSubcommands().get(name);
    }
    return c;
  }

  private static CommandSpec spec(String command) {
    return sub(Main.commandLine(Cancellation.none()), command).getCommandSpec();
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "align", "audit", "deid", "synth", "verify", "risk", "tables", "demo",
      "link encode", "link match", "merge"})
  void issue16_everyFileCommandHasTheMixinsOptions(String command) {
    CommandSpec spec = spec(command);
    CommandSpec mixin = spec.mixins().values().stream().filter(m -> m.userObject() instanceof FileCommand)
        .findFirst().orElseThrow(() -> new AssertionError(command + " has no FileCommand mixin"));
    List<String> names = new ArrayList<>();
    mixin.options().forEach(o -> names.addAll(Arrays.asList(o.names())));
    assertEquals(List.of("--debug", "--quiet", "-q"), names.stream().sorted().toList(), command);
    for (String n : names) {
      OptionSpec o = spec.findOption(n);
      assertTrue(o != null && mixin.options().contains(o), command + " " + n + " is the mixin's");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "align", "audit", "deid", "synth", "verify", "risk", "tables", "demo",
      "link encode", "link match", "merge"})
  void issue16_noFileCommandHoldsItsOwnCopyOfTheSkeleton(String command) {
    Class<?> cls = spec(command).userObject().getClass();
    // the command's class and the classes it extends (link's subcommands share a base)
    for (Class<?> c = cls; c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        assertFalse(List.of(CommandSpec.class, DebugOption.class, QuietOption.class, Cancellation.class)
            .contains(f.getType()), command + " declares its own " + f.getType().getSimpleName() + " " + f.getName());
      }
    }
    assertFalse(CancellableCommand.class.isAssignableFrom(cls), command + " takes its signal through the mixin");
  }

  @Test
  void issue16_theSignalReachesTheMixinOfEveryFileCommand() {
    Cancellation signal = Cancellation.create();
    CommandLine cl = Main.commandLine(signal);
    for (String c : FILE_COMMANDS) {
      Object command = sub(cl, c).getCommandSpec().userObject();
      FileCommand files = sub(cl, c).getCommandSpec().mixins().values().stream()
          .map(CommandSpec::userObject).filter(FileCommand.class::isInstance).map(FileCommand.class::cast)
          .findFirst().orElseThrow();
      assertTrue(files.cancellation() == signal, c + " (" + command.getClass().getSimpleName() + ")");
    }
  }

  private static CliTest.Run run(String command, List<String> args) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(args);
    return CliTest.run(all.toArray(String[]::new));
  }

  private static List<String> withInput(List<String> args, String value) {
    List<String> a = new ArrayList<>(args);
    a.set(a.size() - 1, value);
    return a;
  }

  @Test
  void issue16_everyFileCommandRunsOnItsWorkingArguments() throws Exception {
    Path work = Files.createDirectories(dir.resolve("ok"));
    arguments(work).forEach((c, args) -> {
      CliTest.Run r = run(c, args);
      assertEquals(Main.OK, r.code(), c + ": " + r.err());
    });
  }

  @Test
  void issue16_anUnknownOptionIsTheSameUsageErrorOnEveryFileCommand() throws Exception {
    Path work = Files.createDirectories(dir.resolve("usage"));
    arguments(work).forEach((c, args) -> {
      List<String> a = new ArrayList<>(args);
      a.add("--no-such-option");
      CliTest.Run r = run(c, a);
      assertEquals(Main.USAGE, r.code(), c + ": " + r.err());
      assertEquals(List.of("ctdc: Unknown option: '--no-such-option'", "Try 'ctdc " + c + " --help'."),
          r.err().lines().toList(), c);
    });
  }

  @Test
  void issue16_aMissingInputIsTheSameFailureOnEveryFileCommandThatReadsOne() throws Exception {
    Path work = Files.createDirectories(dir.resolve("missing"));
    Map<String, Integer> codes = new LinkedHashMap<>();
    arguments(work).forEach((c, args) -> {
      if (c.equals("demo")) {
        return;
      }
      Path missing = work.resolve("no-such-file.csv");
      CliTest.Run r = run(c, withInput(args, missing.toString()));
      codes.put(c, r.code());
      assertEquals(1, r.err().lines().count(), c + ": one line: " + r.err());
      // ctdc-link names a file by its base name, the other modules by the path given (left open in issue 16)
      String named = c.startsWith("link ") ? missing.getFileName().toString() : missing.toString();
      assertTrue(r.err().startsWith("ctdc: ") && r.err().contains(named), c + ": " + r.err());
      assertFalse(r.err().contains("\tat "), c);
      CliTest.Run debug = run(c, withInput(withDebug(args), missing.toString()));
      assertEquals(r.code(), debug.code(), c + " --debug");
      assertTrue(debug.err().contains("\tat "), c + " --debug prints the stack trace: " + debug.err());
    });
    // every command, verify too, exits 1 for an input it cannot read (verify says "not verified", issue 14);
    // 4 is only for an input that stops part-way (the next test)
    Map<String, Integer> expected = new LinkedHashMap<>();
    codes.keySet().forEach(c -> expected.put(c, Main.INVALID));
    assertEquals(expected, codes);
  }

  private static List<String> withDebug(List<String> args) {
    List<String> a = new ArrayList<>();
    a.add("--debug");
    a.addAll(args);
    return a;
  }

  @Test
  void issue16_anInputThatStopsPartWayExitsFourOnEveryFileCommandThatReadsRecords() throws Exception {
    Path work = Files.createDirectories(dir.resolve("stopped"));
    // an unclosed quote: no reader can read this file to its end
    List<String> lines = Files.readAllLines(demo.resolve("aligned/merged.csv"));
    Path broken = work.resolve("broken.csv");
    Files.writeString(broken, lines.get(0) + "\n" + lines.get(1) + "\n\"" + lines.get(2) + "\n" + lines.get(3) + "\n");
    List<String> hotline = Files.readAllLines(demo.resolve("extracts/hotline.csv"));
    Path brokenExtract = work.resolve("broken-extract.csv");
    Files.writeString(brokenExtract, hotline.get(0) + "\n\"" + hotline.get(1) + "\n" + hotline.get(2) + "\n");
    List<String> vp = Files.readAllLines(dir.resolve("vp.csv"));
    Path brokenVp = work.resolve("broken-vp.csv");
    Files.writeString(brokenVp, vp.get(0) + "\n\"" + vp.get(1) + "\n" + vp.get(2) + "\n");
    Map<String, Path> inputs = Map.of("validate", broken, "align", brokenExtract, "deid", broken, "risk", broken,
        "tables", brokenVp, "synth", brokenVp, "merge", broken, "link encode", brokenExtract, "verify", broken);
    arguments(work).forEach((c, args) -> {
      if (!inputs.containsKey(c)) {
        return;
      }
      CliTest.Run r = run(c, withInput(args, inputs.get(c).toString()));
      assertEquals(Main.NOT_READ, r.code(), c + ": " + r.err());
      assertEquals(1, r.err().lines().count(), c + ": " + r.err());
      assertTrue(r.err().startsWith("ctdc: ") && r.err().contains(inputs.get(c).getFileName() + ": row ")
          && r.err().contains("reading stopped there"),
          c + ": " + r.err());
      // and says what it did not write, risk and tables too (the promised files, or that nothing was written)
      assertTrue(r.err().strip().matches(".*; (not written: .+|nothing was written)"), c + ": " + r.err());
    });
  }

  @Test
  void issue16_anOutputOverAnInputIsTheSameUsageErrorOnEveryFileCommandThatWritesOne() throws Exception {
    Path work = Files.createDirectories(dir.resolve("over"));
    Map<String, List<String>> args = arguments(work);
    Map<String, List<String>> over = new LinkedHashMap<>();
    for (String c : List.of("align", "deid")) {
      List<String> a = new ArrayList<>(args.get(c));
      a.set(a.indexOf("--out") + 1, a.get(a.size() - 1));
      over.put(c, a);
    }
    for (String c : List.of("link encode", "link match", "merge")) {
      List<String> a = new ArrayList<>(args.get(c));
      a.set(a.indexOf("--out") + 1, a.get(a.size() - 1));
      over.put(c, a);
    }
    for (String c : List.of("risk", "synth")) {
      List<String> a = new ArrayList<>(args.get(c));
      int report = a.indexOf("--report");
      if (report >= 0) {
        a.subList(report, report + 2).clear();
      }
      a.addAll(List.of("--report", a.get(a.size() - 1)));
      over.put(c, a);
    }
    over.forEach((c, a) -> {
      CliTest.Run r = run(c, a);
      assertEquals(Main.USAGE, r.code(), c + ": " + r.err());
      // a command that reads several --in numbers them
      assertTrue(r.err().lines().findFirst().orElseThrow()
              .matches(".* names the same file as --in( #[0-9]+)?; write it elsewhere"), c + ": " + r.err());
    });
  }

  @Test
  void issue16_aCancelledRunExits130OnEveryFileCommandThatWatchesTheSignal() throws Exception {
    Path work = Files.createDirectories(dir.resolve("cancelled"));
    arguments(work).forEach((c, args) -> {
      if (List.of("validate", "verify", "risk").contains(c)) {
        return; // they write nothing and run no long operation
      }
      Cancellation signal = Cancellation.create();
      signal.cancel();
      List<String> all = new ArrayList<>(List.of(c.split(" ")));
      all.addAll(args);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), signal);
      assertEquals(Main.CANCELLED, code, c + ": " + err);
      assertEquals(1, err.toString().lines().count(), c + ": " + err);
      assertTrue(err.toString().endsWith("; no output written" + System.lineSeparator()), c + ": " + err);
    });
    try (var left = Files.walk(work)) {
      assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "a cancelled run leaves no file");
    }
  }
}
