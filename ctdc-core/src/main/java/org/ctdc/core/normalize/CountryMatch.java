package org.ctdc.core.normalize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving one country token.
 *
 * <p>{@link MatchKind#CODE}, {@link MatchKind#NAME}, {@link MatchKind#LEGACY_CODE},
 * {@link MatchKind#PRIVATE_CODE} and {@link MatchKind#FUZZY} carry a country;
 * {@link MatchKind#UNKNOWN_TOKEN} and {@link MatchKind#UNMATCHED} do not. The score is 1 for the exact
 * kinds and for unknown tokens, the similarity for {@code FUZZY}, and the best suggestion's score (0 if
 * none) for {@code UNMATCHED}. Suggestions are only given for {@code UNMATCHED}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind how the token was resolved
 * @param country the country, present exactly when the kind resolves
 * @param score confidence in [0, 1]
 * @param suggestions best candidates for an unmatched token, best first
 */
public record CountryMatch(
    MatchKind kind, Optional<Country> country, double score, List<Suggestion> suggestions) {
  /**
   * Validates that the country is present exactly for the resolving kinds.
   *
   * @throws InvalidValueException if the components contradict each other
   */
  public CountryMatch {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(country, "country");
    suggestions = List.copyOf(suggestions);
    boolean resolving = kind != MatchKind.UNKNOWN_TOKEN && kind != MatchKind.UNMATCHED;
    if (resolving != country.isPresent()) {
      throw new InvalidValueException("CountryMatch: a country is required exactly for resolving kinds, kind " + kind);
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new InvalidValueException("CountryMatch: score must be in [0, 1]");
    }
    if (kind != MatchKind.UNMATCHED && !suggestions.isEmpty()) {
      throw new InvalidValueException("CountryMatch: suggestions are only given for UNMATCHED");
    }
  }

  /**
   * Whether a country was found.
   *
   * @return true for CODE, NAME, LEGACY_CODE, PRIVATE_CODE and FUZZY
   */
  public boolean isResolved() {
    return country.isPresent();
  }

  /**
   * Whether the token means "unknown" and the value is missing (reason unknown) rather than in error.
   *
   * @return true for UNKNOWN_TOKEN
   */
  public boolean isMissing() {
    return kind == MatchKind.UNKNOWN_TOKEN;
  }
}
