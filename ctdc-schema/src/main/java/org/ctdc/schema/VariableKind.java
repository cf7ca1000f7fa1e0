package org.ctdc.schema;

/**
 * What kind of values a variable holds. The kind decides how a value is stored in a {@link Dataset} and
 * how it is read and written under a {@link ReleaseFormat}.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum VariableKind {
  /** One code (or a set of codes, when multi-valued) from an unordered closed value set. */
  CATEGORICAL(true),
  /** Yes or no; written as the release format's flag tokens. Its value set is {@link ValueSet#FLAG}. */
  FLAG(true),
  /** One code from an ordered closed value set (age bands, year bands); the listing order is the order. */
  ORDERED_BAND(true),
  /** A calendar year, an integer, optionally bounded. */
  YEAR(false),
  /** A country or territory code (ISO 3166-1 or a region) from a closed value set. */
  COUNTRY(true),
  /** A non-negative count, an integer. */
  COUNT(false),
  /** Free text: never a closed value set, never released without review. */
  FREE_TEXT(false),
  /** A direct identifier (name, case number): dropped or pseudonymised before any release. */
  IDENTIFIER(false);

  private final boolean closed;

  VariableKind(boolean closed) {
    this.closed = closed;
  }

  /**
   * Whether variables of this kind take their values from a closed value set.
   *
   * @return true for categorical, flag, ordered band and country
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Whether values of this kind are integers.
   *
   * @return true for year and count
   */
  public boolean isInteger() {
    return this == YEAR || this == COUNT;
  }

  /**
   * Whether values of this kind are stored as text.
   *
   * @return true for free text and identifiers
   */
  public boolean isText() {
    return this == FREE_TEXT || this == IDENTIFIER;
  }
}
