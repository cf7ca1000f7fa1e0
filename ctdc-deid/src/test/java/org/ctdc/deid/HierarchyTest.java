package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HierarchyTest {

  @Test
  void arxLayoutRoundTrips() {
    String text = "34;<50;*\n45;<50;*\n66;>=50;*\n";
    Hierarchy h = Hierarchy.readArx(new StringReader(text), "age", ';');
    assertEquals(2, h.height());
    assertEquals(List.of("<50", ">=50"), h.labels(1));
    StringWriter w = new StringWriter();
    h.writeArx(w, ';');
    assertEquals(text, w.toString());
  }

  @Test
  void aValueWithTwoParentsIsNamedWithItsLevel() {
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.of("age",
        List.of(List.of("34", "young", "*"), List.of("35", "young", "*"), List.of("36", "young", "x"),
            List.of("37", "old", "x"))));
    assertEquals("hierarchy 'age': row 3: its value on level 1 has another parent on level 2 on row 1"
        + " (rule: one parent per value)", e.getMessage());
  }

  @Test
  void aTopLevelWithTwoValuesIsRejected() {
    HierarchyException e = assertThrows(HierarchyException.class,
        () -> Hierarchy.of("g", List.of(List.of("a", "x"), List.of("b", "y"))));
    assertTrue(e.getMessage().contains("top level 1"), e.getMessage());
  }

  @Test
  void rowsOfUnequalLengthAreRejected() {
    HierarchyException e = assertThrows(HierarchyException.class,
        () -> Hierarchy.of("g", List.of(List.of("a", "*"), List.of("b", "x", "*"))));
    assertTrue(e.getMessage().contains("row 2"), e.getMessage());
  }

  @Test
  void aDataValueNotOnLevelZeroIsLocatedButNeverQuoted() {
    Hierarchy h = Hierarchies.flat("gender", List.of("male", "female"));
    HierarchyException e = assertThrows(HierarchyException.class,
        () -> h.checkCovers(List.of("male", "CANARY-other", "female", "CANARY-x")));
    String m = e.getMessage();
    assertTrue(m.contains("2 value(s)") && m.contains("position 2 of 4") && m.contains("level 0"), m);
    assertTrue(!m.contains("CANARY"), m);
    h.checkCovers(List.of("male", "female"));
  }

  @Test
  void aHierarchyTextOverTheLimitIsRefusedNamingTheRow() {
    java.io.Reader endless = new java.io.Reader() {
      private long given;

      @Override
      public int read(char[] buf, int off, int len) {
        if (given > Hierarchy.MAX_FILE_CHARS + 100) {
          return -1;
        }
        for (int i = 0; i < len; i++) {
          buf[off + i] = i % 16 == 15 ? '\n' : 'a';
        }
        given += len;
        return len;
      }

      @Override
      public void close() {}
    };
    HierarchyException e =
        assertThrows(HierarchyException.class, () -> Hierarchy.readArx(endless, "big", ';'));
    assertTrue(e.getMessage().contains("the limit for a hierarchy") && e.getMessage().contains("row "),
        e.getMessage());
  }

  @Test
  void intervalsNestAndEndWithTop() {
    Hierarchy h = Hierarchies.intervals("age", List.of("3", "17", "39"), 0, 5, 10, 20);
    assertEquals(List.of("39", "35-39", "30-39", "20-39", "*"), h.rows().get(2));
    assertThrows(HierarchyException.class, () -> Hierarchies.intervals("age", List.of("3"), 0, 5, 7));
  }

  @Test
  void orderedGroupsJoinRuns() {
    Hierarchy h = Hierarchies.orderedGroups("band", List.of("a", "b", "c", "d", "e"), 2, 2);
    assertEquals(List.of("a", "a..b", "a..d", "*"), h.rows().get(0));
    assertEquals(List.of("e", "e", "e", "*"), h.rows().get(4));
  }

  @Test
  void maskingReplacesOneSuffixCharacterPerLevel() {
    Hierarchy h = Hierarchies.masking("zip", List.of("81667", "81925"));
    assertEquals(List.of("81667", "8166*", "816**", "81***", "8****", "*****"), h.rows().get(0));
    assertEquals(5, h.height());
  }
}
