package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFilesTest {
  private static final String DEF = """
      {"tableFormat":1,"name":"origin","dimensions":[
        {"name":"country","total":"Total","hierarchy":{"Total":["Africa","Europe"],"Africa":["DZ","EG"],"Europe":["FR"]}},
        {"name":"sex","total":"Total","hierarchy":{"Total":["F","M"]}}],
       "protection":{"minWidth":1}}
      """;

  @TempDir Path dir;

  @Test
  void definitionRoundTripsThroughJson() {
    PublishedTableDefinition d = PublishedTableDefinition.parse(DEF, "origin.table.json");
    assertEquals("origin", d.name());
    assertEquals(List.of("DZ", "EG", "FR"), d.dimensions().get(0).leaves());
    assertEquals(List.of("Total", "Africa", "DZ", "EG", "Europe", "FR"), d.dimensions().get(0).nodes());
    assertEquals(1.0, d.minWidth().orElseThrow());
    assertEquals(d, PublishedTableDefinition.parse(d.toJson(), "again"));
  }

  @Test
  void tableRoundTripsThroughCsvAndAuditsTheSameWay(@TempDir Path tmp) throws IOException {
    PublishedTable t = Tables2D.table("t", List.of("r1", "r2", "r3"), List.of("c1", "c2", "c3"),
        new long[][] {{1, 6, 8}, {5, 7, 9}, {4, 3, 10}}, Set.of("r1|c1"), Set.of("r1|c2", "r2|c1", "r2|c2"));
    Path csv = tmp.resolve("t.csv");
    Path json = tmp.resolve("t.table.json");
    t.writeCsv(csv);
    Files.writeString(json, t.definition().toJson());
    assertTrue(Files.readString(csv).startsWith("row,col,value,status\nr1,c1,,primary\nr1,c2,,secondary\nr1,c3,8,publishable\n"));
    PublishedTable back = PublishedTable.read(csv, json);
    assertEquals(t.rows(), back.rows());
    assertEquals(TableAudit.of().audit(t).cells(), TableAudit.of().audit(back).cells());
  }

  @Test
  void csvErrorsNameFileLineAndColumnButNoValue() throws IOException {
    Path json = dir.resolve("origin.table.json");
    Files.writeString(json, DEF);
    assertError("country,sex,value,status\nDZ,F,3,publishable\nXX,F,4,publishable\n", json, "line 3", "column 'country'");
    assertError("country,sex,value,status\nDZ,F,3,hidden\n", json, "line 2", "column 'status'");
    assertError("country,sex,value,status\nDZ,F,317,primary\n", json, "line 2", "column 'value'");
    assertError("country,sex,value,status\nDZ,F,abc,publishable\n", json, "line 2", "column 'value'");
    assertError("country,value,status\nDZ,3,publishable\n", json, "line 1", "missing column 'sex'");
    assertError("country,sex,value,status\nDZ,F,3,publishable\nDZ,F,4,publishable\n", json, "row 2", "lists the cell of row 1 again");
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> PublishedTable.read(write("country,sex,value,status\nDZ,F,31779153,primary\n"), json));
    // a long value, so that the random name of the temporary folder in the message cannot contain it
    assertFalse(e.getMessage().contains("31779153"), e.getMessage());
  }

  @Test
  void definitionErrorsNameFileAndField() throws IOException {
    assertDefError("{\"tableFormat\":2,\"name\":\"x\",\"dimensions\":[]}", "tableFormat");
    assertDefError("{\"tableFormat\":1,\"name\":\"x\"}", "dimensions");
    assertDefError("{\"tableFormat\":1,\"name\":\"x\",\"dimensions\":[{\"name\":\"a\",\"hierarchy\":{\"All\":[\"p\"]}}]}",
        "no entry for the total 'Total'");
    assertDefError("{\"tableFormat\":1,\"name\":\"x\",\"dimensions\":[{\"name\":\"a\",\"hierarchy\":{\"Total\":[\"p\",\"q\"],\"q\":[\"p\"]}}]}",
        "more than once");
    assertDefError("{\"tableFormat\":1,\"name\":\"x\",\"dimensions\":[{\"name\":\"a\",\"hierarchy\":{\"Total\":[\"p\"]}}],"
        + "\"protection\":{\"minWidth\":0}}", "minWidth");
    assertDefError("{not json", "not valid JSON");
  }

  private void assertDefError(String json, String expected) throws IOException {
    Path f = dir.resolve("bad.table.json");
    Files.writeString(f, json);
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTableDefinition.read(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(expected), e.getMessage());
  }

  private void assertError(String csv, Path json, String where, String what) throws IOException {
    Path f = write(csv);
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTable.read(f, json));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(where)
        && e.getMessage().contains(what), e.getMessage());
  }

  private Path write(String csv) throws IOException {
    Path f = dir.resolve("origin.csv");
    Files.writeString(f, csv);
    return f;
  }
}
