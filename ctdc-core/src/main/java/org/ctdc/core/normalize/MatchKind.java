package org.ctdc.core.normalize;

/**
 * How a country token was resolved, in the order {@link CountryResolver} tries the rules.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum MatchKind {
  /** A current ISO 3166-1 alpha-2, alpha-3 or numeric code. */
  CODE,
  /** A known name of the country (the same words as it after folding, in any order); never a name found inside a longer token. */
  NAME,
  /** A code withdrawn from ISO 3166-1 ({@code YU}, {@code ZR}, {@code AN}, {@code TP}, ...), mapped to its successor. */
  LEGACY_CODE,
  /** A private code ({@code Y1} Kosovo, {@code TB} Tibet, {@code XK}, ...), mapped by the {@link PrivateCodePolicy}. */
  PRIVATE_CODE,
  /** A misspelled name matched by edit distance at or above the threshold; the match carries its score. */
  FUZZY,
  /** A token that means "unknown" ({@code 00}, {@code ZZ}, {@code -99}, empty, ...): missing, not an error. */
  UNKNOWN_TOKEN,
  /** Nothing matched with enough confidence: left unmapped, with the best suggestions. */
  UNMATCHED
}
