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
    int c = 0;
    for (int i = 0; i < words; i++) {
      c += Long.bitCount(a[offA + i] & b[offB + i]);
    }
    return c;
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
