package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.ctdc.schema.DatasetCsv.ReadResult;
import org.junit.jupiter.api.Test;

/** Reads CTDC's published Victim-Perpetrator synthetic file (a test fixture) with a schema built in code. */
class CtdcVpSyntheticFileTest {

  private static final String FIXTURE = "/fixtures/ctdc/CTDC_VPsynthetic_condensed.csv";

  private static ReadResult readFixture(Schema schema) throws Exception {
    try (InputStream in = CtdcVpSyntheticFileTest.class.getResourceAsStream(FIXTURE)) {
      assertNotNull(in, FIXTURE);
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      return DatasetCsv.read(r, "CTDC_VPsynthetic_condensed.csv", schema, CsvOptions.defaults());
    }
  }

  private static long count(Dataset d, int col, int code) {
    long n = 0;
    for (int r = 0; r < d.rowCount(); r++) {
      n += d.code(r, col) == code ? 1 : 0;
    }
    return n;
  }

  @Test
  void theReleasedFileReadsWithoutErrorsAndMatchesKnownCounts() throws Exception {
    Schema schema = TestSchemas.vpSynthetic();
    ReadResult result = readFixture(schema);
    ValidationReport report = result.report();
    assertEquals(21_195, report.rowsRead());
    assertEquals(0, report.errorCount(), () -> String.join("\n", report.lines()));
    Dataset d = result.dataset();
    assertEquals(21_195, d.rowCount());

    int gender = d.column("gender");
    assertEquals(9_589, count(d, gender, 0));
    assertEquals(7_995, count(d, gender, 1));
    assertEquals(3_611, count(d, gender, Dataset.MISSING_UNKNOWN));

    int ipGender = d.column("IP_Gender");
    long both = 0;
    for (int r = 0; r < d.rowCount(); r++) {
      both += d.codeSet(r, ipGender) == 0b11 ? 1 : 0;
    }
    assertEquals(2_452, both);

    int forced = d.column("isForcedLabour");
    assertEquals(12_248, count(d, forced, 1));
    assertEquals(8_947, count(d, forced, 0));
  }

  @Test
  void writingTheReadDatasetGivesTheReleasedBytesBack() throws Exception {
    ReadResult result = readFixture(TestSchemas.vpSynthetic());
    StringWriter w = new StringWriter();
    DatasetCsv.write(result.dataset(), w);
    String original;
    try (InputStream in = CtdcVpSyntheticFileTest.class.getResourceAsStream(FIXTURE)) {
      original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the release has no final newline; ours always ends lines with LF
    assertEquals(original + "\n", w.toString());
    assertEquals(result.dataset(),
        DatasetCsv.read(new StringReader(w.toString()), "again.csv", TestSchemas.vpSynthetic(), CsvOptions.defaults())
            .dataset());
  }

  @Test
  void validateByPathReadsTheFixtureFromTheClasspathCopy() throws Exception {
    Path file = Path.of(CtdcVpSyntheticFileTest.class.getResource(FIXTURE).toURI());
    ValidationReport report = DatasetCsv.validate(file, TestSchemas.vpSynthetic(), CsvOptions.defaults());
    assertTrue(report.isValid());
    assertEquals(21_195, report.validRows());
  }
}
