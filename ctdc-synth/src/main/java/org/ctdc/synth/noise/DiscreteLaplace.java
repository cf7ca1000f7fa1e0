package org.ctdc.synth.noise;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The discrete Laplace distribution on the integers: {@code P(x)} proportional to {@code exp(-|x| r)} with a
 * rational rate {@code r = numerator / denominator}. Added to a count of sensitivity {@code Δ} (the most one
 * record changes it), a rate of at most {@code ε / Δ} gives {@code ε}-differential privacy (Canonne, Kamath
 * and Steinke 2020). Draws are exact (integer arithmetic only, algorithm 2 of that paper).
 *
 * <pre>{@code
 * DiscreteLaplace noise = DiscreteLaplace.atMostRate(0.5);   // epsilon 0.5, sensitivity 1
 * long published = count + noise.sample(new SecureRandom());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #sample} uses the caller's generator, which the caller
 * must not share between threads unless it is itself thread-safe (as {@link java.security.SecureRandom} is).
 */
public final class DiscreteLaplace {
  /** The denominator of the rate that {@link #atMostRate(double)} chooses: {@code 10^9}. */
  public static final long RATE_DENOMINATOR = 1_000_000_000L;
  private static final long DENOMINATOR_LIMIT = 1L << 56;

  private final long numerator;
  private final long denominator;

  private DiscreteLaplace(long numerator, long denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * The distribution of rate {@code numerator / denominator}.
   *
   * @param numerator the rate's numerator, positive
   * @param denominator the rate's denominator, positive and below {@code 2^56}
   * @return the distribution
   * @throws IllegalArgumentException if a part is out of range
   */
  public static DiscreteLaplace withRate(long numerator, long denominator) {
    if (numerator <= 0 || denominator <= 0 || denominator >= DENOMINATOR_LIMIT) {
      throw new IllegalArgumentException("discrete Laplace: the rate needs 0 < numerator and 0 < denominator < 2^56");
    }
    return new DiscreteLaplace(numerator, denominator);
  }

  /**
   * The distribution whose rate is {@code rate} rounded down to a multiple of {@code 10^-9}: the noise is
   * never less than asked for, so a guarantee computed for {@code rate} holds.
   *
   * @param rate the rate, at least {@code 10^-9} and at most {@code 10^9}
   * @return the distribution
   * @throws IllegalArgumentException if the rate is out of range or not finite
   */
  public static DiscreteLaplace atMostRate(double rate) {
    if (!(rate >= 1e-9 && rate <= 1e9)) {
      throw new IllegalArgumentException("discrete Laplace: the rate must be between 1e-9 and 1e9");
    }
    long n = (long) Math.floor(rate * RATE_DENOMINATOR);
    return withRate(Math.max(1, n), RATE_DENOMINATOR);
  }

  /**
   * One draw.
   *
   * @param rng the generator, used by this thread only for the call
   * @return the draw
   */
  public long sample(RandomGenerator rng) {
    return ExactBernoulli.laplace(Objects.requireNonNull(rng, "rng"), numerator, denominator);
  }

  /** @return the rate's numerator */
  public long rateNumerator() {
    return numerator;
  }

  /** @return the rate's denominator */
  public long rateDenominator() {
    return denominator;
  }

  /** @return the rate {@code numerator / denominator}, as the nearest double */
  public double rate() {
    return (double) numerator / denominator;
  }

  /** @return the variance {@code 2 e^-r / (1 - e^-r)^2} */
  public double variance() {
    double q = Math.exp(-rate());
    double one = -Math.expm1(-rate());
    return 2 * q / (one * one);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiscreteLaplace l && l.numerator == numerator && l.denominator == denominator;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
  }

  @Override
  public String toString() {
    return "DiscreteLaplace[rate=" + numerator + "/" + denominator + "]";
  }
}
