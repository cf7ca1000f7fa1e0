package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 on the command line: the spec {@code deid --verify-spec} writes carries what {@code verify} needs
 * to read the release (a {@code ;}-delimited release without a schema round-trips), "cannot read" is not
 * "verification failed" (the message says "not verified"; since issue 16 both exit 1, as every command for
 * an input it cannot read), a misspelt key in a spec is an error naming file, path and key, and relative
 * paths of a configuration resolve against its own folder, not the working directory.
 */
class Issue14StrictFilesCliTest {

  @TempDir Path dir;

  /** The seven-record example, semicolon-delimited, its configuration and hierarchies in {@code conf/}. */
  private Path[] semicolonFixture() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    for (String f : List.of("age.csv", "gender.csv", "zipcode.csv")) {
      try (InputStream in = Issue14StrictFilesCliTest.class.getResourceAsStream("/deid/" + f)) {
        Files.copy(in, conf.resolve(f));
      }
    }
    String seven;
    try (InputStream in = Issue14StrictFilesCliTest.class.getResourceAsStream("/deid/seven.csv")) {
      seven = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path data = Files.writeString(dir.resolve("seven-semicolon.csv"), seven.replace(',', ';'));
    Path config = Files.writeString(conf.resolve("deid.yaml"), String.join("\n",
        "input: {delimiter: ';'}",
        "quasiIdentifiers:",
        "  - {name: age, hierarchy: age.csv}",
        "  - {name: gender, hierarchy: gender.csv}",
        "  - {name: zipcode, hierarchy: zipcode.csv}",
        "identifiers: [name]",
        "models:",
        "  - k: 3",
        "suppressionLimit: 0",
        ""));
    return new Path[] {config, data};
  }

  private static CliTest.Run deid(Path[] fixture, Path release, Path verify) {
    return CliTest.run("deid", "--config", fixture[0].toString(), "--in", fixture[1].toString(), "--out",
        release.toString(), "--verify-spec", verify.toString());
  }

  @Test
  void issue14_theVerifySpecIsWrittenWithTheOtherOutputsAllOrNone() throws Exception {
    Path[] f = semicolonFixture();
    Path out = Files.createDirectories(dir.resolve("out"));
    Path verify = Files.createDirectories(out.resolve("verify.yaml"));
    CliTest.Run d = deid(f, out.resolve("release.csv"), verify);
    assertEquals(Main.INVALID, d.code(), d.err());
    assertTrue(d.err().contains("not written"), d.err());
    assertFalse(Files.exists(out.resolve("release.csv")), "no release without its spec");
    assertFalse(Files.exists(out.resolve("verify.yaml-hierarchies")) || Files.exists(out.resolve("verify-hierarchies")));
    Path clash = dir.resolve("conf/deid.yaml");
    CliTest.Run same = deid(f, out.resolve("release.csv"), clash);
    assertEquals(Main.USAGE, same.code(), same.err());
  }

  @Test
  void issue14_aSemicolonReleaseWithoutASchemaIsReadBackAndVerifiedWithTheSpecDeidWrote() throws Exception {
    Path[] f = semicolonFixture();
    Path out = dir.resolve("out");
    Path release = out.resolve("release.csv");
    Path verify = out.resolve("verify.yaml");
    CliTest.Run d = deid(f, release, verify);
    assertEquals(Main.OK, d.code(), d.err());
    assertTrue(Files.readString(release).startsWith("age;gender;zipcode\n"), "the release keeps the delimiter");
    String spec = Files.readString(verify);
    assertTrue(spec.contains("delimiter: ;") || spec.contains("delimiter: \";\"") || spec.contains("delimiter: ';'"),
        spec);
    assertTrue(spec.contains("k: 3"), spec);
    assertTrue(Files.isRegularFile(out.resolve("verify-hierarchies/zipcode.csv")), "hierarchies beside the spec");
    CliTest.Run v = CliTest.run("verify", "--spec", verify.toString(), "--in", release.toString());
    assertEquals(Main.OK, v.code(), v.out() + v.err());
    assertTrue(v.out().startsWith("PASSED"), v.out());
    assertTrue(v.out().contains("zipcode=3"), "the hierarchies were read: " + v.out());
  }

  @Test
  void issue14_aReleaseReadUnderASchemaGetsItsSchemaWrittenBesideTheSpec() throws Exception {
    Path[] f = semicolonFixture();
    Path out = dir.resolve("out");
    // de-identify once without a schema, then use that release's schema as the input's schema
    CliTest.Run first = deid(f, out.resolve("r0.csv"), out.resolve("v0.yaml"));
    assertEquals(Main.OK, first.code(), first.err());
    Path inferred = dir.resolve("conf/input-schema.yaml");
    String schema = org.ctdc.schema.SchemaFiles.toYaml(
        org.ctdc.schema.InferredSchemas.fromCsv(f[1], ';', List.of("")));
    Files.writeString(inferred, schema);
    Files.writeString(f[0], Files.readString(f[0]).replace("input: {delimiter: ';'}", "input: {schema: input-schema.yaml}"));
    Path release = out.resolve("release.csv");
    Path verify = out.resolve("v.yaml");
    CliTest.Run d = deid(f, release, verify);
    assertEquals(Main.OK, d.code(), d.err());
    assertTrue(Files.readString(verify).contains("schema: v-release-schema.yaml"), Files.readString(verify));
    assertTrue(Files.isRegularFile(out.resolve("v-release-schema.yaml")));
    CliTest.Run v = CliTest.run("verify", "--spec", verify.toString(), "--in", release.toString());
    assertEquals(Main.OK, v.code(), v.out() + v.err());
  }

  @Test
  void issue14_cannotReadSaysNotVerifiedWhileAFailedCheckListsTheViolations() throws Exception {
    Path[] f = semicolonFixture();
    Path out = dir.resolve("out");
    Path release = out.resolve("release.csv");
    Path verify = out.resolve("verify.yaml");
    assertEquals(Main.OK, deid(f, release, verify).code());
    String spec = Files.readString(verify);

    CliTest.Run noRelease = CliTest.run("verify", "--spec", verify.toString(), "--in", out.resolve("absent.csv").toString());
    assertEquals(VerifyCommand.NOT_VERIFIED, noRelease.code(), noRelease.err());
    assertTrue(noRelease.err().startsWith("ctdc: not verified: cannot read the release: "), noRelease.err());
    assertEquals(1, noRelease.err().lines().count(), noRelease.err());

    CliTest.Run noSpec = CliTest.run("verify", "--spec", out.resolve("absent.yaml").toString(), "--in", release.toString());
    assertEquals(VerifyCommand.NOT_VERIFIED, noSpec.code(), noSpec.err());
    assertTrue(noSpec.err().startsWith("ctdc: not verified: cannot read the verification spec: "), noSpec.err());

    Files.writeString(verify, spec.replace("k: 3", "K: 1000"));
    CliTest.Run capital = CliTest.run("verify", "--spec", verify.toString(), "--in", release.toString());
    assertEquals(VerifyCommand.NOT_VERIFIED, capital.code(), capital.out() + capital.err());
    assertTrue(capital.err().contains(verify + ": unknown key 'K' (known: "), capital.err());
    assertFalse(capital.out().contains("PASSED"), "a misspelt k never passes: " + capital.out());

    Files.writeString(verify, spec.replace("k: 3", "k: 4"));
    CliTest.Run failed = CliTest.run("verify", "--spec", verify.toString(), "--in", release.toString());
    assertEquals(Main.INVALID, failed.code(), failed.out() + failed.err());
    assertTrue(failed.out().contains("k-anonymity") && failed.out().contains("FAILED"), failed.out());
    assertFalse(failed.err().contains("not verified"), failed.err());
  }

  @Test
  void issue14_relativePathsOfADeidConfigurationResolveAgainstItsFolder() throws Exception {
    Path[] f = semicolonFixture();
    Path key = Files.write(dir.resolve("conf/key.bin"), new byte[32]);
    Files.writeString(f[0], Files.readString(f[0]).replace("identifiers: [name]", "pseudonymKeyFile: key.bin"));
    // the working directory of the test is the module's folder, where none of these files are
    assertFalse(Files.exists(Path.of("age.csv")) || Files.exists(Path.of("key.bin")));
    CliTest.Run d = CliTest.run("deid", "--config", f[0].toString(), "--in", f[1].toString(), "--out",
        dir.resolve("r.csv").toString());
    assertEquals(Main.OK, d.code(), d.err());
    assertTrue(Files.exists(key));
  }

  /** docs/deid-config.md's exit-code section says what the command does: a configuration error is 1. */
  @Test
  void issue14_theDeidExitCodesOfTheDocsAreTheBehaviour() throws Exception {
    String doc = Files.readString(Path.of("../docs/deid-config.md"));
    Matcher m = Pattern.compile("## Exit codes of `ctdc deid`\\s+(.*?)\\n\\n", Pattern.DOTALL).matcher(doc);
    assertTrue(m.find(), "the section exists");
    String section = m.group(1).replaceAll("\\s+", " ");
    assertTrue(section.contains("`1` ") && section.substring(section.indexOf("`1` "), section.indexOf("`2` "))
        .contains("configuration"), "a configuration error is documented as 1: " + section);
    assertFalse(section.substring(section.indexOf("`2` "), section.indexOf("`3` ")).contains("configuration error"),
        section);
    Path[] f = semicolonFixture();
    Files.writeString(f[0], Files.readString(f[0]) + "colour: red\n");
    CliTest.Run r = CliTest.run("deid", "--config", f[0].toString(), "--in", f[1].toString(), "--out",
        dir.resolve("r.csv").toString());
    assertEquals(Main.INVALID, r.code(), r.err());
    assertTrue(r.err().contains(f[0] + ": unknown key 'colour' (known: "), r.err());
  }
}
