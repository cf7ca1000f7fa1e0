package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.junit.jupiter.api.Test;

/** The reading limits of dataset CSV and schema files: enforced with a message naming place and limit. */
class ReadingLimitsTest {

  private static final Schema SCHEMA = TestSchemas.allKinds(ReleaseFormat.CTDC_SYNTHETIC);

  private static DataFormatException failing(String text, CsvOptions options) {
    return assertThrows(DataFormatException.class,
        () -> DatasetCsv.read(new StringReader(text), "l.csv", SCHEMA, options));
  }

  @Test
  void defaultsAreOneMebibyteFieldsTenThousandColumnsAndAsManyRowsAsADatasetHolds() {
    CsvOptions d = CsvOptions.defaults();
    assertEquals(1 << 20, d.maxFieldLength());
    assertEquals(10_000, d.maxColumns());
    assertEquals(Integer.MAX_VALUE - 8, d.maxRows());
    assertEquals(d, new CsvOptions(1000, true));
  }

  @Test
  void aFieldOverTheLengthLimitFailsNamingRowColumnAndLimit() {
    String text = "notes,caseId\n" + "a".repeat(10) + ",x\n" + "b".repeat(11) + ",y\n";
    CsvOptions o = CsvOptions.defaults().withStrictHeader(false).withMaxFieldLength(10);
    DataFormatException e = failing(text, o);
    assertTrue(e.getMessage().startsWith("l.csv: row 2"), e::getMessage);
    assertTrue(e.getMessage().contains("maxFieldLength") && e.getMessage().contains("10 characters"), e::getMessage);
    assertTrue(!e.getMessage().contains("bbb"), "no value in the message");
  }

  @Test
  void aHeaderNameOverTheLengthLimitFailsNamingTheHeader() {
    DataFormatException e = failing("notes," + "h".repeat(50) + "\n", CsvOptions.defaults().withMaxFieldLength(20));
    assertTrue(e.getMessage().startsWith("l.csv: header"), e::getMessage);
  }

  @Test
  void aRecordWithMoreFieldsThanTheColumnLimitFails() {
    String text = "notes,caseId\nx,y\n" + ",".repeat(30) + "\n";
    DataFormatException e = failing(text, CsvOptions.defaults().withStrictHeader(false).withMaxColumns(20));
    assertTrue(e.getMessage().startsWith("l.csv: row 2: more than 20 fields"), e::getMessage);
    assertTrue(e.getMessage().contains("maxColumns"), e::getMessage);
  }

  @Test
  void aFileWithMoreRowsThanTheRowLimitFailsAndOneAtTheLimitReads() {
    String text = "notes,caseId\na,1\nb,2\nc,3\n";
    CsvOptions lenient = CsvOptions.defaults().withStrictHeader(false);
    assertEquals(3, DatasetCsv.read(new StringReader(text), "l.csv", SCHEMA, lenient.withMaxRows(3))
        .dataset().rowCount());
    DataFormatException e = failing(text, lenient.withMaxRows(2));
    assertTrue(e.getMessage().startsWith("l.csv: row 3: over the limit of 2 rows"), e::getMessage);
  }

  @Test
  void limitsOutsideTheirRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withMaxFieldLength(0));
    assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withMaxColumns(0));
    assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withMaxRows(-1));
    assertThrows(IllegalArgumentException.class, () -> CsvOptions.defaults().withMaxRows(CsvOptions.MAX_ROWS + 1));
  }

  @Test
  void yamlAliasesOverTheLimitAreASchemaFormatException() {
    StringBuilder y = new StringBuilder("a: &a [x, x]\n");
    y.append("b: [").append("*a, ".repeat(SchemaFiles.MAX_ALIASES + 5)).append("*a]\n");
    SchemaFormatException e =
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml(y.toString(), "aliases.yaml"));
    assertEquals("aliases.yaml", e.source());
  }

  @Test
  void yamlAndJsonNestingOverTheLimitAreASchemaFormatException() {
    int deep = SchemaFiles.MAX_NESTING + 5;
    String yaml = "[".repeat(deep) + "]".repeat(deep);
    String json = "{\"a\":".repeat(deep) + "1" + "}".repeat(deep);
    assertEquals("deep.yaml",
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml(yaml, "deep.yaml")).source());
    assertEquals("deep.json",
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromJson(json, "deep.json")).source());
  }
}
