package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.internal.CsvLine;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Issue 16, "one CSV line writer": {@link CsvLine} writes every line exactly as Jackson's CSV generator with
 * {@code STRICT_CHECK_FOR_QUOTING} did (the rule the datasets were written with, and the rule of the
 * hand-written writers of tables, hierarchies and sample extracts), for every delimiter; the dataset writer
 * built on it writes the same bytes as before; the formula guard counts what it changes.
 */
class Issue16CsvLineTest {

  /** Characters that decide quoting, and ordinary ones. */
  private static final String ALPHABET = ",;\t|\"\r\n '#=+-@aZ9é\u2028";

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  private static Gen<String> fields() {
    return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 6)
        .map(is -> {
          StringBuilder sb = new StringBuilder();
          is.forEach(i -> sb.append(ALPHABET.charAt(i)));
          return sb.toString();
        });
  }

  /** The line as Jackson's generator writes it: the reference, the writer of the datasets before issue 16. */
  static String jackson(List<String> fields, char delimiter) {
    StringWriter out = new StringWriter();
    try (CsvGenerator g = new CsvMapper().getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar()
          .withLineSeparator("\n"));
      g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      if (fields.size() == 1) {
        g.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
      }
      g.writeStartArray();
      for (String f : fields) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Test
  void issue16_everyLineIsWhatJacksonsStrictGeneratorWrites() {
    qt().withExamples(3000).withFixedSeed(16L)
        .forAll(lists().of(fields()).ofSizeBetween(1, 5), integers().between(0, DELIMITERS.length - 1))
        .checkAssert((fields, d) -> assertEquals(jackson(fields, DELIMITERS[d]), CsvLine.of(fields, DELIMITERS[d]),
            () -> fields + " with " + (int) DELIMITERS[d]));
  }

  @Test
  void issue16_oneFieldIsQuotedAsInALine() {
    // the field writer of the synthesis aggregates and the linkage match files: the same rule as a line
    qt().withExamples(2000).withFixedSeed(17L).forAll(lists().of(fields()).ofSizeBetween(2, 4))
        .checkAssert(fields -> {
          List<String> quoted = new ArrayList<>();
          fields.forEach(f -> quoted.add(CsvLine.field(f)));
          assertEquals(CsvLine.of(fields), String.join(",", quoted) + "\n", fields::toString);
        });
  }

  @Test
  void issue16_theRulesSpelledOut() {
    assertEquals("a,\"b,c\",\"d\"\"e\",\"f\ng\",\"h\ri\",j;k,\n", CsvLine.of(List.of("a", "b,c", "d\"e", "f\ng",
        "h\ri", "j;k", "")));
    assertEquals("\"j;k\";b,c; x \n", CsvLine.of(List.of("j;k", "b,c", " x "), ';'));
    // one empty field is an empty line, as Jackson wrote it; a hierarchy file asks for "" instead
    assertEquals("\n", CsvLine.of(List.of("")));
    StringBuilder sb = new StringBuilder();
    CsvLine.append(sb, List.of(""), ';', null, true);
    CsvLine.append(sb, List.of("", ""), ';', null, true);
    assertEquals("\"\"\n;\n", sb.toString());
    assertEquals("\n", CsvLine.of(List.of()));
  }

  @Test
  void issue16_theFormulaGuardAppliesToEveryFieldAndCountsWhatItChanged() throws Exception {
    qt().withExamples(1000).withFixedSeed(17L).forAll(lists().of(fields()).ofSizeBetween(1, 5)).checkAssert(fields -> {
      List<String> guarded = new ArrayList<>();
      int changed = 0;
      for (String f : fields) {
        guarded.add(FormulaGuard.neutralise(f));
        changed += FormulaGuard.isFormula(f) ? 1 : 0;
      }
      StringBuilder sb = new StringBuilder();
      assertEquals(changed, CsvLine.append(sb, fields, ',', CsvWriteOptions.defaults()));
      assertEquals(CsvLine.of(guarded), sb.toString());
      StringWriter w = new StringWriter();
      try {
        assertEquals(0, CsvLine.write(w, fields, ',', CsvWriteOptions.defaults().withFormulaGuard(false)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertEquals(CsvLine.of(fields), w.toString());
    });
  }

  /** The dataset writer before issue 16, on Jackson's generator: the reference for the bytes. */
  static String jacksonDataset(Dataset d, CsvWriteOptions options) {
    StringBuilder sb = new StringBuilder();
    char delimiter = d.schema().format().delimiter();
    List<String> header = new ArrayList<>();
    d.schema().variables().forEach(v -> header.add(options.cell(v.name())));
    sb.append(jackson(header, delimiter));
    for (int r = 0; r < d.rowCount(); r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < d.columnCount(); c++) {
        row.add(options.cell(d.token(r, c)));
      }
      sb.append(jackson(row, delimiter));
    }
    return sb.toString();
  }

  @Test
  void issue16_datasetsAreWrittenByteForByteAsBefore() {
    qt().withExamples(200).withFixedSeed(20261207L)
        .forAll(integers().between(0, TestSchemas.FORMATS.size() - 1), longs().all(), integers().between(0, 30))
        .checkAssert((formatIndex, seed, rows) -> {
          Dataset d = TestSchemas.randomDataset(TestSchemas.allKinds(TestSchemas.FORMATS.get(formatIndex)), seed, rows);
          for (CsvWriteOptions o : List.of(CsvWriteOptions.defaults(), CsvWriteOptions.defaults().withFormulaGuard(false))) {
            StringWriter w = new StringWriter();
            DatasetCsv.write(d, w, o);
            assertEquals(jacksonDataset(d, o), w.toString());
          }
        });
  }

  @Test
  void issue16_textColumnsWithEveryQuotingCaseAreWrittenAsBefore() {
    qt().withExamples(300).withFixedSeed(18L)
        .forAll(integers().between(0, TestSchemas.FORMATS.size() - 1), integers().between(1, 3),
            lists().of(fields()).ofSizeBetween(0, 12))
        .checkAssert((formatIndex, columns, cells) -> {
          ReleaseFormat f = TestSchemas.FORMATS.get(formatIndex);
          Schema.Builder b = Schema.builder("text", "1").format(f);
          for (int c = 0; c < columns; c++) {
            b.add(Variable.builder("note" + c, VariableKind.FREE_TEXT).build());
          }
          Schema schema = b.build();
          Dataset.Appender a = Dataset.appender(schema);
          for (int i = 0; i + columns <= cells.size(); i += columns) {
            for (int c = 0; c < columns; c++) {
              String t = cells.get(i + c);
              if (f.isMissing(t)) {
                a.setMissing(c, MissingReason.UNKNOWN);
              } else {
                a.setText(c, t);
              }
            }
            a.endRow();
          }
          Dataset d = a.build();
          for (CsvWriteOptions o : List.of(CsvWriteOptions.defaults(), CsvWriteOptions.defaults().withFormulaGuard(false))) {
            StringWriter w = new StringWriter();
            DatasetCsv.write(d, w, o);
            assertEquals(jacksonDataset(d, o), w.toString());
          }
        });
  }
}
