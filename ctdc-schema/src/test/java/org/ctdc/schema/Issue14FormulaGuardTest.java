package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, CSV formula injection: a cell beginning with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * carriage return used to pass unchanged into every CSV the library writes; the dataset writer now neutralises
 * it with a single quote (OWASP), leaves numbers such as {@code -99} alone, counts what it changed, and writes
 * every cell as it is with the guard off.
 */
class Issue14FormulaGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-cmd", "@SUM(A1:A2)",
      "\tx", "\r=1", "-", "+", "-1+2", "--5", "-e5", "-.", "+1-", "=", "@", "-99 ", "- 5"})
  void issue14_cellsThatASpreadsheetRunsAreFormulas(String cell) {
    assertTrue(FormulaGuard.isFormula(cell), cell);
    assertEquals("'" + cell, FormulaGuard.neutralise(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-99", "-5", "+3", "-1.5", "+.5", "-2e3", "-2E+3", "1e-3", "0", "abc", "'=1+1",
      "'-cmd", " =1", "Female", "18--29", "x=1", "Asia; Europe"})
  void issue14_numbersAndOtherTextAreLeftAlone(String cell) {
    assertFalse(FormulaGuard.isFormula(cell), cell);
    assertEquals(cell, FormulaGuard.neutralise(cell));
  }

  private static Dataset withNotes(Schema schema, String... notes) {
    Dataset.Appender a = Dataset.appender(schema);
    for (String n : notes) {
      a.setCode(0, 0).setText(schema.indexOf("notes"), n).setText(schema.indexOf("caseId"), "id").endRow();
    }
    return a.build();
  }

  private static String write(Dataset d, CsvWriteOptions o, CsvWriteSummary[] summary) {
    StringWriter w = new StringWriter();
    summary[0] = DatasetCsv.write(d, w, o);
    return w.toString();
  }

  @Test
  void issue14_theDatasetWriterNeutralisesFormulasByDefaultAndCountsThem() {
    Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Dataset d = withNotes(schema, "=1+1", "-5", "@SUM(A1)", "plain", "-cmd");
    StringWriter w = new StringWriter();
    DatasetCsv.write(d, w);
    List<String> notes = column(w.toString(), schema.indexOf("notes"));
    assertEquals(List.of("'=1+1", "-5", "'@SUM(A1)", "plain", "'-cmd"), notes);
    CsvWriteSummary[] s = new CsvWriteSummary[1];
    assertEquals(w.toString(), write(d, CsvWriteOptions.defaults(), s));
    assertEquals(new CsvWriteSummary(5, true, 3), s[0]);
    // the CTDC missing code -99 and every other cell of the rows are untouched
    assertTrue(w.toString().contains(",-99,"));
  }

  @Test
  void issue14_withTheGuardOffEveryCellIsWrittenAsItIs() {
    Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Dataset d = withNotes(schema, "=1+1", "-cmd");
    CsvWriteSummary[] s = new CsvWriteSummary[1];
    String csv = write(d, CsvWriteOptions.defaults().withFormulaGuard(false), s);
    assertEquals(List.of("=1+1", "-cmd"), column(csv, schema.indexOf("notes")));
    assertEquals(new CsvWriteSummary(2, false, 0), s[0]);
  }

  @Test
  void issue14_aNeutralisedCellReadsBackWithItsQuoteAndWritesAgainToTheSameBytes(@TempDir Path dir) throws Exception {
    Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Dataset d = withNotes(schema, "=1+1", "\tx", "-5");
    Path file = dir.resolve("release.csv");
    CsvWriteSummary s = DatasetCsv.write(d, file, CsvWriteOptions.defaults());
    assertEquals(2, s.cellsNeutralised());
    Dataset back = DatasetCsv.read(file, schema, CsvOptions.defaults()).dataset();
    int notes = schema.indexOf("notes");
    assertEquals("'=1+1", back.token(0, notes));
    assertEquals("'\tx", back.token(1, notes));
    assertEquals("-5", back.token(2, notes));
    Path again = dir.resolve("again.csv");
    assertEquals(0, DatasetCsv.write(back, again, CsvWriteOptions.defaults()).cellsNeutralised());
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), Files.readString(again, StandardCharsets.UTF_8));
  }

  @Test
  void issue14_aRandomDatasetWritesReadsAndWritesToTheSameBytesWithTheGuardOn() {
    for (ReleaseFormat f : TestSchemas.FORMATS) {
      Schema schema = TestSchemas.allKinds(f);
      for (long seed = 0; seed < 40; seed++) {
        Dataset d = TestSchemas.randomDataset(schema, seed, 12);
        String csv = write(d, CsvWriteOptions.defaults(), new CsvWriteSummary[1]);
        Dataset back = DatasetCsv.read(new StringReader(csv), "mem.csv", schema, CsvOptions.defaults()).dataset();
        assertEquals(d.rowCount(), back.rowCount());
        assertEquals(csv, write(back, CsvWriteOptions.defaults(), new CsvWriteSummary[1]), f + " seed " + seed);
        for (int r = 0; r < d.rowCount(); r++) {
          for (int c = 0; c < d.columnCount(); c++) {
            assertEquals(FormulaGuard.neutralise(d.token(r, c)), back.token(r, c));
          }
        }
      }
    }
  }

  @Test
  void issue14_everyCodeOfEveryBundledSchemaSurvivesTheGuard() {
    int checked = 0;
    for (String id : bundled()) {
      Schema s = Schemas.resolve(id);
      ReleaseFormat f = s.format();
      List<String> tokens = new ArrayList<>(f.missingTokens());
      tokens.add(f.flagTrue());
      tokens.add(f.flagFalse());
      for (Variable v : s.variables()) {
        tokens.add(v.name());
        v.valueSet().ifPresent(vs -> vs.codes().forEach(c -> tokens.add(c.code())));
      }
      for (String t : tokens) {
        assertEquals(t, FormulaGuard.neutralise(t), id);
        checked++;
      }
    }
    assertTrue(checked > 500, "codes checked: " + checked);
  }

  @Test
  void issue14_everyCodeOfABundledSchemaRoundTripsThroughAGuardedFile() {
    Schema schema = Schemas.resolve("ctdc-global-kanon@2020");
    Dataset d = TestSchemas.randomDataset(schema, 14, 300);
    String csv = write(d, CsvWriteOptions.defaults(), new CsvWriteSummary[1]);
    Dataset back = DatasetCsv.read(new StringReader(csv), "mem.csv", schema, CsvOptions.defaults()).dataset();
    for (int r = 0; r < d.rowCount(); r++) {
      for (int c = 0; c < d.columnCount(); c++) {
        if (d.variable(c).valueSet().isPresent()) {
          assertEquals(d.token(r, c), back.token(r, c));
        }
      }
    }
  }

  private static List<String> bundled() {
    return List.of("ctdc-global-kanon@2018", "ctdc-global-kanon@2020", "ctdc-global-synthetic@2024",
        "ctdc-victim-perpetrator@2022", "htcds@2.0");
  }

  private static List<String> column(String csv, int c) {
    List<String> out = new ArrayList<>();
    String[] lines = csv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      out.add(lines[i].split(",", -1)[c]);
    }
    return out;
  }
}
