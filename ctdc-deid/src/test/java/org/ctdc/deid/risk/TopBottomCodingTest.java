package org.ctdc.deid.risk;

import org.ctdc.deid.transform.TopBottomCoding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;

class TopBottomCodingTest {

  @Test
  void topAndBottomCodingClampIntegerValuesAndKeepMissingCells() {
    RandomData d = new RandomData(9, 200, 2);
    Dataset data = d.data;
    int col = data.column("w");
    TopBottomCoding.Result top = TopBottomCoding.top(data, "w", 20);
    TopBottomCoding.Result bottom = TopBottomCoding.bottom(data, "w", 5);
    long above = 0;
    long below = 0;
    for (int r = 0; r < data.rowCount(); r++) {
      int x = data.intValue(r, col);
      above += x > 20 ? 1 : 0;
      below += x < 5 ? 1 : 0;
      assertEquals(Math.min(x, 20), top.dataset().intValue(r, col));
      assertEquals(Math.max(x, 5), bottom.dataset().intValue(r, col));
    }
    assertEquals(above, top.recodedCells());
    assertEquals(below, bottom.recodedCells());
    int year = data.column("year");
    TopBottomCoding.Result y = TopBottomCoding.bottom(data, "year", 2019);
    for (int r = 0; r < data.rowCount(); r++) {
      assertEquals(data.isMissing(r, year), y.dataset().isMissing(r, year));
      if (!data.isMissing(r, year)) {
        assertEquals(Math.max(2019, data.intValue(r, year)), y.dataset().intValue(r, year));
      }
    }
    assertEquals(data.schema(), y.dataset().schema());
  }

  @Test
  void refusesClosedVariablesAndThresholdsOutsideTheBounds() {
    RandomData d = new RandomData(9, 20, 2);
    assertThrows(RiskException.class, () -> TopBottomCoding.top(d.data, "q0", 1));
    assertThrows(RiskException.class, () -> TopBottomCoding.bottom(d.data, "w", 0));
    assertThrows(RiskException.class, () -> TopBottomCoding.top(d.data, "nope", 1));
  }
}
