package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: the audit's table CSV reader and the audit name file, line, column and rule, never the text of a
 * cell (NUL bytes and terminal escape sequences included), and a table definition with a hierarchy chain of
 * 20,000 levels fails with a clear error instead of a {@code StackOverflowError}.
 */
class Issue14AuditMessagesTest {
  private static final String DEF = """
      {"tableFormat":1,"name":"origin","dimensions":[
        {"name":"country","total":"Total","hierarchy":{"Total":["Africa","Europe"],"Africa":["DZ","EG"],"Europe":["FR"]}},
        {"name":"sex","total":"Total","hierarchy":{"Total":["F","M"]}}]}
      """;
  /** Text a cell may hold that must never reach a terminal: NUL, an escape sequence, a name. */
  private static final String CANARY = "Jane\u0000Roe\u001b[2J\u001b]0;owned\u0007";

  @TempDir Path dir;

  private TableFormatException readError(String csv) throws IOException {
    Path json = dir.resolve("origin.table.json");
    Files.writeString(json, DEF);
    Path f = dir.resolve("origin.csv");
    Files.writeString(f, csv);
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(f, json));
    String m = e.getMessage();
    assertTrue(m.startsWith(f + ": "), m);
    assertFalse(m.contains("Jane") || m.contains("Roe") || m.contains("owned") || m.contains("[2J"), m);
    assertTrue(m.chars().noneMatch(c -> c < 0x20 || c == 0x7f), () -> "a control character: " + m);
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"country", "sex"})
  void issue14_aBadCodeIsNamedByLineAndColumnNeverShown(String column) throws IOException {
    String row = column.equals("country") ? CANARY + ",F,3,publishable\n" : "DZ," + CANARY + ",3,publishable\n";
    TableFormatException e = readError("country,sex,value,status\nDZ,F,3,publishable\n" + row);
    assertTrue(e.getMessage().endsWith(": line 3: column '" + column
        + "': a code that is not in the dimension's hierarchy (codes are not quoted)"), e::getMessage);
  }

  @Test
  void issue14_aBadStatusOrValueIsNamedByLineAndColumnNeverShown() throws IOException {
    assertTrue(readError("country,sex,value,status\nDZ,F,3," + CANARY + "\n").getMessage()
        .endsWith(": line 2: column 'status': not one of publishable, primary, secondary, forced-publish, empty"));
    assertTrue(readError("country,sex,value,status\nDZ,F," + CANARY + ",publishable\n").getMessage()
        .endsWith(": line 2: column 'value': not a number"));
    assertTrue(readError("country,sex,value,status\n\"DZ\",F,\"" + CANARY + "\",primary\n").getMessage()
        .contains(": line 2: column 'value'"));
  }

  @Test
  void issue14_headerErrorsNameColumnsByPosition() throws IOException {
    assertTrue(readError("country,sex,value,status," + CANARY + "\nDZ,F,3,publishable,x\n").getMessage()
        .endsWith(": line 1: column 5 is not a dimension of the table, 'value' or 'status'"));
    assertTrue(readError(CANARY + ",sex," + CANARY + ",country,value,status\n").getMessage()
        .endsWith(": line 1: columns 1 and 3 have the same name"));
  }

  @Test
  void issue14_declaredNamesAndCodesAreShownWithoutControlCharacters() {
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> new TableDimension("sex\u001b[31m", "Total", Map.of("Total", List.of("F\u0000", "F\u0000"))));
    assertEquals("dimension 'sex?[31m': code 'F?' appears more than once in the hierarchy (a hierarchy must be"
        + " a tree)", e.getMessage());
  }

  /** A chain Total -> n1 -> n2 -> ... -> n{depth}, written as a table definition file and read with it. */
  private Path chain(int depth) throws IOException {
    StringBuilder h = new StringBuilder("{\"Total\":[\"n1\"]");
    for (int i = 1; i < depth; i++) {
      h.append(",\"n").append(i).append("\":[\"n").append(i + 1).append("\"]");
    }
    h.append('}');
    Path json = dir.resolve("chain.table.json");
    Files.writeString(json, "{\"tableFormat\":1,\"name\":\"chain\",\"dimensions\":[{\"name\":\"d\",\"total\":\"Total\","
        + "\"hierarchy\":" + h + "}]}");
    return json;
  }

  @Test
  void issue14_aTwentyThousandLevelChainInATableDefinitionIsAClearError() throws IOException {
    Path json = chain(20_000);
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTableDefinition.read(json));
    assertTrue(e.getMessage().startsWith(json + ": "), e::getMessage);
    assertTrue(e.getMessage().endsWith("dimension 'd': the hierarchy is more than 64 levels deep below its total"
        + " (limit)"), e::getMessage);
  }

  @Test
  void issue14_aChainOfTheMostLevelsReadsAndAudits() throws IOException {
    Path json = chain(TableDimension.MAX_DEPTH);
    PublishedTableDefinition def = PublishedTableDefinition.read(json);
    assertEquals(TableDimension.MAX_DEPTH + 1, def.dimensions().get(0).nodes().size());
    StringBuilder csv = new StringBuilder("d,value,status\nTotal,7,publishable\n");
    for (int i = 1; i < TableDimension.MAX_DEPTH; i++) {
      csv.append('n').append(i).append(",,primary\n");
    }
    Path f = dir.resolve("chain.csv");
    Files.writeString(f, csv);
    AuditResult r = TableAudit.of().audit(List.of(PublishedTable.read(f, json)));
    // every cell of a chain equals the total: all of them are determined
    assertFalse(r.passed());
    assertEquals(TableDimension.MAX_DEPTH - 1, r.cells().size());
  }

  @Test
  void issue14_aDeepDimensionBuiltInMemoryIsRefusedToo() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    names.add("Total");
    for (int i = 1; i <= 10_000; i++) {
      names.add("n" + i);
    }
    for (int i = 0; i + 1 < names.size(); i++) {
      h.put(names.get(i), List.of(names.get(i + 1)));
    }
    TableFormatException e = assertThrows(TableFormatException.class, () -> new TableDimension("d", "Total", h));
    assertEquals("dimension 'd': the hierarchy is more than 64 levels deep below its total (limit)", e.getMessage());
  }
}
