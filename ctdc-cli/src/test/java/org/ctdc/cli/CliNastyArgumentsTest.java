package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-picked nasty argument vectors, written in {@link CliArgumentsHarness}'s language, each run through
 * {@link Main#run} with the checks of {@link CliArgumentsFuzzTest} (documented exit code, no stack trace, no
 * canary, a failed run writes and changes nothing), plus its expected exit code and an error of at most three
 * lines. The regressions of the bugs the fuzzing of the arguments found are here.
 */
class CliNastyArgumentsTest {

  private static final CliArgumentsHarness HARNESS = CliArgumentsHarness.create();

  @AfterAll
  static void deleteFixtures() {
    HARNESS.delete();
  }

  static Stream<Arguments> nastyVectors() {
    boolean rootReads = HARNESS.path("in/unreadable.csv").toFile().canRead();
    return Stream.of(
        Arguments.of("no arguments", Main.USAGE, "-"),
        Arguments.of("an unknown command", Main.USAGE, "-\nno-such-command"),
        Arguments.of("only the end of options", Main.USAGE, "-\n--"),
        Arguments.of("an option before the command", Main.USAGE, "-\n--quiet\nvalidate"),
        Arguments.of("the end of options where options are required", Main.USAGE, "validate\n--"),
        Arguments.of("options after the end of options", Main.USAGE,
            "validate\n--\n!--schema\nhtcds\n!--in\n$in/seven.csv"),
        Arguments.of("an option missing its value at the end", Main.USAGE, "validate\n!--schema\nhtcds\n!--in"),
        Arguments.of("an option whose value is the next option", Main.USAGE, "validate\n!--in\n!--schema\nhtcds"),
        Arguments.of("a repeated option", Main.USAGE,
            "validate\n!--schema\nhtcds\n!--schema\nhtcds\n!--in\n$in/seven.csv"),
        Arguments.of("a repeated flag", Main.USAGE,
            "validate\n!--quiet\n!--quiet\n!--schema\nhtcds\n!--in\n$in/seven.csv"),
        Arguments.of("values joined with =", Main.OK, "validate\n!--schema=ctdc-victim-perpetrator\n!--in=$in/vp.csv"),
        Arguments.of("an empty value joined with =", Main.USAGE, "validate\n!--schema=\n!--in=$in/vp.csv"),
        Arguments.of("an empty input path", Main.INVALID, "validate\n!--in\n\n!--schema\nhtcds"),
        Arguments.of("a 100,000-character schema name", Main.USAGE,
            "validate\n!--schema\n*100000:x\n!--in\n$in/seven.csv"),
        Arguments.of("a 5,000-character file name", Main.INVALID,
            "validate\n!--schema\nhtcds\n!--in\n$in|" + "y".repeat(5000)),
        Arguments.of("a 5,000-character output file name", Main.INVALID,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$out|" + "z".repeat(5000)),
        Arguments.of("an input that is a folder", Main.INVALID, "validate\n!--schema\nhtcds\n!--in\n$in/dir"),
        Arguments.of("an input that does not exist", Main.INVALID,
            "risk\n!--in\n$in/missing.csv\n!--schema\nctdc-victim-perpetrator\n!--qi\ngender"),
        Arguments.of("an input without read permission", rootReads ? Main.OK : Main.INVALID,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/unreadable.csv\n!--out\n$out/a.csv"),
        Arguments.of("a configuration that is a folder", Main.INVALID,
            "deid\n!--config\n$in/dir\n!--in\n$in/seven.csv\n!--out\n$out/a.csv"),
        Arguments.of("an empty input", Main.INVALID, "validate\n!--schema\nhtcds\n!--in\n$in/empty.csv"),
        Arguments.of("an input of invalid UTF-8", Main.INVALID,
            "align\n!--spec\nhotline-to-kanon-2020\n!--in\n$in/junk.bin\n!--out\n$out/a.csv\n!--report\n$out/b.json"),
        Arguments.of("an output into a folder that does not exist", Main.OK,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$out/no-such-dir/x.csv"),
        Arguments.of("an output that is a folder", Main.INVALID,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$out"),
        Arguments.of("an output below a file", Main.INVALID,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$in/seven.csv|x.csv"),
        Arguments.of("a tables folder that is a file", Main.INVALID,
            "tables\n!--config\n$in/vp-tables.yaml\n!--in\n$in/vp.csv\n!--out\n$in/seven.csv"),
        Arguments.of("align's output equal to its input", Main.USAGE,
            "align\n!--spec\nhotline-to-kanon-2020\n!--in\n$in/hotline.csv\n!--out\n$in/hotline.csv\n!--report\n$out/b.json"),
        Arguments.of("align's report equal to its output", Main.USAGE,
            "align\n!--spec\nhotline-to-kanon-2020\n!--in\n$in/hotline.csv\n!--out\n$out/a.csv\n!--report\n$out/a.csv"),
        Arguments.of("deid's output equal to its input", Main.USAGE,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$in/seven.csv"),
        Arguments.of("deid's output equal to its configuration", Main.USAGE,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$in/deid.yaml"),
        Arguments.of("deid's report equal to its output", Main.USAGE,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/seven.csv\n!--out\n$out/a.csv\n!--report\n$out/a.csv"),
        Arguments.of("risk's report equal to its input", Main.USAGE,
            "risk\n!--in\n$in/vp.csv\n!--schema\nctdc-victim-perpetrator\n!--qi\ngender\n!--report\n$in/vp.csv"),
        Arguments.of("an export over the schema file it reads", Main.USAGE,
            "schema export\n$in/htcds.yaml\n!--out\n$in/htcds.yaml"),
        Arguments.of("unicode values", Main.USAGE, "validate\n!--schema\nctdc-glöbal-ŝchema-😀\n!--in\n$in/seven.csv"),
        Arguments.of("a unicode file name", Main.INVALID, "validate\n!--schema\nhtcds\n!--in\n$in|ƒïłé-😀.csv"),
        Arguments.of("an @file of data on the command line", Main.USAGE, "-\n@in/canary.csv"),
        Arguments.of("an @file of data as a value", Main.INVALID, "validate\n!--schema\nhtcds\n!--in\n@in/canary.csv"),
        Arguments.of("an @file of data as an option", Main.USAGE,
            "risk\n@in/canary.csv\n!--in\n$in/canary.csv\n!--schema\nhtcds\n!--qi\nage"),
        Arguments.of("an empty list of quasi-identifiers", Main.USAGE,
            "risk\n!--in\n$in/vp.csv\n!--schema\nctdc-victim-perpetrator\n!--qi\n,"),
        Arguments.of("an empty quasi-identifier", Main.USAGE,
            "risk\n!--in\n$in/vp.csv\n!--qi\n\n!--schema\nctdc-victim-perpetrator"),
        Arguments.of("a quasi-identifier named twice", Main.USAGE,
            "risk\n!--in\n$in/vp.csv\n!--schema\nctdc-victim-perpetrator\n!--qi\ngender,gender"),
        Arguments.of("a threshold of zero", Main.USAGE,
            "risk\n!--in\n$in/vp.csv\n!--schema\nctdc-victim-perpetrator\n!--qi\ngender\n!--threshold\n0"),
        Arguments.of("a threshold beyond int", Main.USAGE,
            "risk\n!--in\n$in/vp.csv\n!--schema\nctdc-victim-perpetrator\n!--qi\ngender\n!--threshold\n2147483648"),
        Arguments.of("a negative error limit", Main.USAGE, "validate\n!--schema\nhtcds\n!--in\n$in/vp.csv\n!--max-errors\n-1"),
        Arguments.of("a minimum width of NaN", Main.USAGE,
            "audit\n!--table\n$in/t.csv\n!--definition\n$in/t.table.json\n!--min-width\nNaN"),
        Arguments.of("a minimum width of Infinity", Main.USAGE,
            "audit\n!--table\n$in/t.csv\n!--definition\n$in/t.table.json\n!--min-width\nInfinity"),
        Arguments.of("more tables than definitions", Main.USAGE,
            "audit\n!--table\n$in/t.csv\n!--table\n$in/t.csv\n!--definition\n$in/t.table.json"),
        Arguments.of("a table given as its definition", Main.INVALID,
            "audit\n!--table\n$in/t.table.json\n!--definition\n$in/t.csv"),
        Arguments.of("a demo below the minimum size", Main.USAGE, "demo\n!--rows\n99\n!--out\n$out/demo"),
        Arguments.of("a demo above the maximum size", Main.USAGE, "demo\n!--rows\n2000001\n!--out\n$out/demo"),
        Arguments.of("a demo size that is not a number", Main.USAGE, "demo\n!--rows\n1e3\n!--out\n$out/demo"),
        Arguments.of("a schema diff with one schema", Main.USAGE, "schema diff\nhtcds"),
        Arguments.of("a schema diff with an unknown format", Main.USAGE, "schema diff\nhtcds\nhtcds\n!--format\npdf"),
        Arguments.of("a schema show with three schemas", Main.USAGE, "schema show\nhtcds\nhtcds\nhtcds"),
        Arguments.of("a schema file that breaks the format", Main.INVALID, "schema show\n$in/bad-schema.yaml"),
        Arguments.of("a data file as a schema", Main.INVALID, "schema show\n$in/seven.csv"),
        Arguments.of("a schema file of invalid UTF-8", Main.INVALID, "schema show\n$in/junk.bin"),
        Arguments.of("a verification spec that is a hierarchy", VerifyCommand.NOT_VERIFIED,
            "verify\n!--spec\n$in/age.csv\n!--in\n$in/release.csv"),
        Arguments.of("a verification spec that is binary", VerifyCommand.NOT_VERIFIED,
            "verify\n!--spec\n$in/junk.bin\n!--in\n$in/release.csv"),
        // read as CSV, the YAML's quoted delimiter stops the reader: not read to its end (issue 15: exit 4)
        Arguments.of("a deid configuration given as the data", Main.NOT_READ,
            "deid\n!--config\n$in/deid.yaml\n!--in\n$in/deid.yaml\n!--out\n$out/a.csv"),
        Arguments.of("a tables configuration that is a deid configuration", Main.INVALID,
            "tables\n!--config\n$in/deid.yaml\n!--in\n$in/vp.csv\n!--out\n$out/t"),
        Arguments.of("help for a command", Main.OK, "help\ndeid"),
        Arguments.of("help for an unknown command", Main.USAGE, "help\nno-such-command"),
        Arguments.of("help wins over an unknown option", Main.OK, "validate\n!--help\n--colour"),
        Arguments.of("the version", Main.OK, "-\n--version"),
        Arguments.of("a clustered short option", Main.USAGE, "validate\n-qq\n!--schema\nhtcds\n!--in\n$in/vp.csv"),
        Arguments.of("an option-like value", Main.USAGE, "validate\n!--schema\n--quiet\n!--in\n$in/vp.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nastyVectors")
  void aNastyVectorExitsWithItsCodeAndNoStackTrace(String what, int expected, String program) {
    String[] args = HARNESS.args(program);
    assertTrue(HARNESS.confined(args), "the vector stays in the fixture folder");
    CliArgumentsHarness.Run run = HARNESS.runAndCheck(args);
    assertEquals(expected, run.code(), run::shown);
    assertTrue(run.code() == Main.OK || !run.err().isBlank(), () -> "a failure says why: " + run.shown());
    assertTrue(run.err().lines().count() <= 3, () -> "the error is a line or two: " + run.shown());
  }

  @Test
  void everyCommandsHelpFormatsWithoutPicocliWarnings() {
    // picocli reads descriptions as format strings and warns on the JVM's standard error ("5 % of" in demo's)
    PrintStream saved = System.err;
    ByteArrayOutputStream jvmErr = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(jvmErr, true, StandardCharsets.UTF_8));
      for (String c : new String[] {"schema", "validate", "align", "audit", "deid", "verify", "risk", "tables", "demo"}) {
        CliArgumentsHarness.Run run = HARNESS.runAndCheck(new String[] {c, "--help"});
        assertEquals(Main.OK, run.code(), run::shown);
      }
    } finally {
      System.setErr(saved);
    }
    String warnings = jvmErr.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), warnings);
  }
}
