package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented exit codes 0, 1, 2 and 3 through {@link Main#run}, and that a failure writes no output. */
class ExitCodesTest {

  static Path deidFixtures(Path dir) throws Exception {
    for (String f : List.of("seven.csv", "age.csv", "gender.csv", "zipcode.csv", "deid.yaml")) {
      try (InputStream in = ExitCodesTest.class.getResourceAsStream("/deid/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }

  @Test
  void successIsZero(@TempDir Path dir) throws Exception {
    deidFixtures(dir);
    CliTest.Run r = CliTest.run("deid", "--config", dir.resolve("deid.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", dir.resolve("release.csv").toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(Files.isRegularFile(dir.resolve("release.csv")));
  }

  @Test
  void invalidDataIsOne(@TempDir Path dir) throws Exception {
    deidFixtures(dir);
    Files.writeString(dir.resolve("broken.yaml"), Files.readString(dir.resolve("deid.yaml")) + "colour: red\n");
    CliTest.Run r = CliTest.run("deid", "--config", dir.resolve("broken.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", dir.resolve("release.csv").toString());
    assertEquals(Main.INVALID, r.code(), r.err());
    assertTrue(r.err().contains("broken.yaml") && r.err().contains("colour"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(dir.resolve("release.csv")));
  }

  @Test
  void usageErrorIsTwo() {
    assertEquals(Main.USAGE, CliTest.run("deid", "--in", "x.csv").code());
    assertEquals(Main.USAGE, CliTest.run("risk", "--no-such-option").code());
    assertEquals(Main.USAGE, CliTest.run("no-such-command").code());
  }

  @Test
  void anUnsatisfiableModelIsThreeAndWritesNothing(@TempDir Path dir) throws Exception {
    deidFixtures(dir);
    // seven records can never form a class of eight when no record may be suppressed
    Files.writeString(dir.resolve("k8.yaml"), Files.readString(dir.resolve("deid.yaml")).replace("k: 3", "k: 8"));
    CliTest.Run r = CliTest.run("deid", "--config", dir.resolve("k8.yaml").toString(), "--in",
        dir.resolve("seven.csv").toString(), "--out", dir.resolve("release.csv").toString());
    assertEquals(Main.UNSATISFIABLE, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("ctdc: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(dir.resolve("release.csv")));
    assertFalse(r.err().contains("P0"), "no identifier in the message");
  }
}
