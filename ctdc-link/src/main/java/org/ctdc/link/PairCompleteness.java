package org.ctdc.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much of the true overlap the blocking can let through, told without ground truth and counts only: the
 * theoretical probability that a pair of a given similarity becomes a candidate, and a measured estimate on a
 * seeded sample of records.
 *
 * <p><b>Theory.</b> Bit sampling sees bit agreement, not Dice. Two encodings of L bits with c ones each (fill
 * f = c/L) and Dice similarity s share s·c ones and differ in 2c(1−s) positions, so a position drawn at random
 * agrees with probability {@code p = 1 − 2f(1−s)} (clamped to [0, 1]); with balancing every encoding has
 * f = ½ and p = s. The fill used is the mean over the non-empty encodings of all sources. A band of r sampled
 * bits agrees with probability p^r (positions taken as independent), and a pair meets in at least one of b
 * bands with probability {@code 1 − (1 − p^r)^b}; with no band (b = 0) every pair is compared.
 *
 * <p><b>Measurement.</b> For each pair of sources (a before b), up to {@link Measured#sampledRecords()} non-empty
 * records of a, drawn with a seeded generator, are compared with every record of b; of the pairs at or above the
 * threshold, the share that meets in a band (and so is compared by the blocking) is reported with a 95 % Wilson
 * score interval. The counts of all pairs of sources are pooled. The same seed gives the same numbers for any
 * number of threads.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param bands the blocking's bands (0: every pair is compared)
 * @param bitsPerBand the bits sampled per band
 * @param fill the mean share of ones of the non-empty encodings (0 when there is none)
 * @param theoretical the candidate probability at the threshold and a few similarities above and below, in
 *     ascending order of similarity
 * @param measured the measured estimate, absent when no sample was asked for
 */
public record PairCompleteness(int bands, int bitsPerBand, double fill, List<Point> theoretical, Optional<Measured> measured) {

  /** The confidence level of {@link Measured#lower()} and {@link Measured#upper()}. */
  public static final double CONFIDENCE = 0.95;
  /** The normal quantile of {@link #CONFIDENCE}, two-sided. */
  private static final double Z = 1.959963984540054;
  /** The similarities of the table, as offsets from the threshold. */
  private static final double[] OFFSETS = {-0.2, -0.1, -0.05, 0, 0.05, 0.1};

  /** Copies. */
  public PairCompleteness {
    theoretical = List.copyOf(theoretical);
  }

  /**
   * One line of the theoretical table.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param similarity a Dice similarity
   * @param bitAgreement the probability that one sampled position agrees, {@code 1 − 2f(1−s)}
   * @param probability the probability that a pair of that similarity becomes a candidate
   */
  public record Point(double similarity, double bitAgreement, double probability) {}

  /**
   * The measured estimate.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param seed the seed of the sample
   * @param sampledRecords the records sampled, summed over the pairs of sources
   * @param pairsAtThreshold the sampled records' pairs with a record of the other source at or above the
   *     threshold
   * @param candidates how many of those the blocking compares
   * @param share candidates / pairsAtThreshold (1 when there is no such pair)
   * @param lower the lower end of the 95 % Wilson score interval (0 when there is no such pair)
   * @param upper the upper end (1 when there is no such pair)
   */
  public record Measured(long seed, long sampledRecords, long pairsAtThreshold, long candidates, double share,
      double lower, double upper) {

    /**
     * The estimate of counts, with its Wilson interval.
     *
     * @param seed the sample's seed
     * @param sampledRecords the records sampled
     * @param pairs the pairs at or above the threshold
     * @param candidates how many of them the blocking compares
     * @return the estimate
     * @throws IllegalArgumentException if candidates is negative or exceeds pairs
     */
    public static Measured of(long seed, long sampledRecords, long pairs, long candidates) {
      if (candidates < 0 || candidates > pairs) {
        throw new IllegalArgumentException("candidates must lie in [0, pairs], is " + candidates + " of " + pairs);
      }
      if (pairs == 0) {
        return new Measured(seed, sampledRecords, 0, 0, 1, 0, 1);
      }
      double n = pairs;
      double ph = candidates / n;
      double z2 = Z * Z;
      double centre = (ph + z2 / (2 * n)) / (1 + z2 / n);
      double half = Z / (1 + z2 / n) * Math.sqrt(ph * (1 - ph) / n + z2 / (4 * n * n));
      return new Measured(seed, sampledRecords, pairs, candidates, ph, Math.max(0, centre - half),
          Math.min(1, centre + half));
    }
  }

  /**
   * The probability that one sampled bit agrees between two encodings of Dice similarity s and fill f.
   *
   * @param similarity s in [0, 1]
   * @param fill f in [0, 1]
   * @return {@code 1 − 2f(1−s)}, clamped to [0, 1]
   */
  public static double bitAgreement(double similarity, double fill) {
    return Math.max(0, Math.min(1, 1 - 2 * fill * (1 - similarity)));
  }

  /**
   * The probability that a pair whose sampled bits each agree with probability p meets in at least one band.
   *
   * @param p the bit agreement probability
   * @param bands b, 0 for no blocking (probability 1)
   * @param bitsPerBand r
   * @return {@code 1 − (1 − p^r)^b}
   */
  public static double candidateProbability(double p, int bands, int bitsPerBand) {
    if (bands == 0) {
      return 1;
    }
    return 1 - Math.pow(1 - Math.pow(p, bitsPerBand), bands);
  }

  /**
   * The theoretical table: the threshold and the similarities 0.2, 0.1 and 0.05 below and 0.05 and 0.1 above
   * it that lie in [0, 1], in ascending order.
   *
   * @param threshold the match threshold
   * @param fill the encodings' mean fill
   * @param bands the bands
   * @param bitsPerBand the bits per band
   * @return the table's lines
   */
  public static List<Point> table(double threshold, double fill, int bands, int bitsPerBand) {
    List<Point> out = new ArrayList<>();
    for (double d : OFFSETS) {
      // rounded to hundredths so that 0.82 + 0.05 is 0.87, not 0.8699999999999999
      double s = Math.round((threshold + d) * 100) / 100.0;
      if (s >= 0 && s <= 1 && (d == 0 || Math.abs(s - threshold) > 1e-9)) {
        double p = bitAgreement(d == 0 ? threshold : s, fill);
        out.add(new Point(d == 0 ? threshold : s, p, candidateProbability(p, bands, bitsPerBand)));
      }
    }
    return out;
  }
}
