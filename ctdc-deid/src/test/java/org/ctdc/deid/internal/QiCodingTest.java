package org.ctdc.deid.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ctdc.deid.DeidException;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.HierarchyException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/**
 * The coding of one quasi-identifier, worked out by hand: leaf ids of integer and closed cells, one slot per
 * missing reason after the leaves, the domain and the roll-up map of every level, and which ids are missing
 * slots.
 */
class QiCodingTest {

  /** Ages 3, 7, 12 and a padded 20; a non-numeric leaf; bands; the top. */
  private static final Hierarchy AGES = Hierarchy.of("age", List.of(
      List.of("3", "0-9", "*"),
      List.of("7", "0-9", "*"),
      List.of("12", "10-19", "*"),
      List.of(" 20 ", "20-29", "*"),
      List.of("x", "other", "*")));

  private static Dataset ages(Integer... values) {
    Schema schema = Schema.builder("ages", "1").add(Variable.builder("age", VariableKind.COUNT).build())
        .add(Variable.builder("note", VariableKind.FREE_TEXT).build()).build();
    Dataset.Appender a = Dataset.appender(schema);
    for (Integer v : values) {
      if (v == null) {
        a.setMissing(0, MissingReason.UNKNOWN);
      } else if (v < 0) {
        a.setMissing(0, MissingReason.NOT_APPLICABLE);
      } else {
        a.setInt(0, v);
      }
      a.setText(1, "n");
      a.endRow();
    }
    return a.build();
  }

  @Test
  void integerCellsFindTheirLeafAndMissingCellsTheirReasonsSlot() {
    Dataset data = ages(12, 3, null, 20, -1, 7);
    QiCoding q = new QiCoding(data, "age", AGES);
    // five leaves, then UNKNOWN at 5, NOT_COLLECTED at 6, NOT_APPLICABLE at 7, SUPPRESSED at 8
    assertArrayEquals(new int[] {2, 0, 5, 3, 7, 1}, q.ids(data));
    assertArrayEquals(new int[] {5 + 4, 4 + 4, 1}, q.domain);
    assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4, 5, 6, 7}, q.up[1]);
    assertArrayEquals(new int[9], q.up[2]);
    assertEquals(9, q.domain0());
  }

  @Test
  void anIntegerOffLevelZeroIsRefusedByRowWithoutItsValue() {
    Dataset data = ages(3, 7, 99);
    QiCoding q = new QiCoding(data, "age", AGES);
    HierarchyException e = assertThrows(HierarchyException.class, () -> q.ids(data));
    assertEquals("hierarchy 'age': a value of 'age' (row 3) is not on level 0", e.getMessage());
  }

  @Test
  void missingSlotsAreToldApartFromLabelsOnEveryLevelButTheTop() {
    QiCoding q = new QiCoding(ages(3), "age", AGES);
    assertEquals(0, q.missingOf(0, 4));
    assertEquals(-1, q.missingOf(0, 5));
    assertEquals(-3, q.missingOf(0, 7));
    assertEquals(-4, q.missingOf(0, 8));
    assertEquals(0, q.missingOf(1, 3));
    assertEquals(-1, q.missingOf(1, 4));
    assertEquals(-2, q.missingOf(1, 5));
    assertEquals(0, q.missingOf(2, 0));
    assertEquals(List.of("0-9", "10-19", "20-29", "other"), q.labels(1));
    assertEquals(List.of("*"), q.labels(2));
    assertEquals(List.of("3", "7", "12", " 20 ", "x"), q.labels(0));
  }

  @Test
  void closedCodesMapToLeavesAndACodeTheHierarchyLacksIsRefusedByRow() {
    Schema schema = Schema.builder("sectors", "1")
        .add(Variable.builder("sector", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("farm", "mine", "home")).build())
        .build();
    Dataset.Appender a = Dataset.appender(schema);
    a.setCode(0, 2).endRow();
    a.setMissing(0, MissingReason.NOT_COLLECTED).endRow();
    a.setCode(0, 0).endRow();
    Dataset data = a.build();
    Hierarchy h = Hierarchy.of("sector", List.of(List.of("home", "private", "*"), List.of("farm", "work", "*"),
        List.of("mine", "work", "*")));
    QiCoding q = new QiCoding(data, "sector", h);
    assertArrayEquals(new int[] {1, 2, 0}, q.codeToLeaf);
    assertArrayEquals(new int[] {0, 3 + 1, 1}, q.ids(data));

    Hierarchy lacking = Hierarchy.of("sector", List.of(List.of("home", "*"), List.of("mine", "*")));
    QiCoding partial = new QiCoding(data, "sector", lacking);
    HierarchyException e = assertThrows(HierarchyException.class, () -> partial.ids(data));
    assertEquals("hierarchy 'sector': a value of 'sector' (row 3) is not on level 0", e.getMessage());
  }

  @Test
  void textAndUnknownVariablesAreRefusedByName() {
    Dataset data = ages(3);
    assertEquals("variable 'note' is free_text: only single-valued closed, year and count variables can be generalised",
        assertThrows(DeidException.class, () -> new QiCoding(data, "note", AGES)).getMessage());
    assertEquals("variable 'sex' is not in schema ages@1",
        assertThrows(DeidException.class, () -> new QiCoding(data, "sex", AGES)).getMessage());
  }
}
