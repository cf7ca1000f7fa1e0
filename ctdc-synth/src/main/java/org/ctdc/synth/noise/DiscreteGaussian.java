package org.ctdc.synth.noise;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The discrete Gaussian distribution on the integers: {@code P(x)} proportional to {@code exp(-x^2 / (2
 * σ^2))} with a rational {@code σ^2 = numerator / denominator}. Added to a count of L2 sensitivity {@code Δ},
 * it gives {@code Δ^2 / (2 σ^2)}-zero-concentrated differential privacy, exactly as the continuous Gaussian
 * does (Canonne, Kamath and Steinke 2020, theorem 14). Draws are exact (integer arithmetic only, algorithm 3
 * of that paper).
 *
 * <pre>{@code
 * DiscreteGaussian noise = DiscreteGaussian.atLeastSigmaSquared(1 / (2 * rho));   // sensitivity 1
 * long published = count + noise.sample(new SecureRandom());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #sample} uses the caller's generator, which the caller
 * must not share between threads unless it is itself thread-safe (as {@link java.security.SecureRandom} is).
 */
public final class DiscreteGaussian {
  /** The denominator of {@code σ^2} that {@link #atLeastSigmaSquared(double)} chooses: {@code 2^20}. */
  public static final long SIGMA_SQUARED_DENOMINATOR = ExactBernoulli.DENOMINATOR;

  private final long numerator;
  private final long denominator;

  private DiscreteGaussian(long numerator, long denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * The distribution of {@code σ^2 = numerator / denominator}.
   *
   * @param numerator the numerator, positive
   * @param denominator the denominator, positive
   * @return the distribution
   * @throws IllegalArgumentException if a part is not positive
   */
  public static DiscreteGaussian withSigmaSquared(long numerator, long denominator) {
    if (numerator <= 0 || denominator <= 0) {
      throw new IllegalArgumentException("discrete Gaussian: sigma squared needs a positive numerator and denominator");
    }
    return new DiscreteGaussian(numerator, denominator);
  }

  /**
   * The distribution whose {@code σ^2} is {@code sigmaSquared} rounded up to a multiple of {@code 2^-20}: the
   * noise is never less than asked for, so a guarantee computed for {@code sigmaSquared} holds.
   *
   * @param sigmaSquared σ^2, positive and below {@code 2^40}
   * @return the distribution
   * @throws IllegalArgumentException if {@code sigmaSquared} is out of range or not finite
   */
  public static DiscreteGaussian atLeastSigmaSquared(double sigmaSquared) {
    return withSigmaSquared(ExactBernoulli.numeratorOver2To20(sigmaSquared), SIGMA_SQUARED_DENOMINATOR);
  }

  /**
   * One draw.
   *
   * @param rng the generator, used by this thread only for the call
   * @return the draw
   */
  public long sample(RandomGenerator rng) {
    return ExactBernoulli.gaussian(Objects.requireNonNull(rng, "rng"), numerator, denominator);
  }

  /** @return the numerator of σ^2 */
  public long sigmaSquaredNumerator() {
    return numerator;
  }

  /** @return the denominator of σ^2 */
  public long sigmaSquaredDenominator() {
    return denominator;
  }

  /**
   * The parameter σ^2 (the variance of the discrete Gaussian is slightly below it; the zCDP guarantee is
   * stated in σ^2).
   *
   * @return {@code numerator / denominator}, as the nearest double
   */
  public double sigmaSquared() {
    return (double) numerator / denominator;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiscreteGaussian g && g.numerator == numerator && g.denominator == denominator;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
  }

  @Override
  public String toString() {
    return "DiscreteGaussian[sigma^2=" + numerator + "/" + denominator + "]";
  }
}
