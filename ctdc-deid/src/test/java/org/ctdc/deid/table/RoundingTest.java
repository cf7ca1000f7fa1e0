package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RoundingTest {
  @Test
  void toBaseRoundsToTheNearestMultipleWithTiesUp() {
    assertEquals(0, Rounding.toBase(0, 10));
    assertEquals(0, Rounding.toBase(4, 10));
    assertEquals(10, Rounding.toBase(5, 10));
    assertEquals(10, Rounding.toBase(14, 10));
    assertEquals(20, Rounding.toBase(15, 10));
    assertEquals(0, Rounding.toBase(2, 5));
    assertEquals(5, Rounding.toBase(3, 5));
    assertEquals(7, Rounding.toBase(7, 1));
  }

  @Test
  void downToResolutionHidesCountsBelowItAndFloorsTheRest() {
    assertEquals(OptionalLong.empty(), Rounding.downToResolution(0, 10));
    assertEquals(OptionalLong.empty(), Rounding.downToResolution(9, 10));
    assertEquals(OptionalLong.of(10), Rounding.downToResolution(10, 10));
    assertEquals(OptionalLong.of(20), Rounding.downToResolution(27, 10));
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Rounding.toBase(-1, 5));
    assertThrows(IllegalArgumentException.class, () -> Rounding.toBase(3, 0));
    assertThrows(IllegalArgumentException.class, () -> Rounding.downToResolution(3, 0));
    assertThrows(IllegalArgumentException.class, () -> Rounding.cellIntervalFromBase(7, 5));
  }

  @Test
  void cellIntervalIsExactlyTheCountsThatRoundToIt() {
    for (int base : new int[] {1, 2, 3, 5, 10}) {
      for (long r = 0; r <= 5L * base; r += base) {
        Rounding.Interval in = Rounding.cellIntervalFromBase(r, base);
        for (long c = 0; c <= 7L * base; c++) {
          assertEquals(Rounding.toBase(c, base) == r, in.contains(c), "base " + base + " r " + r + " c " + c);
        }
      }
    }
  }

  @Test
  void trueTotalAlwaysLiesInTheIntervalFromBaseRoundedCellsAndTheEndsAreReachable() {
    qt().withExamples(500).forAll(lists().of(integers().between(0, 200)).ofSizeBetween(1, 12),
            integers().between(1, 12))
        .checkAssert((cells, base) -> {
          long truth = cells.stream().mapToLong(Integer::longValue).sum();
          long[] rounded = cells.stream().mapToLong(c -> Rounding.toBase(c, base)).toArray();
          Rounding.Interval total = Rounding.totalIntervalFromBase(rounded, base);
          assertTrue(total.contains(truth));
          // The ends are sums of counts that round to the published cells: the interval is not loose.
          long lo = 0;
          long hi = 0;
          for (long r : rounded) {
            Rounding.Interval c = Rounding.cellIntervalFromBase(r, base);
            assertEquals(r, Rounding.toBase(c.min(), base));
            assertEquals(r, Rounding.toBase(c.max(), base));
            lo += c.min();
            hi += c.max();
          }
          assertEquals(new Rounding.Interval(lo, hi), total);
          assertTrue(total.width() <= (long) rounded.length * (base - 1));
          // Publishing the rounded total too narrows the attacker interval but keeps the truth in it.
          Rounding.Interval both = total.intersect(Rounding.cellIntervalFromBase(Rounding.toBase(truth, base), base));
          assertTrue(both.contains(truth));
        });
  }

  @Test
  void trueTotalAlwaysLiesInTheIntervalFromResolutionRoundedCells() {
    qt().withExamples(500).forAll(lists().of(integers().between(0, 200)).ofSizeBetween(1, 12),
            integers().between(1, 20))
        .checkAssert((cells, res) -> {
          long truth = cells.stream().mapToLong(Integer::longValue).sum();
          OptionalLong[] shown = cells.stream().map(c -> Rounding.downToResolution(c, res)).toArray(OptionalLong[]::new);
          Rounding.Interval total = Rounding.totalIntervalFromResolution(shown, res);
          assertTrue(total.contains(truth));
          assertEquals((long) cells.size() * (res - 1), total.width());
        });
  }

  @Test
  void totalOfTwoHiddenCellsIsOnlyKnownToBeBelowTwiceTheResolution() {
    Rounding.Interval in = Rounding.totalIntervalFromResolution(
        new OptionalLong[] {OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(20)}, 10);
    assertEquals(new Rounding.Interval(20, 47), in);
    assertEquals(List.of(20L, 47L), List.of(in.min(), in.max()));
  }
}
