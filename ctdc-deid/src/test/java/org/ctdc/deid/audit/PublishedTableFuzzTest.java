package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ctdc.schema.CtdcException;

/**
 * Fuzzes the audit's file readers: a table definition JSON and a published-table CSV. One input holds both,
 * the definition first, then a line {@code ====}, then the CSV (no such line: the whole input is the
 * definition and the CSV is empty). In a plain build this runs over the committed corpus in
 * {@code src/test/resources/org/ctdc/deid/audit/PublishedTableFuzzTestInputs/}; with {@code JAZZER_FUZZ=1}
 * it fuzzes (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either reads, and the table written back reads again equal, or throws a
 * {@link CtdcException} whose message names the file. Any other throwable is a finding.
 */
class PublishedTableFuzzTest {

  private static final byte[] SPLIT = "\n====\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final Path DIR = tempDir();

  @FuzzTest(maxDuration = "2m")
  void tableCsvAndDefinition(byte[] data) throws IOException {
    int at = indexOf(data, SPLIT);
    byte[] def = at < 0 ? data : Arrays.copyOfRange(data, 0, at);
    byte[] csv = at < 0 ? new byte[0] : Arrays.copyOfRange(data, at + SPLIT.length, data.length);
    Path defFile = DIR.resolve("fuzz.table.json");
    Path csvFile = DIR.resolve("fuzz.csv");
    Files.write(defFile, def);
    Files.write(csvFile, csv);
    PublishedTable t;
    try {
      t = PublishedTable.read(csvFile, defFile);
    } catch (CtdcException e) {
      String m = String.valueOf(e.getMessage());
      assertTrue(m.startsWith(defFile + ": ") || m.startsWith(csvFile + ": "),
          () -> "message does not name the file: " + m);
      return;
    }
    Path again = DIR.resolve("again.csv");
    t.writeCsv(again);
    Path againDef = DIR.resolve("again.table.json");
    Files.writeString(againDef, t.definition().toJson());
    PublishedTable back = PublishedTable.read(again, againDef);
    assertEquals(t.rows(), back.rows(), "table rows survive a write and read");
    assertEquals(t.definition(), back.definition(), "definition survives a write and read");
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("ctdc-table-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
