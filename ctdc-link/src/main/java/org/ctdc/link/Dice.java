package org.ctdc.link;

/**
 * Sørensen–Dice similarity of packed bit vectors, {@code 2·|A∧B| / (|A| + |B|)}, with {@link Long#bitCount}
 * (one popcount instruction per word on x86-64 and AArch64). The loops allocate nothing.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Dice {
  private Dice() {}

  /**
   * The number of ones in common.
   *
   * @param a words of the first vector
   * @param offA its first word
   * @param b words of the second vector
   * @param offB its first word
   * @param words the vectors' length in words
   * @return {@code |A∧B|}
   */
  public static int common(long[] a, int offA, long[] b, int offB, int words) {
    if (words == 16) {
      return common16(a, offA, b, offB);
    }
    int c = 0;
    for (int i = 0; i < words; i++) {
      c += Long.bitCount(a[offA + i] & b[offB + i]);
    }
    return c;
  }

  /** {@link #common} of 1,024-bit vectors, unrolled (16 popcounts, four independent sums). */
  private static int common16(long[] a, int offA, long[] b, int offB) {
    java.util.Objects.checkFromIndexSize(offA, 16, a.length);
    java.util.Objects.checkFromIndexSize(offB, 16, b.length);
    int c0 = Long.bitCount(a[offA] & b[offB]) + Long.bitCount(a[offA + 4] & b[offB + 4])
        + Long.bitCount(a[offA + 8] & b[offB + 8]) + Long.bitCount(a[offA + 12] & b[offB + 12]);
    int c1 = Long.bitCount(a[offA + 1] & b[offB + 1]) + Long.bitCount(a[offA + 5] & b[offB + 5])
        + Long.bitCount(a[offA + 9] & b[offB + 9]) + Long.bitCount(a[offA + 13] & b[offB + 13]);
    int c2 = Long.bitCount(a[offA + 2] & b[offB + 2]) + Long.bitCount(a[offA + 6] & b[offB + 6])
        + Long.bitCount(a[offA + 10] & b[offB + 10]) + Long.bitCount(a[offA + 14] & b[offB + 14]);
    int c3 = Long.bitCount(a[offA + 3] & b[offB + 3]) + Long.bitCount(a[offA + 7] & b[offB + 7])
        + Long.bitCount(a[offA + 11] & b[offB + 11]) + Long.bitCount(a[offA + 15] & b[offB + 15]);
    return (c0 + c1) + (c2 + c3);
  }

  /**
   * The number of ones.
   *
   * @param a words
   * @param off the first word
   * @param words the length in words
   * @return {@code |A|}
   */
  public static int cardinality(long[] a, int off, int words) {
    int c = 0;
    for (int i = 0; i < words; i++) {
      c += Long.bitCount(a[off + i]);
    }
    return c;
  }

  /**
   * The similarity of two vectors.
   *
   * @param a words of the first vector
   * @param offA its first word
   * @param b words of the second vector
   * @param offB its first word
   * @param words the vectors' length in words
   * @return the Dice similarity; 0 when both are all zeros
   */
  public static double similarity(long[] a, int offA, long[] b, int offB, int words) {
    int ca = 0;
    int cb = 0;
    int c = 0;
    for (int i = 0; i < words; i++) {
      long x = a[offA + i];
      long y = b[offB + i];
      ca += Long.bitCount(x);
      cb += Long.bitCount(y);
      c += Long.bitCount(x & y);
    }
    return ca + cb == 0 ? 0 : 2.0 * c / (ca + cb);
  }
}
