package org.ctdc.link;

import java.util.List;

/**
 * The outcome of matching: the sources with their sizes, the clusters found (one per person seen in two or
 * more sources, at most one record per source), their matched pairs, and counts of the comparisons with the
 * similarity histogram of every compared pair, and the blocking's pair completeness estimated without ground truth.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MatchResult {
  /** The number of histogram bins: bin i counts similarities in [i/20, (i+1)/20), the last one includes 1. */
  public static final int BINS = 20;

  private final List<String> sources;
  private final List<Integer> sizes;
  private final List<List<RecordRef>> clusters;
  private final List<Match> matches;
  private final long comparisons;
  private final long[] histogram;
  private final double threshold;
  private final PairCompleteness pairCompleteness;

  MatchResult(List<String> sources, List<Integer> sizes, List<List<RecordRef>> clusters, List<Match> matches,
      long comparisons, long[] histogram, double threshold, PairCompleteness pairCompleteness) {
    this.sources = List.copyOf(sources);
    this.sizes = List.copyOf(sizes);
    this.clusters = List.copyOf(clusters);
    this.matches = List.copyOf(matches);
    this.comparisons = comparisons;
    this.histogram = histogram.clone();
    this.threshold = threshold;
    this.pairCompleteness = pairCompleteness;
  }

  /** @return the sources' names, in the order given */
  public List<String> sources() {
    return sources;
  }

  /** @return the records per source, in source order */
  public List<Integer> sizes() {
    return sizes;
  }

  /**
   * @return the clusters of two or more records (each list ordered by source order), ordered by their first
   *     record's source and position
   */
  public List<List<RecordRef>> clusters() {
    return clusters;
  }

  /** @return every pair of records in one cluster, in cluster order, with their similarity */
  public List<Match> matches() {
    return matches;
  }

  /** @return the number of pairs compared (the candidate pairs of the blocking) */
  public long comparisons() {
    return comparisons;
  }

  /** @return the similarity histogram of the compared pairs ({@value #BINS} bins), a new array */
  public long[] histogram() {
    return histogram.clone();
  }

  /** @return the threshold used */
  public double threshold() {
    return threshold;
  }

  /**
   * @return the blocking's pair completeness without ground truth: the theoretical candidate probabilities and
   *     the measured estimate on a seeded sample ({@link Matcher.Builder#completenessSample})
   */
  public PairCompleteness pairCompleteness() {
    return pairCompleteness;
  }

  @Override
  public String toString() {
    return "MatchResult[" + sources.size() + " sources, " + clusters.size() + " clusters, " + comparisons + " comparisons]";
  }
}
