package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published-table CSV layout: header handling (byte-order mark, column order, duplicate, missing and
 * unexpected columns), blank lines, field counts, surrounding spaces, and the writer's numbers and quoting.
 */
class TableCsvLayoutTest {
  private static final PublishedTableDefinition DEF = PublishedTableDefinition.of("t", List.of(
      TableDimension.flat("sex", "Total", List.of("F", "M"))));

  @TempDir Path dir;

  private Path csv(String text) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, text);
    return f;
  }

  private Path def() throws IOException {
    Path f = dir.resolve("t.table.json");
    Files.writeString(f, DEF.toJson());
    return f;
  }

  private String error(String text) throws IOException {
    Path f = csv(text);
    Path d = def();
    String m = assertThrows(TableFormatException.class, () -> PublishedTable.read(f, d)).getMessage();
    assertTrue(m.startsWith(f + ": "), m);
    return m;
  }

  @Test
  void columnsMayComeInAnyOrderWithABomSpacesAndBlankLines() throws IOException {
    PublishedTable t = PublishedTable.read(csv("\uFEFFstatus, value ,sex\n primary ,, F \n\npublishable,4,M\n"
        + "publishable,9.5,Total\n"), def());
    assertEquals(List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"),
        PublishedRow.published(4, "M"),
        new PublishedRow(List.of("Total"), OptionalDouble.of(9.5), PublishedStatus.PUBLISHABLE)), t.rows());
  }

  @Test
  void headerErrorsNameTheColumn() throws IOException {
    assertTrue(error("").contains("line 1: missing header"));
    assertTrue(error("sex,value,value,status\n").contains("line 1: columns 2 and 3 have the same name"));
    assertTrue(error("sex,status\nF,primary\n").contains("line 1: missing column 'value'"));
    assertTrue(error("sex,value\nF,3\n").contains("line 1: missing column 'status'"));
    assertTrue(error("value,status\n3,publishable\n").contains("line 1: missing column 'sex' (a dimension of table 't')"));
    assertTrue(error("sex,value,status,note\nF,3,publishable,x\n").contains("line 1: column 4 is not a dimension of the table, 'value' or 'status'"));
  }

  @Test
  void rowsWithTheWrongNumberOfFieldsAreRefusedWithTheirLine() throws IOException {
    String m = error("sex,value,status\nF,3,publishable\nM,4\n");
    assertTrue(m.contains("line 3: has 2 fields, the header has 3"), m);
  }

  @Test
  void writerQuotesCodesWithCommasQuotesOrLineBreaksAndWritesWholeNumbersWithoutAFraction() throws IOException {
    PublishedTableDefinition def = PublishedTableDefinition.of("q", List.of(TableDimension.flat("d", "All",
        List.of("a,b", "say \"hi\"", "two\nlines", "cr\rhere", "plain", ",lead", "\"q", "\nn", "\rr"))));
    PublishedTable t = PublishedTable.of(def, List.of(
        PublishedRow.published(3, "a,b"), new PublishedRow(List.of("say \"hi\""), OptionalDouble.of(2.5),
            PublishedStatus.PUBLISHABLE), PublishedRow.published(1, "two\nlines"),
        PublishedRow.published(0, "cr\rhere"), PublishedRow.suppressed(PublishedStatus.SECONDARY, "plain"),
        PublishedRow.published(1, ",lead"), PublishedRow.published(1, "\"q"), PublishedRow.published(1, "\nn"),
        PublishedRow.published(1, "\rr")));
    Path f = dir.resolve("q.csv");
    t.writeCsv(f);
    assertEquals("d,value,status\n\"a,b\",3,publishable\n\"say \"\"hi\"\"\",2.5,publishable\n\"two\nlines\",1,publishable\n"
        + "\"cr\rhere\",0,publishable\nplain,,secondary\n\",lead\",1,publishable\n\"\"\"q\",1,publishable\n"
        + "\"\nn\",1,publishable\n\"'\rr\",1,publishable\n", Files.readString(f));
    // a label beginning with a carriage return is one a spreadsheet may run: the formula guard (issue 14) puts a
    // quote in front, and the reader reads it back as the definition's label
    PublishedTableDefinition guarded = PublishedTableDefinition.of("g", List.of(TableDimension.flat("d", "All", List.of("\rr", "-x"))));
    Path g = dir.resolve("g.csv");
    PublishedTable.of(guarded, List.of(PublishedRow.published(1, "\rr"), PublishedRow.published(2, "-x"))).writeCsv(g);
    assertEquals("d,value,status\n\"'\rr\",1,publishable\n'-x,2,publishable\n", Files.readString(g));
    PublishedTable back = org.ctdc.deid.audit.internal.TableCsv.read(g, guarded);
    assertEquals(List.of(List.of("\rr"), List.of("-x")), back.rows().stream().map(PublishedRow::codes).toList());
  }
}
