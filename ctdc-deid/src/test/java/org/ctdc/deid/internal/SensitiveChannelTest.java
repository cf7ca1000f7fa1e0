package org.ctdc.deid.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctdc.deid.DeidException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/**
 * The ids of a sensitive variable, worked out by hand: dense ranks of the distinct years (missing values, of
 * any reason, in the one slot after them), value-set indices for a closed variable, and the input's
 * distribution over the ids.
 */
class SensitiveChannelTest {

  private static Dataset data() {
    Schema schema = Schema.builder("sensitive", "1")
        .add(Variable.builder("year", VariableKind.YEAR).build())
        .add(Variable.builder("sector", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b", "c")).build())
        .add(Variable.builder("note", VariableKind.FREE_TEXT).build())
        .build();
    Dataset.Appender a = Dataset.appender(schema);
    int[] years = {2019, 2005, 2019, -1, 2011, 2005, -2, 2030};
    int[] sectors = {2, 0, -1, 2, 2, 0, 1, -2};
    for (int r = 0; r < years.length; r++) {
      if (years[r] == -1) {
        a.setMissing(0, MissingReason.UNKNOWN);
      } else if (years[r] == -2) {
        a.setMissing(0, MissingReason.NOT_COLLECTED);
      } else {
        a.setInt(0, years[r]);
      }
      if (sectors[r] == -1) {
        a.setMissing(1, MissingReason.UNKNOWN);
      } else if (sectors[r] == -2) {
        a.setMissing(1, MissingReason.NOT_APPLICABLE);
      } else {
        a.setCode(1, sectors[r]);
      }
      a.setText(2, "n" + r);
      a.endRow();
    }
    return a.build();
  }

  @Test
  void yearsAreRankedDenselyWithMissingValuesInTheSlotAfterThem() {
    SensitiveChannel c = new SensitiveChannel(data(), "year", null);
    // distinct years 2005, 2011, 2019, 2030 -> ranks 0..3; both missing reasons -> 4
    assertArrayEquals(new int[] {2, 0, 2, 4, 1, 0, 4, 3}, c.ids);
    assertEquals(4 + QiCoding.MISSING_SLOTS, c.domain);
    assertArrayEquals(new double[] {2 / 8.0, 1 / 8.0, 2 / 8.0, 1 / 8.0, 2 / 8.0, 0, 0, 0}, c.overall, 0.0);
  }

  @Test
  void closedValuesKeepTheirIndexWithMissingValuesAfterTheValueSet() {
    SensitiveChannel c = new SensitiveChannel(data(), "sector", null);
    assertArrayEquals(new int[] {2, 0, 3, 2, 2, 0, 1, 3}, c.ids);
    assertEquals(3 + QiCoding.MISSING_SLOTS, c.domain);
    assertArrayEquals(new double[] {2 / 8.0, 1 / 8.0, 3 / 8.0, 2 / 8.0, 0, 0, 0}, c.overall, 0.0);
  }

  @Test
  void anEmptyDatasetHasAnAllZeroDistribution() {
    Dataset empty = Dataset.appender(data().schema()).build();
    SensitiveChannel c = new SensitiveChannel(empty, "year", null);
    assertEquals(QiCoding.MISSING_SLOTS, c.domain);
    assertArrayEquals(new double[QiCoding.MISSING_SLOTS], c.overall, 0.0);
  }

  @Test
  void freeTextAndUnknownVariablesAreRefusedByName() {
    DeidException text = assertThrows(DeidException.class, () -> new SensitiveChannel(data(), "note", null));
    assertTrue(text.getMessage().contains("'note' must be single-valued closed"), text.getMessage());
    DeidException unknown = assertThrows(DeidException.class, () -> new SensitiveChannel(data(), "age", null));
    assertEquals("sensitive variable 'age' is not in schema sensitive@1", unknown.getMessage());
  }
}
