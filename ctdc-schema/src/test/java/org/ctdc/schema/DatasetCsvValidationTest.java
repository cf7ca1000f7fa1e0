package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.ctdc.schema.DatasetCsv.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvValidationTest {

  private static final Schema SCHEMA = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
  private static final String HEADER =
      "gender,ageBroad,CountryOfExploitation,isForcedLabour,IP_Gender,IP_citizen,yearOfRegistration,"
          + "numberOfVictims,notes,caseId,manyCodes";
  private static final String VALID = "Female,18--29,Asia,1,Female;Male,Asia; Europe,2019,2,a note,case-1,c7";
  private static final String CANARY = "CANARY-7f3a";

  private static ReadResult read(String csv) {
    return read(csv, CsvOptions.defaults());
  }

  private static ReadResult read(String csv, CsvOptions options) {
    return DatasetCsv.read(new StringReader(csv), "cases.csv", SCHEMA, options);
  }

  /** The valid row with one field replaced. */
  private static String row(String column, String token) {
    String[] fields = VALID.split(",", -1);
    fields[List.of(HEADER.split(",")).indexOf(column)] = token;
    return String.join(",", fields);
  }

  private static String file(String... rows) {
    return HEADER + "\n" + String.join("\n", rows) + "\n";
  }

  @Test
  void aValidFileHasNoErrors() {
    ReadResult r = read(file(VALID, VALID, row("gender", "female"), row("gender", "F"), row("gender", "-99")));
    ValidationReport report = r.report();
    assertTrue(report.isValid());
    assertEquals(5, report.rowsRead());
    assertEquals(5, report.validRows());
    assertEquals(0, report.invalidRows());
    assertEquals(List.of(), report.errors());
    assertFalse(report.truncated());
    assertEquals("cases.csv: 5 rows read, 5 valid, 0 invalid, 0 errors", report.summary());
    Dataset d = r.dataset();
    assertEquals(5, d.rowCount());
    assertEquals(0, d.code(2, 0), "alias 'female' reads as Female");
    assertEquals(0, d.code(3, 0), "alias 'F' reads as Female");
    assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(4, 0));
    assertEquals(0b1100, d.codeSet(0, d.column("IP_citizen")));
    assertEquals("a note", d.text(0, d.column("notes")));
  }

  @Test
  void eachInjectedFaultIsReportedAtItsRowAndColumnWithItsRule() {
    ReadResult r = read(file(
        VALID,                                    // 1
        row("gender", "Femal"),                   // 2
        row("yearOfRegistration", "20x9"),        // 3
        row("yearOfRegistration", "1999"),        // 4
        row("numberOfVictims", "1001"),           // 5
        row("numberOfVictims", "two"),            // 6
        row("notes", "a, shifted note"),          // 7
        row("IP_Gender", "Female;Mle"),           // 8
        row("IP_Gender", "Female;"),              // 9
        row("isForcedLabour", "2"),               // 10
        row("IP_Gender", "Male;Male"),            // 11
        row("numberOfVictims", "-1"),             // 12
        row("manyCodes", "c200"),                 // 13
        VALID));                                  // 14
    List<CellError> expected = List.of(
        new CellError(2, "gender", "not-in-value-set",
            "value is not a code of the value set of 'gender' (5 characters)"),
        new CellError(3, "yearOfRegistration", "not-a-year", "value is not a whole decimal number (4 characters)"),
        new CellError(4, "yearOfRegistration", "below-minimum", "value is below the minimum 2000"),
        new CellError(5, "numberOfVictims", "above-maximum", "value is above the maximum 1000"),
        new CellError(6, "numberOfVictims", "not-an-integer", "value is not a whole decimal number (3 characters)"),
        new CellError(7, "*", "wrong-field-count", "expected 11 fields as in the header, found 12"),
        new CellError(8, "IP_Gender", "not-in-value-set",
            "part 2 of 2 is not a code of the value set of 'IP_Gender' (3 characters)"),
        new CellError(9, "IP_Gender", "empty-code-in-set", "part 2 of 2 is empty"),
        new CellError(10, "isForcedLabour", "not-a-flag",
            "value is neither the set-flag token '1', the unset-flag token '0' nor a missing token (1 character)"),
        new CellError(11, "IP_Gender", "duplicate-code-in-set", "code 'Male' appears more than once"),
        new CellError(12, "numberOfVictims", "below-minimum", "value is below the minimum 0"),
        new CellError(13, "manyCodes", "not-in-value-set",
            "value is not a code of the value set of 'manyCodes' (4 characters)"));
    assertEquals(expected, r.report().errors());
    assertEquals(14, r.report().rowsRead());
    assertEquals(2, r.report().validRows());
    assertEquals(12, r.report().invalidRows());
    assertEquals(2, r.dataset().rowCount(), "invalid rows are never stored");
    assertEquals("cases.csv:row 8:column IP_Gender: not-in-value-set: "
        + "part 2 of 2 is not a code of the value set of 'IP_Gender' (3 characters)", r.report().lines().get(6));
  }

  @Test
  void aNamedValueSetIsNamedInTheDetail() {
    CellError e = read(file(row("CountryOfExploitation", "Atlantis"))).report().errors().get(0);
    assertEquals("value is not a code of value set 'unRegion' (8 characters)", e.detail());
  }

  @Test
  void everyErrorOfARowIsCountedAndTheRowOnce() {
    ValidationReport report = read(file(row("gender", "x").replace("2019", "x").replace(",2,", ",-2,"))).report();
    assertEquals(3, report.errorCount());
    assertEquals(1, report.invalidRows());
    assertEquals(List.of("gender", "yearOfRegistration", "numberOfVictims"),
        report.errors().stream().map(CellError::column).toList());
  }

  @Test
  void theErrorLimitTruncatesButErrorCountCountsAll() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(row("gender", "bad"));
      rows.add(VALID);
    }
    ValidationReport report = read(file(rows.toArray(String[]::new)), new CsvOptions(10, true)).report();
    assertEquals(10, report.errors().size());
    assertEquals(10, report.lines().size());
    assertEquals(50, report.errorCount());
    assertTrue(report.truncated());
    assertFalse(report.isValid());
    assertEquals(100, report.rowsRead());
    assertEquals(50, report.validRows());
    assertEquals(19, report.errors().get(9).row());
    assertEquals("cases.csv: 100 rows read, 50 valid, 50 invalid, 50 errors (first 10 listed)", report.summary());

    ValidationReport none = read(file(rows.toArray(String[]::new)), new CsvOptions(0, true)).report();
    assertEquals(List.of(), none.errors());
    assertEquals(50, none.errorCount());
    assertTrue(none.truncated());
  }

  @Test
  void aCanaryInRecordFieldsAppearsInNoReportAndNoMessage() {
    List<String> texts = new ArrayList<>();
    ReadResult r = read(file(
        row("gender", CANARY),
        row("CountryOfExploitation", CANARY),
        row("isForcedLabour", CANARY),
        row("IP_Gender", "Female;" + CANARY),
        row("IP_citizen", CANARY + "; Asia"),
        row("yearOfRegistration", CANARY),
        row("numberOfVictims", CANARY),
        row("manyCodes", CANARY),
        row("notes", CANARY + ", shifted"),
        row("caseId", CANARY)));
    ValidationReport report = r.report();
    assertEquals(9, report.errorCount());
    for (CellError e : report.errors()) {
      texts.add(e.detail());
      texts.add(e.toString());
    }
    texts.addAll(report.lines());
    texts.add(report.summary());
    texts.add(report.toString());
    texts.add(r.dataset().toString());

    // exceptions: accessors of the wrong kind on a cell holding the canary, a malformed file, a file
    // without a header whose first row holds the canary
    Dataset d = r.dataset();
    texts.add(assertThrows(IllegalStateException.class, () -> d.code(0, d.column("caseId"))).getMessage());
    texts.add(assertThrows(IllegalStateException.class, () -> d.intValue(0, d.column("caseId"))).getMessage());
    texts.add(assertThrows(DataFormatException.class,
        () -> read(file(VALID, row("notes", "\"" + CANARY + "\"x")))).getMessage());
    texts.add(assertThrows(DataFormatException.class,
        () -> read(file(VALID, row("notes", "\"" + CANARY)))).getMessage());
    texts.add(assertThrows(DataFormatException.class,
        () -> read(row("gender", CANARY) + "\n" + VALID + "\n")).getMessage());
    texts.add(assertThrows(IllegalArgumentException.class,
        () -> Dataset.appender(SCHEMA).setInt(SCHEMA.indexOf("yearOfRegistration"), 7_000_000)).getMessage());
    for (String t : texts) {
      assertFalse(t.contains(CANARY), t);
      assertFalse(t.contains("7f3a"), t);
      assertFalse(t.contains("7000000"), t);
    }
    assertEquals(CANARY, d.text(0, d.column("caseId")));
  }

  @Test
  void headerMatchesCaseInsensitivelyAndByPreviousNamesInAnyOrder() {
    String header = HEADER.replace("gender", "Sex").replace("CountryOfExploitation", "CountryofExploitation")
        .replace("isForcedLabour", "ISFORCEDLABOUR").replace("notes", " notes ");
    ReadResult r = read(header + "\n" + VALID + "\n");
    assertTrue(r.report().isValid());
    assertEquals(0, r.dataset().code(0, 0));

    ReadResult reordered = read("caseId,gender,ageBroad,CountryOfExploitation,isForcedLabour,IP_Gender,IP_citizen,"
        + "yearOfRegistration,numberOfVictims,notes,manyCodes\nid-9,Male,30+,Africa,0,Other,Africa,2020,0,n,c0");
    assertTrue(reordered.report().isValid());
    Dataset d = reordered.dataset();
    assertEquals("id-9", d.text(0, d.column("caseId")));
    assertEquals(1, d.code(0, d.column("gender")));
  }

  @Test
  void errorsNameTheColumnAsTheHeaderWritesIt() {
    ReadResult r = read(HEADER.replace("gender", "Sex") + "\n" + row("gender", "x") + "\n");
    assertEquals("Sex", r.report().errors().get(0).column());
  }

  @Test
  void aByteOrderMarkCrlfAndNoFinalNewlineAreAccepted() {
    ReadResult r = read("\uFEFF" + HEADER + "\r\n" + VALID + "\r\n" + row("notes", "\"two\r\nlines\"") + "\r\n"
        + VALID);
    assertTrue(r.report().isValid(), () -> String.join("\n", r.report().lines()));
    assertEquals(3, r.dataset().rowCount());
    assertEquals("two\r\nlines", r.dataset().text(1, r.dataset().column("notes")));
  }

  @Test
  void aMissingColumnFailsNamingFileAndVariable() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> read(HEADER.replace(",caseId", "") + "\n" + VALID.replace(",case-1", "") + "\n"));
    assertTrue(e.getMessage().startsWith("cases.csv: "), e.getMessage());
    assertTrue(e.getMessage().contains("'caseId'"), e.getMessage());
  }

  @Test
  void twoColumnsMatchingOneVariableAreNamedByPositionNotByTheirText() {
    // "Sex" is a previous name of gender: both columns match it
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> read(HEADER + ",Sex\n" + VALID + ",Male\n"));
    int n = HEADER.split(",").length;
    String m = e.getMessage();
    assertTrue(m.startsWith("cases.csv: header columns "), m);
    assertTrue(m.contains(" and " + (n + 1) + " both match variable 'gender'"), m);
    assertFalse(m.contains("Sex"), m);
  }

  @Test
  void anUnknownColumnFailsNamingFileAndColumn() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> read(HEADER + ",extraColumn\n" + VALID + ",x\n"));
    assertTrue(e.getMessage().startsWith("cases.csv: "), e.getMessage());
    assertTrue(e.getMessage().contains("'extraColumn'"), e.getMessage());
  }

  @Test
  void aLenientHeaderIgnoresUnknownColumnsAndReadsAbsentVariablesAsNotCollected() {
    ReadResult r = read(HEADER.replace(",caseId", "") + ",extraColumn\n" + VALID.replace(",case-1", "") + ",x\n",
        CsvOptions.defaults().withStrictHeader(false));
    assertTrue(r.report().isValid());
    Dataset d = r.dataset();
    assertEquals(Optional.of(MissingReason.NOT_COLLECTED), d.missingReason(0, d.column("caseId")));
    assertEquals("c7", d.token(0, d.column("manyCodes")));
  }

  @Test
  void twoColumnsForOneVariableFail() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> read(HEADER + ",Sex\n" + VALID + ",Male\n"));
    assertTrue(e.getMessage().contains("'gender'"), e.getMessage());
  }

  @Test
  void anEmptyFileFails() {
    DataFormatException e = assertThrows(DataFormatException.class, () -> read(""));
    assertTrue(e.getMessage().startsWith("cases.csv: "), e.getMessage());
  }

  @Test
  void aMalformedQuoteFailsNamingFileAndRow() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> read(file(VALID, VALID, row("notes", "\"open"))));
    assertTrue(e.getMessage().startsWith("cases.csv: row 3"), e.getMessage());
  }

  @Test
  void anUnreadableFileFailsNamingIt(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.csv");
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> DatasetCsv.read(missing, SCHEMA, CsvOptions.defaults()));
    assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());

    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, (HEADER + "\n" + row("notes", "caf\u00e9") + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    e = assertThrows(DataFormatException.class, () -> DatasetCsv.validate(latin1, SCHEMA, CsvOptions.defaults()));
    assertTrue(e.getMessage().contains("latin1.csv") && e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void flagsCheckTheirTokensBeforeTheMissingTokens() {
    Schema vp = TestSchemas.vpSynthetic();
    String header = String.join(",", vp.variables().stream().map(Variable::name).toList());
    ReadResult r = DatasetCsv.read(new StringReader(header + "\n2019,Male,Adult,,1,,,,,,,,,,,"), "vp.csv", vp,
        CsvOptions.defaults());
    assertTrue(r.report().isValid());
    Dataset d = r.dataset();
    assertEquals(0, d.code(0, d.column("isForcedLabour")), "an empty flag is 'no' when flagFalse is empty");
    assertEquals(1, d.code(0, d.column("isSexualExploit")));
    assertTrue(d.isMissing(0, d.column("IP_Gender")));
  }

  @Test
  void anEmptyMultiValuedFieldIsAnEmptyCodeWhenEmptyIsNotMissing() {
    Schema na = TestSchemas.allKinds(TestSchemas.NA_FORMAT);
    String header = HEADER.replace(',', ';');
    String good = "Female;18--29;Asia;yes;Female|Male;\"Asia; Europe\";2019;2;;case-1;c7";
    ReadResult r = DatasetCsv.read(new StringReader(header + "\n" + good + "\n" + good.replace("Female|Male", "")),
        "na.csv", na, CsvOptions.defaults());
    assertEquals(List.of(new CellError(2, "IP_Gender", "empty-code-in-set", "part 1 of 1 is empty")),
        r.report().errors());
    assertEquals("", r.dataset().text(0, r.dataset().column("notes")), "empty text is a value in this format");
  }

  @Test
  void reportsRefuseContradictoryCounts() {
    assertThrows(IllegalArgumentException.class, () -> ValidationReport.of("f", 1, 2, List.of(), 2));
    assertThrows(IllegalArgumentException.class, () -> ValidationReport.of("f", 1, 0, List.of(), 1));
    assertThrows(IllegalArgumentException.class,
        () -> ValidationReport.of("f", 3, 2, List.of(new CellError(2, "a", "r", ""), new CellError(1, "a", "r", "")), 2));
    assertThrows(IllegalArgumentException.class, () -> new CellError(0, "a", "r", ""));
    assertThrows(IllegalArgumentException.class, () -> new CsvOptions(-1, true));
  }
}
