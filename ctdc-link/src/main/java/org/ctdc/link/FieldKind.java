package org.ctdc.link;

/**
 * How an identifying field is normalised and tokenised (docs/link-config.md describes each step).
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum FieldKind {
  /**
   * A personal name: transliterated to Latin, folded, punctuation removed, split into words (a compound name
   * gives one word per part); each word becomes its padded q-grams ({@code _j jo oh hn n_} for {@code JOHN}).
   */
  NAME,
  /** Other text (a place of birth): normalised as a name, then the padded q-grams of the whole text without spaces. */
  TEXT,
  /**
   * A date: read in the field's {@link DateOrder} (or ISO {@code yyyy-mm-dd}), then the tokens year, decade,
   * month, day and the unordered pair of day and month, so that a day/month swap keeps the year, the decade and
   * the pair, and an estimated year one off keeps the decade (mostly) and the rest.
   */
  DATE,
  /** A code (sex, nationality): folded, one token. */
  CODE
}
