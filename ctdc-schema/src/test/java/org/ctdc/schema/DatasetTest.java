package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private final Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
  private final int gender = schema.indexOf("gender");
  private final int flag = schema.indexOf("isForcedLabour");
  private final int ipGender = schema.indexOf("IP_Gender");
  private final int citizen = schema.indexOf("IP_citizen");
  private final int year = schema.indexOf("yearOfRegistration");
  private final int count = schema.indexOf("numberOfVictims");
  private final int notes = schema.indexOf("notes");
  private final int many = schema.indexOf("manyCodes");

  private Dataset twoRows() {
    return Dataset.appender(schema)
        .setCode(gender, 1)
        .setCode(flag, 1)
        .setCodeSet(ipGender, 0b011)
        .setCodeSet(citizen, 0b1010)
        .setInt(year, 2019)
        .setInt(count, 3)
        .setText(notes, "free, text")
        .setCode(many, 150)
        .endRow()
        .setMissing(gender, MissingReason.NOT_COLLECTED)
        .setCode(flag, 0)
        .setMissing(ipGender, MissingReason.NOT_APPLICABLE)
        .setMissing(year, MissingReason.UNKNOWN)
        .endRow()
        .build();
  }

  @Test
  void appendedValuesAreReadBackByTheirAccessors() {
    Dataset d = twoRows();
    assertEquals(2, d.rowCount());
    assertEquals(schema.size(), d.columnCount());
    assertEquals(1, d.code(0, gender));
    assertEquals(1, d.code(0, flag));
    assertEquals(0b011, d.codeSet(0, ipGender));
    assertEquals(2019, d.intValue(0, year));
    assertEquals(3, d.intValue(0, count));
    assertEquals("free, text", d.text(0, notes));
    assertEquals(150, d.code(0, many));
    assertEquals(0, d.code(1, flag));
    assertFalse(d.isMissing(0, gender));
    assertEquals(Optional.empty(), d.missingReason(0, gender));
  }

  @Test
  void missingCellsCarryTheirReasonAndNegativeConstants() {
    Dataset d = twoRows();
    assertEquals(Dataset.MISSING_NOT_COLLECTED, d.code(1, gender));
    assertEquals(Dataset.MISSING_NOT_APPLICABLE, d.codeSet(1, ipGender));
    assertEquals(Optional.of(MissingReason.NOT_COLLECTED), d.missingReason(1, gender));
    assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(1, year));
    assertTrue(d.isMissing(1, year));
    assertThrows(IllegalStateException.class, () -> d.intValue(1, year));
    assertThrows(IllegalStateException.class, () -> d.text(1, notes));
    assertEquals(Dataset.MISSING_UNKNOWN, Dataset.missingCode(MissingReason.UNKNOWN));
    assertEquals(Dataset.MISSING_NOT_APPLICABLE, Dataset.missingCode(MissingReason.NOT_APPLICABLE));
  }

  @Test
  void cellsNotSetInARowAreMissingUnknown() {
    Dataset d = Dataset.appender(schema).endRow().build();
    for (int c = 0; c < d.columnCount(); c++) {
      assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(0, c));
    }
  }

  @Test
  void tokensAreWrittenAsTheReleaseFormatWritesThem() {
    Dataset d = twoRows();
    assertEquals("Male", d.token(0, gender));
    assertEquals("1", d.token(0, flag));
    assertEquals("0", d.token(1, flag));
    assertEquals("Female;Male", d.token(0, ipGender));
    assertEquals("Americas/Oceania; Europe", d.token(0, citizen));
    assertEquals("2019", d.token(0, year));
    assertEquals("c150", d.token(0, many));
    assertEquals("-99", d.token(1, gender));
    assertEquals("-99", d.token(1, year));
  }

  @Test
  void equalDatasetsAreEqualAndHashAlike() {
    assertEquals(twoRows(), twoRows());
    assertEquals(twoRows().hashCode(), twoRows().hashCode());
    Dataset other = Dataset.appender(schema).setCode(gender, 1).endRow().build();
    assertNotEquals(twoRows(), other);
    Dataset otherReason = Dataset.appender(schema).setMissing(gender, MissingReason.NOT_APPLICABLE).endRow().build();
    Dataset unknown = Dataset.appender(schema).endRow().build();
    assertNotEquals(unknown, otherReason);
  }

  @Test
  void toStringShowsOnlySchemaIdAndRowCount() {
    assertEquals("Dataset[test-all-kinds@1, 2 rows]", twoRows().toString());
  }

  @Test
  void columnByNameAndUnknownNameIsNamed() {
    Dataset d = twoRows();
    assertEquals(ipGender, d.column("IP_Gender"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.column("nope"));
    assertTrue(e.getMessage().contains("'nope'"));
  }

  @Test
  void wrongKindAccessNamesVariableAndKindNeverTheValue() {
    Dataset d = twoRows();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.intValue(0, notes));
    assertTrue(e.getMessage().contains("'notes'") && e.getMessage().contains("freeText"), e.getMessage());
    assertFalse(e.getMessage().contains("free, text"));
    e = assertThrows(IllegalStateException.class, () -> d.code(0, ipGender));
    assertTrue(e.getMessage().contains("multi-valued categorical"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> d.codeSet(0, gender));
    assertThrows(IllegalStateException.class, () -> d.text(0, year));
    assertThrows(IllegalStateException.class, () -> d.codes(ipGender));
    assertThrows(IllegalStateException.class, () -> d.codeSets(gender));
  }

  @Test
  void outOfRangeRowsAndColumnsAreRefused() {
    Dataset d = twoRows();
    assertThrows(IndexOutOfBoundsException.class, () -> d.code(2, gender));
    assertThrows(IndexOutOfBoundsException.class, () -> d.code(0, 99));
    assertThrows(IndexOutOfBoundsException.class, () -> d.isMissing(-1, 0));
  }

  @Test
  void codesIsACopy() {
    Dataset d = twoRows();
    int[] codes = d.codes(gender);
    assertArrayEquals(new int[] {1, Dataset.MISSING_NOT_COLLECTED}, codes);
    codes[0] = 0;
    assertEquals(1, d.code(0, gender));
    assertArrayEquals(new int[] {150, Dataset.MISSING_UNKNOWN}, d.codes(many));
    long[] sets = d.codeSets(ipGender);
    sets[0] = 0;
    assertEquals(0b011, d.codeSet(0, ipGender));
  }

  @Test
  void appenderChecksRangesAndNamesTheVariable() {
    Dataset.Appender a = Dataset.appender(schema);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.setCode(gender, 3));
    assertTrue(e.getMessage().contains("'gender'") && e.getMessage().contains("3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.setCode(flag, 2));
    assertThrows(IllegalArgumentException.class, () -> a.setCodeSet(ipGender, 0));
    assertThrows(IllegalArgumentException.class, () -> a.setCodeSet(ipGender, 0b1000));
    e = assertThrows(IllegalArgumentException.class, () -> a.setInt(year, 1999));
    assertTrue(e.getMessage().contains("yearOfRegistration") && !e.getMessage().contains("1999"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.setInt(year, 2031));
    assertThrows(IllegalArgumentException.class, () -> a.setInt(count, -1));
    assertThrows(IllegalStateException.class, () -> a.setText(gender, "x"));
    assertThrows(IllegalStateException.class, () -> a.setInt(notes, 1));
    assertThrows(IllegalStateException.class, () -> a.setCodeSet(gender, 1));
    assertThrows(IllegalStateException.class, () -> a.setCode(ipGender, 1));
  }

  @Test
  void buildRefusesAnUnendedRowAndLeavesTheAppenderUsable() {
    Dataset.Appender a = Dataset.appender(schema).setCode(gender, 0).endRow();
    Dataset first = a.build();
    a.setCode(gender, 2);
    assertThrows(IllegalStateException.class, a::build);
    a.endRow();
    Dataset second = a.build();
    assertEquals(1, first.rowCount());
    assertEquals(2, second.rowCount());
    assertEquals(2, a.rowCount());
    assertEquals(2, second.code(1, gender));
  }

  @Test
  void manyRowsGrowTheArrays() {
    Dataset.Appender a = Dataset.appender(schema);
    for (int r = 0; r < 100_000; r++) {
      a.setCode(gender, r % 3).setInt(count, r % 1000).setCode(many, r % 200).endRow();
    }
    Dataset d = a.build();
    assertEquals(100_000, d.rowCount());
    assertEquals(99_999 % 3, d.code(99_999, gender));
    assertEquals(199, d.code(99_999, many));
    assertEquals(999, d.intValue(99_999, count));
  }
}
