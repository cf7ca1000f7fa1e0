package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Left open by issue 14 and closed with issue 15: {@code deid} and {@code risk}, like {@code align} and
 * {@code validate}, exit {@link Main#NOT_READ} (never 1, "invalid data") when their input cannot be read to
 * its end, with one line and no output written.
 */
class Issue15StoppedInputExitTest {

  /** seven.csv with an unclosed quote opening its fourth data row. */
  private static Path unreadable(Path dir) throws Exception {
    ExitCodesTest.deidFixtures(dir);
    String csv = Files.readString(dir.resolve("seven.csv"), StandardCharsets.UTF_8);
    String[] lines = csv.split("\n", -1);
    lines[4] = "\"" + lines[4];
    return Files.writeString(dir.resolve("broken.csv"), String.join("\n", lines));
  }

  @Test
  void issue15_deidOfAnInputItCannotReadToItsEndExits4(@TempDir Path dir) throws Exception {
    Path in = unreadable(dir);
    CliTest.Run r = CliTest.run("deid", "--config", dir.resolve("deid.yaml").toString(), "--in", in.toString(),
        "--out", dir.resolve("release.csv").toString());
    assertEquals(Main.NOT_READ, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("broken.csv"), r.err());
    assertFalse(r.err().contains("P3"), "no record value in the message");
    assertFalse(Files.exists(dir.resolve("release.csv")));
  }

  @Test
  void issue15_riskOfAnInputItCannotReadToItsEndExits4(@TempDir Path dir) throws Exception {
    Path in = unreadable(dir);
    Path schema = Files.writeString(dir.resolve("seven-schema.yaml"), """
        schemaFormat: 1
        name: seven
        version: "1"
        format: {missing: [""], delimiter: ","}
        variables:
          - {name: name, kind: identifier}
          - {name: age, kind: count, role: quasiIdentifier}
          - name: gender
            kind: categorical
            role: quasiIdentifier
            values: [{code: male}, {code: female}]
          - {name: zipcode, kind: freeText}
        """);
    CliTest.Run good = CliTest.run("risk", "--in", dir.resolve("seven.csv").toString(), "--schema",
        schema.toString(), "--qi", "age,gender");
    assertEquals(Main.OK, good.code(), good.err());
    CliTest.Run r = CliTest.run("risk", "--in", in.toString(), "--schema", schema.toString(), "--qi", "age,gender",
        "--report", dir.resolve("risk.json").toString());
    assertEquals(Main.NOT_READ, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("broken.csv"), r.err());
    assertFalse(r.err().contains("P3"), "no record value in the message");
    assertFalse(Files.exists(dir.resolve("risk.json")));
  }
}
