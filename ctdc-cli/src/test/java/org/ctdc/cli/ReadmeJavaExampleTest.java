package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the README's Java example (a partner's whole path over ctdc-schema, ctdc-core and ctdc-deid) is
 * taken from the README itself, compiled with {@code javax.tools} against the test class path and run, so
 * the README cannot drift from the library.
 */
class ReadmeJavaExampleTest {

  private static final Path README = Path.of("../README.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final String CLASS = "PartnerPath";

  @TempDir static Path work;
  private static Class<?> example;
  private static String source;

  /** The one ```java block of the README that declares the example class. */
  static String readmeExample() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1).contains("public final class " + CLASS + " {")) {
        found.add(m.group(1));
      }
    }
    assertEquals(1, found.size(), "the README holds exactly one Java block declaring " + CLASS);
    return found.get(0);
  }

  @BeforeAll
  static void compileTheReadmeExample() throws Exception {
    source = readmeExample();
    Path src = Files.createDirectories(work.resolve("src")).resolve(CLASS + ".java");
    Files.writeString(src, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(work.resolve("classes"));
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "the tests run on a JDK");
    StringWriter diagnostics = new StringWriter();
    // every warning is an error: a deprecated or unchecked call in the README fails here
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-classpath", classPath, "-d", classes.toString(), "-Xlint:all", "-Werror", "--release", "17"),
        null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.toFile()))
        .call();
    assertTrue(ok, "the README's Java example does not compile:\n" + diagnostics);
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeJavaExampleTest.class.getClassLoader());
    example = loader.loadClass(CLASS);
  }

  /** A partner's records as its own system holds them: its column names and codes, a case id, some gaps. */
  static List<Map<String, String>> records(int n, long seed) {
    Random r = new Random(seed);
    String[] years = {"2019", "2020", "2021", "2022"};
    String[] regions = {"Africa", "Americas/Oceania", "Asia", "Europe"};
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> row = new HashMap<>();
      row.put("caseId", "CANARY-case-" + (1_000_000 + i));
      row.put("year", years[r.nextInt(years.length)]);
      row.put("sex", r.nextInt(20) == 0 ? "" : r.nextInt(3) == 0 ? "M" : "F");
      row.put("adult", r.nextInt(4) == 0 ? "no" : "yes");
      row.put("citizenshipRegion", regions[Math.min(r.nextInt(6), 3)]);
      // Americas/Oceania is rare: its cells are the small ones
      row.put("exploitationRegion", r.nextInt(40) == 0 ? "" : r.nextInt(20) == 0 ? regions[1] : regions[new int[] {0, 2, 3}[r.nextInt(3)]]);
      boolean labour = r.nextBoolean();
      row.put("labour", labour ? "yes" : "no");
      row.put("sexual", !labour || r.nextInt(10) == 0 ? "yes" : "no");
      rows.add(row);
    }
    return rows;
  }

  private static String run(List<Map<String, String>> rows, Path tables, boolean[] passed) throws Exception {
    Method run = example.getMethod("run", List.class, Path.class);
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      passed[0] = (Boolean) run.invoke(null, rows, tables);
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void issue16_theReadmeExampleCompilesOnTheModulePathWithTheModulesTheReadmeNames(@TempDir Path dir) throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String requires = "requires org.ctdc.core; requires org.ctdc.deid;";
    assertTrue(readme.contains("`" + requires + "`"), "the README names the modules to require");
    Path src = Files.createDirectories(dir.resolve("src/partner"));
    Files.writeString(src.resolve(CLASS + ".java"), "package partner;\n" + source, StandardCharsets.UTF_8);
    Path info = Files.writeString(dir.resolve("src/module-info.java"), "module partner { " + requires + " }");
    // the three library modules and their dependencies, as a partner's build puts them on the module path
    List<String> libraries = new ArrayList<>();
    for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
        .split(File.pathSeparator)) {
      if (Pattern.compile("ctdc-(schema|core|deid)|jackson|ojalgo|slf4j-api|commons-(text|lang3)|snakeyaml")
          .matcher(entry).find()) {
        libraries.add(entry);
      }
    }
    // the modules require JSpecify "static transitive": it must be on the module path, as it is on a partner's
    // (a compile dependency of the library modules)
    libraries.add(Path.of(NullMarked.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("--module-path", String.join(File.pathSeparator, libraries), "-d", dir.resolve("out").toString(),
            "--release", "17"),
        null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
            .getJavaFileObjects(info.toFile(), src.resolve(CLASS + ".java").toFile()))
        .call();
    assertTrue(ok, "on the module path:\n" + diagnostics + "\n" + libraries);
  }

  @Test
  void issue16_theReadmeExampleCoversAllThreeLibraryModulesWithExportedApiOnly() {
    for (String module : List.of("org.ctdc.schema.", "org.ctdc.core.", "org.ctdc.deid.")) {
      assertTrue(source.contains("import " + module), "the example uses " + module);
    }
    assertFalse(source.contains(".internal."), "no internal package");
    assertFalse(source.contains(".sample."), "no sample generator: the records are built by the caller");
    long lines = source.lines().count();
    assertTrue(lines <= 90, "the example stays short: " + lines + " lines");
  }

  @Test
  void issue16_theReadmeExampleAlignsDeidentifiesVerifiesTabulatesAndAudits(@TempDir Path dir) throws Exception {
    List<Map<String, String>> rows = records(3000, 16);
    boolean[] passed = new boolean[1];
    String out = run(rows, dir.resolve("tables"), passed);
    assertTrue(passed[0], "verified and audited:\n" + out);
    List<String> lines = out.lines().toList();
    assertEquals("our-cases: 3000 rows read, 3000 aligned, 0 rejected", lines.get(0), out);
    assertTrue(lines.get(1).matches("\\d+ released, \\d+ suppressed"), out);
    long suppressed = Long.parseLong(lines.get(1).replaceAll(".* (\\d+) suppressed", "$1"));
    assertTrue(suppressed <= 150, "at most 5 % of 3000 records suppressed: " + out);
    // one line per quasi-identifier of the schema (the report's information kept)
    for (String qi : List.of("yearRegister", "gender", "majorityStatus", "UN_COO_Region", "UN_COE_Region")) {
      assertTrue(lines.stream().anyMatch(l -> l.matches(qi + ": level \\d+ of \\d+ \\(.+\\), \\d+ % of distinct values kept")), qi + "\n" + out);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("PASSED: ") && l.contains("rows")), out);
    String tableLine = lines.stream().filter(l -> l.contains("rows left out")).findFirst().orElseThrow();
    assertTrue(tableLine.matches("\\d+ rows left out \\(missing\\); cells suppressed: \\d+ primary, \\d+ secondary"), out);
    assertTrue(lines.get(lines.size() - 1).startsWith("audit of gender-by-exploitation-region: ")
        && lines.get(lines.size() - 1).endsWith("PASSED"), out);
    assertTrue(Files.isRegularFile(dir.resolve("tables/gender-by-exploitation-region.csv")));
    // the rows the tabulation left out are exactly those with a missing gender or region of exploitation
    long missing = rows.stream().filter(r -> r.get("sex").isEmpty() || r.get("exploitationRegion").isEmpty()).count();
    assertTrue(tableLine.startsWith(missing + " rows left out"), tableLine + " / " + missing);
    assertFalse(out.contains("CANARY"), "no record identifier is printed");
  }

  @Test
  void issue16_smallCellsAreSuppressedAndTheAuditStillPasses(@TempDir Path dir) throws Exception {
    // few records: some cells of the table fall below the threshold and are suppressed
    List<Map<String, String>> rows = records(400, 7);
    boolean[] passed = new boolean[1];
    String out = run(rows, dir, passed);
    String tableLine = out.lines().filter(l -> l.contains("rows left out")).findFirst().orElseThrow();
    int primary = Integer.parseInt(tableLine.replaceAll(".*: (\\d+) primary.*", "$1"));
    assertTrue(primary > 0, out);
    assertTrue(passed[0], out);
    assertTrue(out.lines().anyMatch(l -> l.matches("audit of .*: \\d+ suppressed cells \\(" + primary
        + " primary, \\d+ secondary\\); 0 primary exposed; PASSED")), out);
  }
}
