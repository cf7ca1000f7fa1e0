package org.ctdc.synth.noise;

import java.math.BigInteger;
import java.util.random.RandomGenerator;

/**
 * The exact algorithms behind {@link DiscreteLaplace} and {@link DiscreteGaussian} (Canonne, Kamath and
 * Steinke 2020, "The Discrete Gaussian for Differential Privacy", algorithms 1 to 3): every step is a
 * comparison of uniform integers with integers, so no floating-point number ever touches a count and the low
 * bits of a noisy count reveal nothing (Mironov 2012). Parameters are rationals of integers. Thread-safe
 * (stateless; the caller's generator is used by one thread at a time).
 */
final class ExactBernoulli {
  private static final long LONG_LIMIT = 1L << 62;

  private ExactBernoulli() {}

  /** A uniform integer in [0, n). */
  static BigInteger uniformBelow(RandomGenerator rng, BigInteger n) {
    if (n.bitLength() <= 62) {
      return BigInteger.valueOf(rng.nextLong(n.longValue()));
    }
    int bits = n.bitLength();
    while (true) {
      BigInteger r = BigInteger.ZERO;
      int left = bits;
      while (left > 0) {
        int take = Math.min(62, left);
        r = r.shiftLeft(take).or(BigInteger.valueOf(rng.nextLong(1L << take)));
        left -= take;
      }
      if (r.compareTo(n) < 0) {
        return r;
      }
    }
  }

  /** Bernoulli(num / den), {@code 0 <= num <= den}, {@code den > 0}. */
  static boolean bernoulli(RandomGenerator rng, BigInteger num, BigInteger den) {
    if (den.bitLength() <= 62) {
      return rng.nextLong(den.longValue()) < num.longValue();
    }
    return uniformBelow(rng, den).compareTo(num) < 0;
  }

  /** Bernoulli(num / den) for longs. */
  static boolean bernoulli(RandomGenerator rng, long num, long den) {
    return rng.nextLong(den) < num;
  }

  /**
   * Bernoulli(exp(-num / den)), exactly.
   *
   * @param rng the generator
   * @param num the numerator, at least 0
   * @param den the denominator, positive
   * @return the draw
   */
  static boolean bernoulliExp(RandomGenerator rng, BigInteger num, BigInteger den) {
    BigInteger n = num;
    while (n.compareTo(den) > 0) {
      if (!bernoulliExp1(rng)) {
        return false;
      }
      n = n.subtract(den);
    }
    // gamma = n / den in [0, 1]: K is the first k with a failure of Bernoulli(gamma / k)
    long k = 1;
    while (true) {
      BigInteger d = den.multiply(BigInteger.valueOf(k));
      if (!bernoulli(rng, n, d)) {
        break;
      }
      k++;
    }
    return (k & 1) == 1;
  }

  /**
   * Bernoulli(exp(-num / den)) for longs with {@code num <= den < 2^62 / 64}.
   */
  static boolean bernoulliExpSmall(RandomGenerator rng, long num, long den) {
    long n = num;
    while (n > den) {
      if (!bernoulliExp1(rng)) {
        return false;
      }
      n -= den;
    }
    long k = 1;
    while (true) {
      long d = Math.multiplyExact(den, k);
      if (rng.nextLong(d) >= n) {
        break;
      }
      k++;
    }
    return (k & 1) == 1;
  }

  /** Bernoulli(exp(-1)). */
  static boolean bernoulliExp1(RandomGenerator rng) {
    long k = 1;
    while (rng.nextLong(k) < 1) {
      k++;
    }
    return (k & 1) == 1;
  }

  /**
   * A draw of the discrete Laplace distribution: {@code P(x)} proportional to {@code exp(-|x| s / t)}.
   *
   * @param rng the generator
   * @param s the numerator of the rate, positive
   * @param t the denominator of the rate, positive, below {@code 2^56}
   * @return the draw
   */
  static long laplace(RandomGenerator rng, long s, long t) {
    if (s <= 0 || t <= 0 || t >= LONG_LIMIT >> 6) {
      throw new IllegalArgumentException("discrete Laplace needs 0 < s and 0 < t < 2^56");
    }
    while (true) {
      long u = rng.nextLong(t);
      if (!bernoulliExpSmall(rng, u, t)) {
        continue;
      }
      long v = 0;
      while (bernoulliExp1(rng)) {
        v++;
      }
      long x = Math.addExact(u, Math.multiplyExact(t, v));
      long y = x / s;
      boolean negative = rng.nextBoolean();
      if (negative && y == 0) {
        continue;
      }
      return negative ? -y : y;
    }
  }

  /**
   * A draw of the discrete Gaussian distribution: {@code P(x)} proportional to {@code exp(-x^2 / (2 sigma^2))}
   * with {@code sigma^2 = num / den}.
   *
   * @param rng the generator
   * @param num the numerator of sigma squared, positive
   * @param den the denominator of sigma squared, positive
   * @return the draw
   */
  static long gaussian(RandomGenerator rng, long num, long den) {
    if (num <= 0 || den <= 0) {
      throw new IllegalArgumentException("discrete Gaussian needs a positive sigma squared");
    }
    // t = floor(sigma) + 1
    long t = BigInteger.valueOf(num / den).sqrt().longValueExact() + 1;
    BigInteger a = BigInteger.valueOf(num);
    BigInteger b = BigInteger.valueOf(den);
    BigInteger bt = b.multiply(BigInteger.valueOf(t));
    // gamma = (|y| - sigma^2 / t)^2 / (2 sigma^2) = (|y| b t - a)^2 / (2 a b t^2)
    BigInteger gammaDen = a.multiply(b).multiply(BigInteger.valueOf(t)).multiply(BigInteger.valueOf(t)).shiftLeft(1);
    while (true) {
      long y = laplace(rng, 1, t);
      BigInteger diff = bt.multiply(BigInteger.valueOf(Math.abs(y))).subtract(a);
      if (bernoulliExp(rng, diff.multiply(diff), gammaDen)) {
        return y;
      }
    }
  }

  /**
   * Sigma squared as a rational of denominator {@code 2^20}, rounded up: the noise drawn is never less than
   * asked for, so the privacy guarantee holds for the exact value.
   *
   * @param sigmaSquared sigma squared, positive and below {@code 2^40}
   * @return the numerator over {@code 2^20}
   */
  static long numeratorOver2To20(double sigmaSquared) {
    if (!(sigmaSquared > 0) || sigmaSquared >= 0x1p40) {
      throw new IllegalArgumentException("sigma squared must be positive and below 2^40");
    }
    return (long) Math.ceil(Math.scalb(sigmaSquared, 20));
  }

  /** The denominator of {@link #numeratorOver2To20}. */
  static final long DENOMINATOR = 1L << 20;
}
