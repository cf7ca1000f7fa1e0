package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.ctdc.schema.internal.Utf8Input;
import org.ctdc.testkit.GeneratedCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "every row counted", for the dataset CSV reader ({@code DatasetCsv.read} / {@code validate},
 * used by validate, deid, tables, risk and verify) and {@code InferredSchemas.fromCsv}: a file that cannot
 * be read to its end gives no rows and no report but an {@link InputStoppedException} saying how far the
 * read got; a row of only delimiters is invalid ({@code empty-row}); a blank line is skipped and counted;
 * invalid UTF-8 is reported at its own row and field; the column limit holds while parsing.
 */
class Issue14DatasetCsvRowsTest {

  private static final Schema SCHEMA = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
  private static final String HEADER =
      "gender,ageBroad,CountryOfExploitation,isForcedLabour,IP_Gender,IP_citizen,yearOfRegistration,"
          + "numberOfVictims,notes,caseId,manyCodes\n";
  private static final String VALID = "Female,18--29,Asia,1,Female;Male,Asia; Europe,2019,2,a note,case-1,c7\n";
  private static final String INVALID = "F?,18--29,Asia,1,Female;Male,Asia; Europe,2019,2,a note,case-1,c7\n";

  @TempDir Path dir;

  @Test
  void issue14_anUnclosedQuoteAtRow6Of1000GivesNoRowsAndSaysHowFarTheReaderGot() throws IOException {
    String rest = VALID.repeat(994);
    Path file = Files.writeString(dir.resolve("release.csv"),
        HEADER + VALID.repeat(3) + INVALID + VALID + "\"Female,18--29,Asia,1\n" + rest);
    for (Runnable read : List.<Runnable>of(
        () -> DatasetCsv.read(file, SCHEMA, CsvOptions.defaults()),
        () -> DatasetCsv.validate(file, SCHEMA, CsvOptions.defaults()))) {
      InputStoppedException e = assertThrows(InputStoppedException.class, read::run);
      assertEquals(6, e.row());
      assertEquals(5, e.rowsRead());
      assertEquals(4, e.rowsAccepted());
      assertEquals(1, e.rowsRejected());
      assertEquals(file + ": row 6: malformed CSV, such as a stray or unclosed quote; reading stopped "
          + "there: 5 rows read before it (4 valid, 1 invalid), row 6 and the rest of the file not read",
          e.getMessage());
    }
  }

  @Test
  void issue14_aRowOfOnlyDelimitersIsInvalidAndABlankLineIsSkippedAndCounted() {
    String csv = HEADER + VALID + ",,,,,,,,,,\n" + "\n" + VALID + " , ,\n" + "\n";
    DatasetCsv.ReadResult r = DatasetCsv.read(new StringReader(csv), "e.csv", SCHEMA, CsvOptions.defaults());
    ValidationReport rep = r.report();
    assertEquals(4, rep.rowsRead());
    assertEquals(2, rep.validRows());
    assertEquals(2, rep.invalidRows());
    assertEquals(2, r.dataset().rowCount());
    assertEquals(List.of(
        new CellError(2, "*", "empty-row", "every field is empty (11 fields)"),
        new CellError(4, "*", "empty-row", "every field is empty (3 fields)")), rep.errors());
    assertEquals(2, rep.blankLines());
    assertEquals("e.csv: 4 rows read, 2 valid, 2 invalid, 2 errors, 2 blank lines skipped", rep.summary());
  }

  @Test
  void issue14_aRowOfOnlyDelimitersIsARecordWhereTheFormatReadsAnEmptyFieldAsAValue() {
    // the synthetic format writes an unset flag as the empty field: ",," is a record with its flags unset
    Schema synthetic = Schema.builder("syn", "1").format(ReleaseFormat.CTDC_SYNTHETIC)
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values("Female", "Male").build())
        .add(Variable.builder("isForcedLabour", VariableKind.FLAG).build())
        .add(Variable.builder("isSexualExploit", VariableKind.FLAG).build())
        .build();
    ValidationReport rep = DatasetCsv.validate(new StringReader("gender,isForcedLabour,isSexualExploit\n,,\nFemale,1,\n"),
        "syn.csv", synthetic, CsvOptions.defaults());
    assertEquals(2, rep.rowsRead());
    assertTrue(rep.isValid(), () -> rep.lines().toString());
    // without a flag, every cell would be missing: an empty row
    Schema noFlags = Schema.builder("syn2", "1").format(ReleaseFormat.CTDC_SYNTHETIC)
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values("Female", "Male").build())
        .add(Variable.builder("region", VariableKind.CATEGORICAL).values("Asia", "Europe").build())
        .build();
    ValidationReport empty = DatasetCsv.validate(new StringReader("gender,region\n,\nFemale,Asia\n"), "syn2.csv",
        noFlags, CsvOptions.defaults());
    assertEquals(List.of("syn2.csv:row 1:column *: empty-row: every field is empty (2 fields)"), empty.lines());
  }

  /** 2,000 rows whose row {@code bad} holds a byte that is not UTF-8 in its ninth field, {@code notes}. */
  private static byte[] badUtf8(int bad) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i <= 2000; i++) {
      b.writeBytes("Female,18--29,Asia,1,Female;Male,Asia; Europe,2019,2,a ".getBytes(StandardCharsets.UTF_8));
      if (i == bad) {
        b.write(0xc3); // a lead byte without its continuation
      }
      b.writeBytes("note,case-1,c7\n".getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void issue14_invalidUtf8IsReportedAtTheRowAndColumnThatHoldIt() throws IOException {
    Path file = Files.write(dir.resolve("u.csv"), badUtf8(1500));
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> DatasetCsv.validate(file, SCHEMA, CsvOptions.defaults()));
    assertEquals(1500, e.row());
    assertEquals(1499, e.rowsRead());
    long offset = HEADER.length() + 1499L * (VALID.length()) + "Female,18--29,Asia,1,Female;Male,Asia; Europe,2019,2,a ".length();
    assertEquals(file + ": row 1500: field 9 (column 'notes'): the file is not valid UTF-8 (byte " + offset
        + "); reading stopped there: 1499 rows read before it (1499 valid, 0 invalid), row 1500 and the rest of "
        + "the file not read", e.getMessage());
    InputStoppedException inferred = assertThrows(InputStoppedException.class, () -> InferredSchemas.fromCsv(file, ','));
    assertEquals(1500, inferred.row());
    assertTrue(inferred.getMessage().contains("the file is not valid UTF-8 (byte " + offset + ")"), inferred::getMessage);
  }

  @Test
  void issue14_invalidUtf8StartingALineIsThatRowsNotThePreviousOnes() throws IOException {
    // a parser reads past the line end before it ends a record: the bad byte must still be row 1500's
    byte[] good = (HEADER + VALID.repeat(2000)).getBytes(StandardCharsets.UTF_8);
    int at = HEADER.length() + 1499 * VALID.length();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(good, 0, at);
    b.write(0xff);
    b.write(good, at, good.length - at);
    Path file = Files.write(dir.resolve("s.csv"), b.toByteArray());
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> DatasetCsv.read(file, SCHEMA, CsvOptions.defaults()));
    assertEquals(1500, e.row());
    assertEquals(1499, e.rowsRead());
    assertTrue(e.getMessage().contains(": row 1500: field 1 (column 'gender'): the file is not valid UTF-8 (byte "
        + at + ")"), e::getMessage);
    InputStoppedException inferred = assertThrows(InputStoppedException.class, () -> InferredSchemas.fromCsv(file, ','));
    assertEquals(1500, inferred.row());
    assertEquals(1499, inferred.rowsRead());
  }

  @Test
  void issue14_theLazyDecoderHandsOutEveryCharacterBeforeTheBadByte() throws IOException {
    byte[] bytes = "abc\u00e9d".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[bytes.length] = (byte) 0xff;
    bad[bytes.length + 1] = 'z';
    try (Reader r = Utf8Input.of(new ByteArrayInputStream(bad))) {
      char[] buf = new char[100];
      assertEquals(5, r.read(buf, 0, 100));
      assertEquals("abc\u00e9d", new String(buf, 0, 5));
      Utf8Input.Malformed m = assertThrows(Utf8Input.Malformed.class, () -> r.read(buf, 0, 100));
      assertEquals(6, m.byteOffset());
      assertThrows(Utf8Input.Malformed.class, () -> r.read(buf, 0, 100), "the failure sticks");
    }
    try (Reader r = Utf8Input.of(new ByteArrayInputStream(new byte[0]))) {
      char[] buf = new char[10];
      assertEquals(-1, r.read(buf, 0, 10));
      assertEquals(-1, r.read(buf, 0, 10), "the end stays the end (found by fuzzing: the decoder was reused)");
    }
    try (Reader r = Utf8Input.of(new ByteArrayInputStream(new byte[] {'a', (byte) 0xe2, (byte) 0x82}))) {
      char[] buf = new char[10];
      assertEquals(1, r.read(buf, 0, 10));
      assertEquals(1, assertThrows(Utf8Input.Malformed.class, () -> r.read(buf, 0, 10)).byteOffset(),
          "a sequence cut by the end of the file");
    }
  }

  @Test
  void issue14_aFiveMillionColumnHeaderFailsFastWithTheColumnLimitInEveryReader() {
    DataFormatException read = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
        DataFormatException.class, () -> DatasetCsv.read(GeneratedCsv.wideHeader("gender", 5_000_000, ""), "w.csv", SCHEMA,
            CsvOptions.defaults().withStrictHeader(false))));
    assertEquals("w.csv: header: more than 10000 fields (limit maxColumns)", read.getMessage());
    DataFormatException inferred = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
        DataFormatException.class,
        () -> InferredSchemas.fromCsv(GeneratedCsv.wideHeader("gender", 5_000_000, ""), "w.csv", "w", ',', List.of(""))));
    assertEquals("w.csv: header: more than 10000 fields (limit maxColumns)", inferred.getMessage());
    assertFalse(inferred instanceof InputStoppedException, "no row was read: a header error");
  }

  @Test
  void issue14_inferringASchemaStopsAtAnUnclosedQuoteSayingHowFarItGot() {
    String csv = "a,b\n1,2\n3,4\n\"5,6\n7,8\n";
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> InferredSchemas.fromCsv(new StringReader(csv), "i.csv", "i", ',', List.of("")));
    assertEquals(3, e.row());
    assertEquals("i.csv: row 3: malformed CSV, such as a stray or unclosed quote; reading stopped there: 2 rows "
        + "read before it (2 read, 0 rejected), row 3 and the rest of the file not read", e.getMessage());
  }
}
