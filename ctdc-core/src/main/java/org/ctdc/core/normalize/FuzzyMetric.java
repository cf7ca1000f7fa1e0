package org.ctdc.core.normalize;

/**
 * The similarity {@link CountryResolver} uses to match a misspelled country name, from Apache Commons
 * Text. Each gives a score in [0, 1] between two name keys; a misspelling is applied only when its score
 * reaches the resolver's threshold (see {@link CountryResolver} for the guards around it).
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum FuzzyMetric {
  /** {@code 1 - levenshtein / longer length}: insertions, deletions and substitutions cost one each. */
  LEVENSHTEIN,
  /**
   * {@code 1 - damerauLevenshtein / longer length}: as {@link #LEVENSHTEIN}, and a transposition of two
   * adjacent letters ({@code Ukriane}) costs one instead of two. The default.
   */
  DAMERAU_LEVENSHTEIN,
  /** Jaro–Winkler similarity: matching letters within a window, transpositions, a bonus for a common prefix. */
  JARO_WINKLER
}
