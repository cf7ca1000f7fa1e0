package org.ctdc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the records the synthesis benchmark and the synthesis module's golden-output test share are one
 * public generator of the samples module; a seed gives the same records, and the columns have the documented
 * codes and missing share.
 */
class Issue16SynthSamplesTest {

  private static String codes(Dataset d) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < d.rowCount(); r++) {
      for (int c = 0; c < d.schema().variables().size(); c++) {
        sb.append(d.isMissing(r, c) ? -1 : d.code(r, c)).append(',');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void issue16_aSeedGivesTheSameRecordsAndAnotherSeedOthers() {
    assertEquals(codes(SynthSamples.categorical(500, 12, 2024)), codes(SynthSamples.categorical(500, 12, 2024)));
    assertNotEquals(codes(SynthSamples.categorical(500, 12, 2024)), codes(SynthSamples.categorical(500, 12, 2025)));
  }

  @Test
  void issue16_theColumnsHaveTheirCodesAndAboutOneMissingInTen() {
    Dataset d = SynthSamples.categorical(20_000, 9, 7);
    assertEquals(SynthSamples.SCHEMA_NAME, d.schema().name());
    assertEquals(20_000, d.rowCount());
    for (int c = 0; c < 9; c++) {
      assertEquals("c" + c, d.schema().variables().get(c).name());
      int size = 2 + c % 7;
      int missing = 0;
      boolean[] seen = new boolean[size];
      for (int r = 0; r < d.rowCount(); r++) {
        if (d.isMissing(r, c)) {
          missing++;
        } else {
          seen[d.code(r, c)] = true;
        }
      }
      for (boolean s : seen) {
        assertTrue(s, "column c" + c + " uses each of its " + size + " codes");
      }
      if (c == 0) {
        assertEquals(0, missing);
      } else {
        assertTrue(missing > 1700 && missing < 2300, "c" + c + ": " + missing + " missing");
      }
    }
  }

  @Test
  void issue16_aSizeOutOfRangeIsRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthSamples.categorical(-1, 3, 1))
        .getMessage().contains("rows"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthSamples.categorical(3, 0, 1))
        .getMessage().contains("columns"));
    assertEquals(0, SynthSamples.categorical(0, 3, 1).rowCount());
  }
}
