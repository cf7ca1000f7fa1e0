package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Dataset.Appender#appendRow} against the cell-by-cell setters it replaces. */
class AppendRowTest {

  /** The kinds of {@link TestSchemas#allKinds} without its free-text and identifier variables. */
  private static Schema closedAndIntegers() {
    Schema all = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Schema.Builder b = Schema.builder("closed-and-integers", "1").format(ReleaseFormat.CTDC_KANON);
    for (Variable v : all.variables()) {
      if (v.kind().isClosed() || v.kind().isInteger()) {
        b.add(v);
      }
    }
    b.add(Variable.builder("notes", VariableKind.FREE_TEXT).build());
    return b.build();
  }

  private static final int[] MISSING = {
    Dataset.MISSING_UNKNOWN, Dataset.MISSING_NOT_COLLECTED, Dataset.MISSING_NOT_APPLICABLE,
    Dataset.MISSING_SUPPRESSED
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aRowAppendedAtOnceEqualsTheSameCellsSetOneByOne(long seed) {
    Schema s = closedAndIntegers();
    List<Variable> vars = s.variables();
    int n = vars.size();
    SplittableRandom rnd = new SplittableRandom(seed);
    Dataset.Appender bulk = Dataset.appender(s);
    Dataset.Appender cells = Dataset.appender(s);
    int rows = 1 + rnd.nextInt(300);
    for (int r = 0; r < rows; r++) {
      int[] values = new int[n];
      long[] masks = new long[n];
      int[] missing = new int[n];
      for (int c = 0; c < n; c++) {
        Variable v = vars.get(c);
        if (!(v.kind().isClosed() || v.kind().isInteger()) || rnd.nextInt(4) == 0) {
          missing[c] = MISSING[rnd.nextInt(MISSING.length)];
          values[c] = rnd.nextInt(); // ignored for a missing cell
          cells.setMissing(c, MissingReason.values()[-missing[c] - 1]);
        } else if (v.isMultiValued()) {
          int size = v.values().size();
          long m = 0;
          while (m == 0) {
            m = rnd.nextLong() & ((1L << size) - 1);
          }
          masks[c] = m;
          cells.setCodeSet(c, m);
        } else if (v.kind().isClosed()) {
          values[c] = rnd.nextInt(v.values().size());
          cells.setCode(c, values[c]);
        } else {
          int min = Dataset.minimumOf(v);
          int max = v.maximum().orElse(min + 10_000);
          values[c] = min + rnd.nextInt(max - min + 1);
          cells.setInt(c, values[c]);
        }
      }
      bulk.appendRow(values, masks, missing);
      cells.endRow();
      if (r % 50 == 7) {
        // rows set cell by cell and rows appended at once mix
        bulk.setCode(0, 0).endRow();
        cells.setCode(0, 0).endRow();
      }
    }
    assertEquals(cells.rowCount(), bulk.rowCount());
    assertEquals(cells.build(), bulk.build());
  }

  @Test
  void aFailedRowLeavesTheAppenderAsItWas() {
    Schema s = closedAndIntegers();
    int n = s.variables().size();
    Dataset.Appender a = Dataset.appender(s);
    int[] missing = new int[n];
    java.util.Arrays.fill(missing, Dataset.MISSING_UNKNOWN);
    a.appendRow(new int[n], new long[n], missing);
    int gender = s.indexOf("gender");
    int[] values = new int[n];
    values[gender] = 99;
    int[] bad = missing.clone();
    bad[gender] = 0;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.appendRow(values, new long[n], bad));
    assertTrue(e.getMessage().contains("'gender'"), e.getMessage());
    int notes = s.indexOf("notes");
    int[] text = missing.clone();
    text[notes] = 0;
    assertThrows(IllegalStateException.class, () -> a.appendRow(new int[n], new long[n], text));
    int[] unknown = missing.clone();
    unknown[gender] = -9;
    assertThrows(IllegalArgumentException.class, () -> a.appendRow(new int[n], new long[n], unknown));
    assertThrows(IllegalArgumentException.class, () -> a.appendRow(new int[1], new long[n], missing));
    assertEquals(1, a.rowCount());
    a.setCode(gender, 0);
    assertThrows(IllegalStateException.class, () -> a.appendRow(new int[n], new long[n], missing));
    a.endRow();
    // a row that fails at its last cell, after the others were written: nothing of it remains
    int[] late = missing.clone();
    int last = n - 1;
    late[last] = 0; // the free-text cell, present
    int[] codes = new int[n];
    codes[gender] = 1;
    int[] first = missing.clone();
    first[gender] = 0;
    late[gender] = 0;
    assertThrows(IllegalStateException.class, () -> a.appendRow(codes, new long[n], late));
    a.setCode(s.indexOf("isForcedLabour"), 1).endRow();
    a.appendRow(codes, new long[n], first);
    Dataset.Appender ref = Dataset.appender(s);
    ref.appendRow(new int[n], new long[n], missing);
    ref.setCode(gender, 0).endRow();
    ref.setCode(s.indexOf("isForcedLabour"), 1).endRow();
    ref.setCode(gender, 1);
    for (int c = 0; c < n; c++) {
      if (c != gender) {
        ref.setMissing(c, MissingReason.UNKNOWN);
      }
    }
    ref.endRow();
    assertEquals(ref.build(), a.build());
    assertEquals(4, a.rowCount());
  }
}
