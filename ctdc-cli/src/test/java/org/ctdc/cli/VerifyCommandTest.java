package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new VerifyCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      if (ex instanceof CtdcException) {
        c.getErr().println("ctdc: " + ex.getMessage());
        return Main.INVALID;
      }
      throw ex;
    });
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("age.csv"), "34;<50;*\n45;<50;*\n66;>=50;*\n70;>=50;*\n");
    Files.writeString(dir.resolve("gender.csv"), "male;*\nfemale;*\n");
    Files.writeString(dir.resolve("zip.csv"), String.join("\n",
        "81667;8166*;816**;81***;8****;*****", "81675;8167*;816**;81***;8****;*****",
        "81925;8192*;819**;81***;8****;*****", "81931;8193*;819**;81***;8****;*****") + "\n");
    Files.writeString(dir.resolve("VERIFY.yaml"), String.join("\n",
        "quasiIdentifiers:",
        "  - {name: age, hierarchy: age.csv}",
        "  - {name: gender, hierarchy: gender.csv}",
        "  - {name: zipcode, hierarchy: zip.csv}",
        "k: 3",
        "suppression: {limit: 0.0, originalRows: 7}",
        "models:",
        "  - {type: distinctL, sensitive: disease, l: 2}",
        ""));
  }

  @Test
  void aGoodReleasePassesWithExitZero() throws Exception {
    Path release = dir.resolve("good.csv");
    Files.writeString(release, String.join("\n", "age,gender,zipcode,disease",
        "<50,*,81***,flu", "<50,*,81***,hiv", ">=50,*,81***,flu", ">=50,*,81***,cancer",
        "<50,*,81***,flu", ">=50,*,81***,flu", "<50,*,81***,hiv", ""));
    Run r = run("--spec", dir.resolve("VERIFY.yaml").toString(), "--in", release.toString());
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("PASSED"), r.out());
    assertTrue(r.out().contains("age=1") && r.out().contains("zipcode=3"), r.out());
  }

  @Test
  void aBadReleaseFailsWithExitOneNamingRulesButNoSensitiveValue() throws Exception {
    Path release = dir.resolve("bad.csv");
    Files.writeString(release, String.join("\n", "age,gender,zipcode,disease",
        "<50,male,81***,hiv", "<50,female,81***,hiv", ">=50,male,81***,flu", ">=50,female,81***,cancer",
        "<50,female,81***,hiv", ">=50,male,81***,flu", "<50,male,81***,hiv", ""));
    Run r = run("--spec", dir.resolve("VERIFY.yaml").toString(), "--in", release.toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.out().contains("k-anonymity") && r.out().contains("distinct-l-diversity"), r.out());
    assertTrue(r.out().contains("FAILED"), r.out());
    assertFalse(r.out().contains("hiv") || r.out().contains("flu") || r.out().contains("cancer"), r.out());
  }

  @Test
  void arxSuppressedRecordsCountAgainstTheLimit() throws Exception {
    Files.writeString(dir.resolve("ARX.yaml"), String.join("\n",
        "quasiIdentifiers: [{name: age, hierarchy: age.csv}, {name: gender, hierarchy: gender.csv}]",
        "k: 2", "suppressedRecordToken: '*'", "suppression: {limit: 0.1, originalRows: 5}", ""));
    Path release = dir.resolve("arx.csv");
    Files.writeString(release, "age,gender\n<50,male\n<50,male\n>=50,female\n>=50,female\n*,*\n");
    Run r = run("--spec", dir.resolve("ARX.yaml").toString(), "--in", release.toString());
    assertEquals(Main.INVALID, r.code(), r.out());
    assertTrue(r.out().contains("suppression-limit"), r.out());
    Files.writeString(dir.resolve("ARX.yaml"), Files.readString(dir.resolve("ARX.yaml")).replace("0.1", "0.2"));
    assertEquals(Main.OK, run("--spec", dir.resolve("ARX.yaml").toString(), "--in", release.toString()).code());
  }

  @Test
  void aBrokenSpecIsOneLineNamingTheFieldAndRule() throws Exception {
    Files.writeString(dir.resolve("BAD.yaml"), "quasiIdentifiers: [age]\nmodels:\n  - {type: nope, sensitive: x}\n");
    Path release = dir.resolve("r.csv");
    Files.writeString(release, "age,x\n<50,a\n");
    Run r = run("--spec", dir.resolve("BAD.yaml").toString(), "--in", release.toString());
    assertEquals(VerifyCommand.NOT_VERIFIED, r.code());
    assertTrue(r.err().contains("models[0].type") && r.err().contains("unknown model"), r.err());
    Files.writeString(dir.resolve("BAD.yaml"), "k: 3\n");
    Run missing = run("--spec", dir.resolve("BAD.yaml").toString(), "--in", release.toString());
    assertTrue(missing.err().contains("quasiIdentifiers: required"), missing.err());
  }
}
