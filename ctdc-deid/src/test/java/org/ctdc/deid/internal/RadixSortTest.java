package org.ctdc.deid.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The radix sort that orders the level-0 table's packed keys equals {@link Arrays#sort(long[])}, for keys
 * of one to several 11-bit digits, with constant digits (skipped passes), an odd number of passes (result
 * copied back) and empty or single-element input.
 */
class RadixSortTest {

  @ParameterizedTest
  @CsvSource({
      "0, 5, 1", "1, 5, 2", "2, 5, 200", "3, 11, 500", "4, 12, 500", "5, 22, 500", "6, 23, 1000", "7, 33, 700",
      "8, 44, 700", "9, 63, 1000", "10, 63, 1"})
  void sortsLikeArraysSort(long seed, int keyBits, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] a = new long[n];
    long mask = keyBits == 64 ? -1L : (1L << keyBits) - 1;
    for (int i = 0; i < n; i++) {
      a[i] = r.nextLong() & mask;
    }
    long[] expected = a.clone();
    Arrays.sort(expected);
    Engine.radixSort(a, keyBits);
    assertArrayEquals(expected, a);
  }

  @ParameterizedTest
  @CsvSource({"0, 33", "1, 33", "2, 22", "3, 44"})
  void constantDigitsAreSkippedWithoutLosingOrder(int constantDigit, int keyBits) {
    SplittableRandom r = new SplittableRandom(constantDigit * 31L + keyBits);
    long[] a = new long[400];
    for (int i = 0; i < a.length; i++) {
      long v = r.nextLong() & ((1L << keyBits) - 1);
      // force one 11-bit digit to the same value in every key
      v &= ~(0x7FFL << (11 * constantDigit));
      v |= 0x155L << (11 * constantDigit);
      a[i] = v & ((1L << keyBits) - 1);
    }
    long[] expected = a.clone();
    Arrays.sort(expected);
    Engine.radixSort(a, keyBits);
    assertArrayEquals(expected, a);
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "2"})
  void emptyAndConstantArrays(int n) {
    long[] a = new long[n * 3];
    Arrays.fill(a, 12345L);
    Engine.radixSort(a, 20);
    long[] e = new long[n * 3];
    Arrays.fill(e, 12345L);
    assertArrayEquals(e, a);
    long[] empty = {};
    Engine.radixSort(empty, 30);
    assertArrayEquals(new long[0], empty);
  }
}
