package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.SchemaFiles;
import org.ctdc.schema.Schemas;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Builds argument vectors for the command line from a small text language, runs them through
 * {@link Main#run(String[], PrintWriter, PrintWriter, Cancellation)} inside a temporary folder of fixtures,
 * and checks what every run must satisfy. Shared by {@link CliArgumentsFuzzTest}'s fuzz target and its table
 * of hand-picked argument vectors.
 *
 * <p>The language (one token per line, UTF-8): the first line picks the command ({@code align}, {@code schema
 * export}, ... exactly, else by hash from the real list, {@code -} for none); then each line is one argument:
 * <ul>
 *   <li>{@code !NAME} a real option name of that command ({@code NAME} exactly, else by hash);
 *       {@code !NAME=VALUE} the option joined with {@code =} to the value {@code VALUE} (itself a token);
 *   <li>{@code $NAME} a path in the fixture folder (see {@link #POOL}; exactly, else by hash);
 *       {@code $NAME|CHILD} the path {@code CHILD} under it;
 *   <li>{@code @NAME} picocli's {@code @file} syntax with a path of the pool;
 *   <li>{@code *N:TEXT} TEXT repeated to N characters (at most 100,000);
 *   <li>anything else is the argument as written (an empty line is the empty argument).
 * </ul>
 * NUL characters and unpaired surrogates, which no command line can pass, are dropped.
 *
 * <p>Confinement: before a vector runs, it is parsed with picocli as {@link Main} would; a vector that
 * would let a command write to a path outside the fixture folder (a relative path, an escape with
 * {@code ..}), or run {@code demo} with a valid size, does not run. Not thread-safe.
 */
final class CliArgumentsHarness {

  /** The documented exit codes of {@link Main}. */
  static final Set<Integer> EXIT_CODES = Set.of(Main.OK, Main.INVALID, Main.USAGE, Main.UNSATISFIABLE,
      StoppedInput.EXIT, Main.CANCELLED, Main.TERMINATED);

  /** The canary's mark: identifiers of {@code canary.csv}, {@code hotline.csv} and {@code cm.jsonl} start with it. */
  static final String CANARY = "CANARY-qx";

  /** The pool of paths {@code $NAME} picks from, relative to the root. */
  static final List<String> POOL = List.of(
      "in/seven.csv", "in/canary.csv", "in/deid.yaml", "in/age.csv", "in/gender.csv", "in/zipcode.csv",
      "in/hotline.csv", "in/cm.jsonl", "in/vp.csv", "in/vp-tables.yaml", "in/t.csv", "in/t.table.json",
      "in/verify.yaml", "in/release.csv", "in/htcds.yaml", "in/bad-schema.yaml", "in/empty.csv", "in/junk.bin",
      "in/unreadable.csv", "in/dir", "in/missing.csv", "out", "out/a.csv", "out/b.json", "out/c.yaml",
      "out/no-such-dir/x.csv", "out/t");

  private static final List<String> COMMANDS = List.of("-", "schema", "schema list", "schema show",
      "schema export", "schema diff", "validate", "align", "audit", "deid", "verify", "risk", "tables", "demo",
      "help");

  private final Path root;
  private final Map<Path, byte[]> fixtures = new TreeMap<>();
  private final Map<String, List<String>> optionNames = new LinkedHashMap<>();

  private CliArgumentsHarness(Path root) {
    this.root = root;
  }

  /** The result of one run. */
  record Run(String[] args, int code, String out, String err) {
    String shown() {
      return "args " + Arrays.toString(args) + " -> " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // fixtures

  /**
   * Creates the fixture folder under a fresh temporary folder.
   *
   * @return the harness
   */
  static CliArgumentsHarness create() {
    try {
      Path root = Files.createTempDirectory("ctdc-cli-fuzz").toRealPath();
      CliArgumentsHarness h = new CliArgumentsHarness(root);
      h.writeFixtures();
      h.collectOptionNames();
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path root() {
    return root;
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  private void writeFixtures() throws IOException {
    Path in = Files.createDirectories(root.resolve("in"));
    Files.createDirectories(root.resolve("out"));
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      fixture("in/" + f, resource("/deid/" + f));
    }
    // the 7-record file with an identifier column of canaries (exactly the columns deid.yaml reads)
    StringBuilder canary = new StringBuilder();
    List<String> seven = new String(resource("/deid/seven.csv"), StandardCharsets.UTF_8).lines().toList();
    canary.append(seven.get(0)).append('\n');
    for (int i = 1; i < seven.size(); i++) {
      canary.append(CANARY).append("-name").append(i).append(seven.get(i).substring(seven.get(i).indexOf(',')))
          .append('\n');
    }
    fixture("in/canary.csv", canary.toString());
    fixture("in/hotline.csv", partnerCsv(PartnerSamples.Profile.HOTLINE, "CaseID"));
    fixture("in/cm.jsonl", partnerJsonLines(PartnerSamples.Profile.CASE_MANAGEMENT, "CaseNo"));
    StringBuilder vp = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE), StandardCharsets.UTF_8))) {
      for (int i = 0; i < 41; i++) {
        vp.append(r.readLine()).append('\n');
      }
    }
    fixture("in/vp.csv", vp.toString());
    fixture("in/vp-tables.yaml", resource("/org/ctdc/cli/tables/vp-tables.yaml"));
    fixture("in/t.csv", """
        row,col,value,status
        r1,c1,,primary
        r1,c2,6,publishable
        r2,c1,5,publishable
        r2,c2,7,publishable
        r1,Total,15,publishable
        r2,Total,12,publishable
        Total,c1,10,publishable
        Total,c2,13,publishable
        Total,Total,27,publishable
        """);
    fixture("in/t.table.json", """
        {"tableFormat":1,"name":"t","dimensions":[
          {"name":"row","total":"Total","hierarchy":{"Total":["r1","r2"]}},
          {"name":"col","total":"Total","hierarchy":{"Total":["c1","c2"]}}]}
        """);
    fixture("in/verify.yaml", """
        quasiIdentifiers:
          - {name: age, hierarchy: age.csv}
          - {name: gender, hierarchy: gender.csv}
          - {name: zipcode, hierarchy: zipcode.csv}
        k: 3
        suppression: {limit: 0.0, originalRows: 7}
        models:
          - {type: distinctL, sensitive: disease, l: 2}
        """);
    fixture("in/release.csv", """
        age,gender,zipcode,disease
        <50,*,81***,flu
        <50,*,81***,hiv
        >=50,*,81***,flu
        >=50,*,81***,cancer
        <50,*,81***,flu
        >=50,*,81***,flu
        <50,*,81***,hiv
        """);
    fixture("in/htcds.yaml", SchemaFiles.toYaml(Schemas.resolve("htcds")));
    fixture("in/bad-schema.yaml", "schemaFormat: 1\nname: x\nversion: '1'\nvariables: [{name: a, kind: colour}]\n");
    fixture("in/empty.csv", "");
    fixture("in/junk.bin", new byte[] {(byte) 0xff, (byte) 0xfe, '"', 'a', ',', '\n', (byte) 0xc3, '"', 0, '\r'});
    fixture("in/unreadable.csv", resource("/deid/seven.csv"));
    path("in/unreadable.csv").toFile().setReadable(false, false);
    Files.createDirectories(in.resolve("dir"));
    fixture("in/dir/inside.csv", resource("/deid/seven.csv"));
  }

  private static String partnerCsv(PartnerSamples.Profile profile, String idColumn) {
    StringBuilder b = new StringBuilder(PartnerSamples.csvLine(PartnerSamples.header(profile)));
    int n = 0;
    for (Map<String, String> r : PartnerSamples.rows(profile, 12, 5)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put(idColumn, CANARY + "-id" + n++);
      b.append(PartnerSamples.csvLine(new ArrayList<>(m.values())));
    }
    return b.toString();
  }

  private static String partnerJsonLines(PartnerSamples.Profile profile, String idColumn) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Map<String, String> r : PartnerSamples.rows(profile, 12, 6)) {
      Map<String, String> m = new LinkedHashMap<>(r);
      m.put(idColumn, CANARY + "-id" + n++);
      StringBuilder line = new StringBuilder("{");
      m.forEach((k, v) -> line.append(line.length() == 1 ? "" : ",").append(json(k)).append(':').append(json(v)));
      b.append(line).append("}\n");
    }
    return b.toString();
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CliArgumentsHarness.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  private void fixture(String relative, String content) throws IOException {
    fixture(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  private void fixture(String relative, byte[] content) throws IOException {
    Path p = root.resolve(relative);
    Files.write(p, content);
    fixtures.put(p, content);
  }

  private void collectOptionNames() {
    collect(Main.commandLine(Cancellation.none()), "");
  }

  private void collect(CommandLine cl, String path) {
    CommandSpec spec = cl.getCommandSpec();
    List<String> names = new ArrayList<>(new TreeSet<>(spec.optionsMap().keySet()));
    optionNames.put(path.isEmpty() ? "-" : path, names);
    cl.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandSpec().name().equals(name)) {
        collect(sub, path.isEmpty() ? name : path + " " + name);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // the language

  /**
   * Builds the argument vector of a program in the language.
   *
   * @param program the lines
   * @return the arguments
   */
  String[] args(String program) {
    List<String> lines = new ArrayList<>(Arrays.asList(program.split("\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the file's final newline
    }
    String command = lines.isEmpty() ? "-" : lines.get(0).strip();
    if (!optionNames.containsKey(command)) {
      command = COMMANDS.get(Math.floorMod(command.hashCode(), COMMANDS.size()));
    }
    List<String> args = new ArrayList<>();
    if (!command.equals("-")) {
      args.addAll(Arrays.asList(command.split(" ")));
    }
    List<String> names = optionNames.getOrDefault(command, List.of("--help"));
    for (String line : lines.subList(Math.min(1, lines.size()), Math.min(lines.size(), 48))) {
      args.add(token(line, names));
    }
    return args.toArray(String[]::new);
  }

  private String token(String line, List<String> names) {
    if (line.startsWith("!")) {
      String rest = line.substring(1);
      int eq = rest.indexOf('=');
      String name = eq < 0 ? rest : rest.substring(0, eq);
      String option = names.contains(name) ? name : names.get(Math.floorMod(name.hashCode(), names.size()));
      return eq < 0 ? option : option + "=" + token(rest.substring(eq + 1), names);
    }
    if (line.startsWith("$")) {
      return pooled(line.substring(1));
    }
    if (line.startsWith("@")) {
      return "@" + pooled(line.substring(1));
    }
    if (line.startsWith("*")) {
      int colon = line.indexOf(':');
      if (colon > 1 && colon < line.length() - 1) {
        try {
          int n = Math.min(100_000, Math.max(0, Integer.parseInt(line.substring(1, colon))));
          String unit = clean(line.substring(colon + 1));
          StringBuilder b = new StringBuilder(n);
          while (b.length() < n && !unit.isEmpty()) {
            b.append(unit);
          }
          return b.substring(0, Math.min(n, b.length()));
        } catch (NumberFormatException e) {
          // an ordinary argument
        }
      }
    }
    return clean(line);
  }

  private String pooled(String name) {
    int bar = name.indexOf('|');
    if (bar >= 0) {
      return Path.of(pooled(name.substring(0, bar))).resolve(clean(name.substring(bar + 1)).replace("..", "__").replaceFirst("^/+", ""))
          .toString();
    }
    String rel = POOL.contains(name) ? name : POOL.get(Math.floorMod(name.hashCode(), POOL.size()));
    return root.resolve(rel).toString();
  }

  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (!Character.isSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------------
  // confinement

  /**
   * Whether the vector may run: it fails to parse (a usage error, nothing runs), or every path it gives a
   * command lies inside the root, and it does not run {@code demo} with a valid size.
   *
   * @param args the arguments
   * @return whether to run it
   */
  boolean confined(String[] args) {
    CommandLine cl = Main.commandLine(Cancellation.none());
    ParseResult pr;
    try {
      pr = cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return true;
    } catch (RuntimeException e) {
      return true; // Main's own parse fails the same way; the run shows how it reports that
    }
    while (pr.hasSubcommand()) {
      pr = pr.subcommand();
    }
    if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) {
      return true;
    }
    CommandSpec spec = pr.commandSpec();
    if (spec.userObject() instanceof DemoCommand demo) {
      return demo.rows < DemoCommand.MIN_ROWS || demo.rows > DemoCommand.MAX_ROWS;
    }
    for (OptionSpec o : spec.options()) {
      Object v = o.getValue();
      List<?> values = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
      boolean output = o.longestName().equals("--out") || o.longestName().equals("--report");
      for (Object x : values) {
        if (x instanceof Path p && !p.toAbsolutePath().normalize().startsWith(root)
            && (output || p.isAbsolute())) {
          // outputs stay inside the root; inputs are read inside it or relative to the working folder
          return false;
        }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------------
  // running and checking

  /**
   * Runs a vector (it must be {@link #confined}), checks the properties every run has, and restores the
   * fixture folder.
   *
   * @param args the arguments
   * @return the run
   */
  Run runAndCheck(String[] args) {
    Map<Path, byte[]> before = snapshot();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Cancellation.none());
    Run run = new Run(args, code, out.toString(), err.toString());
    try {
      Map<Path, byte[]> after = snapshot();
      check(run, before, after);
    } finally {
      restore();
    }
    return run;
  }

  private void check(Run run, Map<Path, byte[]> before, Map<Path, byte[]> after) {
    assertTrue(EXIT_CODES.contains(run.code()), () -> "an undocumented exit code: " + run.shown());
    List<String> args = Arrays.asList(run.args());
    String shown = run.out() + run.err();
    if (!args.contains("--debug")) {
      for (String trace : List.of("\tat ", "Exception in thread", "java.lang.", "java.io.", "java.nio.",
          "NullPointerException", "IndexOutOfBounds", "internal error", "ClassCastException", "StackOverflow")) {
        // an argument is echoed in its error; Jazzer's hooks on String.contains steer the fuzzer into copying
        // the marker into one (a false finding), so a marker is looked for only when no argument holds it
        if (args.stream().noneMatch(a -> a.contains(trace))) {
          assertFalse(shown.contains(trace), () -> "a stack trace or internal error (" + trace + "): " + run.shown());
        }
      }
    }
    if (args.stream().noneMatch(a -> a.contains("CANARY"))) {
      assertFalse(shown.contains("CANARY"), () -> "an identifier of a data file was printed: " + run.shown());
    }
    Set<Path> changed = new TreeSet<>();
    for (Map.Entry<Path, byte[]> e : after.entrySet()) {
      String name = e.getKey().getFileName().toString();
      assertFalse(org.ctdc.schema.AtomicFiles.isTemporary(name),
          () -> "a temporary file was left behind: " + e.getKey() + "\n" + run.shown());
      byte[] old = before.get(e.getKey());
      if (old == null || !Arrays.equals(old, e.getValue())) {
        changed.add(e.getKey());
      }
    }
    if (run.code() == Main.OK) {
      return;
    }
    Set<Path> allowed = new TreeSet<>();
    if (run.code() == Main.INVALID && args.contains("align")) {
      // align exits 1 when rows were rejected and still writes both files, or neither
      allowed.addAll(alignOutputs(run.args()));
      if (!changed.isEmpty()) {
        assertEquals(allowed, changed, () -> "align wrote part of its outputs: " + run.shown());
      }
      return;
    }
    assertTrue(changed.isEmpty(), () -> "a failed run wrote or changed " + changed + ": " + run.shown());
  }

  private Set<Path> alignOutputs(String[] args) {
    ParseResult pr = Main.commandLine(Cancellation.none()).parseArgs(args).subcommand();
    AlignCommand a = (AlignCommand) pr.commandSpec().userObject();
    return Set.of(a.out.toAbsolutePath().normalize(), a.report.toAbsolutePath().normalize());
  }

  /** Every regular file under the root with its content (hidden temporary files included). */
  private Map<Path, byte[]> snapshot() {
    Map<Path, byte[]> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        try {
          m.put(p, Files.readAllBytes(p));
        } catch (IOException e) {
          m.put(p, new byte[] {-1, -2, -3}); // the unreadable fixture, when not running as root
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** Deletes everything a run added and rewrites any fixture a run changed. */
  void restore() {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (p.equals(root) || fixtures.containsKey(p) || isFixtureFolder(p)) {
          continue;
        }
        if (Files.isDirectory(p)) {
          p.toFile().setWritable(true);
        }
        Files.deleteIfExists(p);
      }
      for (Map.Entry<Path, byte[]> e : fixtures.entrySet()) {
        Path p = e.getKey();
        boolean unreadable = p.getFileName().toString().equals("unreadable.csv");
        if (unreadable || !Files.isRegularFile(p) || !Arrays.equals(Files.readAllBytes(p), e.getValue())) {
          if (Files.isDirectory(p)) {
            deleteTree(p);
          }
          p.toFile().setReadable(true, false);
          Files.write(p, e.getValue());
          if (unreadable) {
            p.toFile().setReadable(false, false);
          }
        }
      }
    } catch (IOException e) {
      fail("cannot restore the fixtures: " + e);
    }
  }

  /** Deletes the fixture folder and everything in it. */
  void delete() {
    path("in/unreadable.csv").toFile().setReadable(true, false);
    try {
      deleteTree(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean isFixtureFolder(Path p) {
    return p.equals(root.resolve("in")) || p.equals(root.resolve("out")) || p.equals(root.resolve("in/dir"));
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
