package org.ctdc.core.normalize;

import java.util.Objects;

/**
 * A candidate country offered for a token that was not resolved, with its similarity score.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param alpha3 alpha-3 code of the candidate
 * @param name English name of the candidate
 * @param score similarity in [0, 1] (see {@link CountryResolver} for its definition)
 */
public record Suggestion(String alpha3, String name, double score) {
  /**
   * Validates the suggestion.
   *
   * @throws InvalidValueException if the score is outside [0, 1]
   */
  public Suggestion {
    Objects.requireNonNull(alpha3, "alpha3");
    Objects.requireNonNull(name, "name");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new InvalidValueException("Suggestion: score must be in [0, 1]");
    }
  }
}
