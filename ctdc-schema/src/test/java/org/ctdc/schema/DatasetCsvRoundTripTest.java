package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.ctdc.schema.DatasetCsv.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetCsvRoundTripTest {

  static Stream<ReleaseFormat> formats() {
    return TestSchemas.FORMATS.stream();
  }

  /**
   * The CSV mechanics (quoting, delimiters, missing tokens) with the formula guard off: the random text of
   * these properties begins with {@code -}, tab or carriage return at times, which the guard, on by default,
   * writes with a quote in front (Issue14FormulaGuardTest covers the guard's own round trip).
   */
  private static final CsvWriteOptions AS_IS = CsvWriteOptions.defaults().withFormulaGuard(false);

  private static String write(Dataset d) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(d, w, AS_IS);
    return w.toString();
  }

  private static ReadResult read(String csv, Schema schema) {
    return DatasetCsv.read(new StringReader(csv), "mem.csv", schema, CsvOptions.defaults());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void writeThenReadGivesAnEqualDataset(ReleaseFormat format) {
    Schema schema = TestSchemas.allKinds(format);
    Dataset d = TestSchemas.randomDataset(schema, 42, 300);
    ReadResult back = read(write(d), schema);
    assertTrue(back.report().isValid(), () -> String.join("\n", back.report().lines()));
    assertEquals(300, back.report().rowsRead());
    assertEquals(d, back.dataset());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void writingIsDeterministicWithLfLineEndsAndTheHeaderFirst(ReleaseFormat format) {
    Schema schema = TestSchemas.allKinds(format);
    String a = write(TestSchemas.randomDataset(schema, 7, 50));
    String b = write(TestSchemas.randomDataset(schema, 7, 50));
    assertEquals(a, b);
    String header = String.join(String.valueOf(format.delimiter()),
        schema.variables().stream().map(Variable::name).toList());
    assertTrue(a.startsWith(header + "\n"));
    assertTrue(a.endsWith("\n"));
    assertEquals(a, write(read(a, schema).dataset()));
  }

  @Test
  void writtenFieldsAreQuotedOnlyWhenNeeded() {
    Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Dataset d = Dataset.appender(schema)
        .setCode(0, 0)
        .setCodeSet(schema.indexOf("IP_citizen"), 0b11)
        .setText(schema.indexOf("notes"), "a \"quoted\", text")
        .setText(schema.indexOf("caseId"), "plain id")
        .endRow()
        .build();
    String row = write(d).split("\n", -1)[1];
    assertEquals("Female,-99,-99,-99,-99,Africa; Americas/Oceania,-99,-99,\"a \"\"quoted\"\", text\",plain id,-99", row);
  }

  @Test
  void writeToAFileAndReadItBack(@TempDir Path dir) throws IOException {
    Schema schema = TestSchemas.allKinds(TestSchemas.NA_FORMAT);
    Dataset d = TestSchemas.randomDataset(schema, 3, 120);
    Path file = dir.resolve("out.csv");
    DatasetCsv.write(d, file, AS_IS);
    assertArrayEquals(write(d).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    ReadResult back = DatasetCsv.read(file, schema, CsvOptions.defaults());
    assertEquals(d, back.dataset());
    assertEquals(file.toString(), back.report().file());
    assertEquals(back.report().summary(), DatasetCsv.validate(file, schema, CsvOptions.defaults()).summary());
    assertEquals(0, DatasetCsv.validate(file, schema, CsvOptions.defaults()).errorCount());
  }

  @Test
  void singleColumnDatasetsRoundTripIncludingEmptyValues() {
    for (ReleaseFormat f : TestSchemas.FORMATS) {
      Schema text = Schema.builder("one", "1").format(f)
          .add(Variable.builder("note", VariableKind.FREE_TEXT).build()).build();
      Dataset.Appender a = Dataset.appender(text);
      if (!f.isMissing("")) {
        a.setText(0, "").endRow();
      }
      Dataset d = a.endRow().setText(0, "x").endRow().endRow().build();
      assertEquals(d, read(write(d), text).dataset(), f.toString());
    }
  }

  @Test
  void propertyWriteThenReadIsIdentity() {
    qt().withExamples(200).withFixedSeed(20260101L)
        .forAll(integers().between(0, TestSchemas.FORMATS.size() - 1), longs().all(), integers().between(0, 25))
        .checkAssert((formatIndex, seed, rows) -> {
          Schema schema = TestSchemas.allKinds(TestSchemas.FORMATS.get(formatIndex));
          Dataset d = TestSchemas.randomDataset(schema, seed, rows);
          String csv = write(d);
          ReadResult back = read(csv, schema);
          assertEquals(List.of(), back.report().lines());
          assertEquals(d, back.dataset());
          assertEquals(csv, write(back.dataset()));
        });
  }

  private static final String[] JUNK = {
    "zz", "", "-99", "NA", "2999", "1999", "-5", "x1", "Female;;Male", "Male;Male", "Asia;Asia", "c300",
    "1", "0", "yes", "true", "Female", "Asia; Europe", "Africa;Asia", "c1", "2010", "18--29", "F"
  };

  /** Each field always quoted, so that junk cannot break the record structure. */
  private static String quotedCsv(List<List<String>> rows, char delimiter) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append(delimiter);
        }
        sb.append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void propertyRowsReadIsValidPlusInvalidWhateverTheFaults() {
    qt().withExamples(200).withFixedSeed(77L)
        .forAll(integers().between(0, TestSchemas.FORMATS.size() - 1), longs().all(), integers().between(0, 30),
            integers().between(0, 20))
        .checkAssert((formatIndex, seed, rows, limit) -> {
          Schema schema = TestSchemas.allKinds(TestSchemas.FORMATS.get(formatIndex));
          Dataset d = TestSchemas.randomDataset(schema, seed, rows);
          SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
          List<List<String>> table = new java.util.ArrayList<>();
          table.add(schema.variables().stream().map(Variable::name).toList());
          for (int r = 0; r < rows; r++) {
            List<String> row = new java.util.ArrayList<>();
            for (int c = 0; c < d.columnCount(); c++) {
              row.add(rnd.nextInt(8) == 0 ? JUNK[rnd.nextInt(JUNK.length)] : d.token(r, c));
            }
            int shape = rnd.nextInt(12);
            if (shape == 0) {
              row.add("extra");
            } else if (shape == 1) {
              row.remove(row.size() - 1);
            }
            table.add(row);
          }
          ValidationReport report = DatasetCsv.validate(new StringReader(quotedCsv(table, schema.format().delimiter())),
              "fuzz.csv", schema, new CsvOptions(limit, true));
          ReadResult result = DatasetCsv.read(new StringReader(quotedCsv(table, schema.format().delimiter())),
              "fuzz.csv", schema, new CsvOptions(limit, true));
          assertEquals((long) rows, report.rowsRead());
          assertEquals(report.rowsRead(), report.validRows() + report.invalidRows());
          assertEquals(report.validRows(), result.dataset().rowCount());
          assertEquals(report.summary(), result.report().summary());
          assertTrue(report.errors().size() <= limit);
          assertEquals(report.errorCount() > report.errors().size(), report.truncated());
          assertTrue(report.errorCount() >= report.invalidRows());
          for (CellError e : report.errors()) {
            assertTrue(e.row() >= 1 && e.row() <= rows);
          }
        });
  }
}
