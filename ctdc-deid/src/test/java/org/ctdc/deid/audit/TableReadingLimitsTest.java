package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.deid.audit.internal.DefinitionJson;
import org.ctdc.deid.audit.internal.TableCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits of the audit's file readers, and messages that carry no file content. */
class TableReadingLimitsTest {
  private static final String DEF = """
      {"tableFormat":1,"name":"t","dimensions":[{"name":"sex","total":"Total","hierarchy":{"Total":["F","M"]}}]}
      """;

  @TempDir Path dir;

  @Test
  void definitionNestedDeeperThanTheLimitIsATableFormatException() {
    int deep = DefinitionJson.MAX_NESTING + 1;
    String json = "{\"a\":".repeat(deep) + "1" + "}".repeat(deep);
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTableDefinition.parse(json, "d.json"));
    assertTrue(e.getMessage().startsWith("d.json: ") && e.getMessage().contains("limit"), e::getMessage);
  }

  @Test
  void invalidDefinitionJsonKeepsNeitherTheParserMessageNorItsCause() {
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> PublishedTableDefinition.parse("{\"name\": SECRETVALUE}", "d.json"));
    assertFalse(e.getMessage().contains("SECRETVALUE"), e::getMessage);
    assertNull(e.getCause(), "the parser's exception quotes the text");
  }

  @Test
  void malformedTableCsvKeepsNeitherTheParserMessageNorItsCause() throws IOException {
    Path def = dir.resolve("t.json");
    Files.writeString(def, DEF);
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "sex,value,status\nF,1,publishable\n\"SECRET\"VALUE,1,publishable\n");
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def));
    assertTrue(e.getMessage().startsWith(csv + ": "), e::getMessage);
    assertFalse(e.getMessage().contains("SECRET"), e::getMessage);
    assertNull(e.getCause());
  }

  @Test
  void tableCsvFieldOverTheLengthLimitIsATableFormatException() throws IOException {
    Path def = dir.resolve("t.json");
    Files.writeString(def, DEF);
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "sex,value,status\n" + "F".repeat(TableCsv.MAX_FIELD_LENGTH + 1) + ",1,publishable\n");
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def));
    assertTrue(e.getMessage().contains("longer than " + TableCsv.MAX_FIELD_LENGTH), e::getMessage);
  }

  @Test
  void tableCsvLineWithMoreFieldsThanTheColumnLimitIsATableFormatException() throws IOException {
    Path def = dir.resolve("t.json");
    Files.writeString(def, DEF);
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "sex,value,status\n" + ",".repeat(TableCsv.MAX_COLUMNS + 1) + "\n");
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def));
    assertTrue(e.getMessage().startsWith(csv + ": line 2: more than"), e::getMessage);
  }

  @Test
  void tableCsvThatIsNotUtf8IsATableFormatException() throws IOException {
    Path def = dir.resolve("t.json");
    Files.writeString(def, DEF);
    Path csv = dir.resolve("t.csv");
    Files.write(csv, new byte[] {'s', 'e', 'x', ',', 'v', 'a', 'l', 'u', 'e', ',', 's', 't', 'a', 't', 'u', 's',
        '\n', (byte) 0xFF, (byte) 0xFE, ',', '1', ',', 'p', '\n'});
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def));
    assertTrue(e.getMessage().startsWith(csv + ": "), e::getMessage);
  }
}
