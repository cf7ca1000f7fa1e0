package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.samples.PartnerSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Left open by issue 14 and closed with issue 15: {@code align} takes {@code --no-formula-guard} like every
 * command that writes CSV. Its output holds only codes of closed value sets, numbers and years, so the guard
 * changes nothing on a partner file and no count is printed; the option must not change the bytes either.
 */
class Issue15AlignFormulaGuardTest {

  @Test
  void issue15_alignTakesNoFormulaGuardAndWritesTheSameBytes(@TempDir Path dir) throws Exception {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(PartnerSamples.Profile.HOTLINE, 300, 7, w);
    Path in = Files.writeString(dir.resolve("hotline.csv"), w.toString());
    CliTest.Run guarded = CliTest.run("align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(),
        "--out", dir.resolve("a.csv").toString(), "--report", dir.resolve("a.json").toString());
    CliTest.Run plain = CliTest.run("align", "--spec", "hotline-to-kanon-2020", "--in", in.toString(),
        "--out", dir.resolve("b.csv").toString(), "--report", dir.resolve("b.json").toString(),
        "--no-formula-guard");
    assertEquals(guarded.code(), plain.code(), plain.err());
    assertFalse(plain.code() == Main.USAGE, plain.err());
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
    assertFalse(guarded.out().contains("formula guard"), guarded.out());
  }
}
