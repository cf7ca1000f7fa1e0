package org.ctdc.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * How DP mode splits its privacy budget (SDS's "DP marginals"): {@code epsilon_N = N_p epsilon} protects the
 * record count (discrete Laplace), {@code epsilon_M = epsilon - epsilon_N} the rest, converted to zero-concentrated
 * DP as {@code rho = (sqrt(epsilon_M + ln(2/delta)) - sqrt(ln(2/delta)))^2}; a share {@code Q_p} of rho goes to the
 * R percentiles ({@code epsilon_Q = sqrt(2 rho Q_p / R)} each), the rest to the counts:
 * {@code sigma = sqrt(sum_k 1/p_k^2 / (2 rho (1 - Q_p)))}, {@code sigma_k = p_k sigma}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param epsilon the total epsilon
 * @param delta the delta
 * @param numberOfRecordsEpsilon epsilon_N
 * @param marginalsEpsilon epsilon_M
 * @param rho the zCDP rho of the marginals
 * @param percentilesRho the share of rho of the percentiles, {@code Q_p rho}
 * @param countsRho the share of rho of the counts, {@code (1 - Q_p) rho}
 * @param percentileEpsilon epsilon_Q, the epsilon of each length's percentile
 * @param sigma sigma
 * @param sigmas sigma_1..sigma_R
 */
public record Budget(double epsilon, double delta, double numberOfRecordsEpsilon, double marginalsEpsilon,
    double rho, double percentilesRho, double countsRho, double percentileEpsilon, double sigma, List<Double> sigmas) {

  /** Copies the list. */
  public Budget {
    sigmas = List.copyOf(sigmas);
  }

  /**
   * Splits a budget.
   *
   * @param epsilon the total epsilon, positive
   * @param delta delta, in (0, 1)
   * @param numberOfRecordsProportion N_p, in (0, 1)
   * @param percentileProportion Q_p, in (0, 1)
   * @param sigmaProportions p_1..p_R
   * @return the split
   */
  public static Budget split(double epsilon, double delta, double numberOfRecordsProportion,
      double percentileProportion, List<Double> sigmaProportions) {
    int r = sigmaProportions.size();
    double epsN = numberOfRecordsProportion * epsilon;
    double epsM = epsilon - epsN;
    double l = StrictMath.log(2 / delta);
    // sqrt(epsM + l) - sqrt(l), written without the cancellation of a difference of close square roots
    double root = epsM / (StrictMath.sqrt(epsM + l) + StrictMath.sqrt(l));
    double rho = root * root;
    double epsQ = StrictMath.sqrt(2 * rho * percentileProportion / r);
    double sum = 0;
    for (double p : sigmaProportions) {
      sum += 1 / (p * p);
    }
    double sigma = StrictMath.sqrt(sum / (2 * rho * (1 - percentileProportion)));
    List<Double> sigmas = new ArrayList<>();
    for (double p : sigmaProportions) {
      sigmas.add(p * sigma);
    }
    return new Budget(epsilon, delta, epsN, epsM, rho, percentileProportion * rho, (1 - percentileProportion) * rho,
        epsQ, sigma, sigmas);
  }
}
