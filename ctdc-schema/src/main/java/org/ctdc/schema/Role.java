package org.ctdc.schema;

/**
 * The default de-identification role of a variable. The de-identification module may override it per run.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Role {
  /** Identifies a person directly: dropped, or replaced by a keyed pseudonym, before release. */
  IDENTIFIER,
  /** Could identify a person in combination with others: generalised or suppressed. */
  QUASI_IDENTIFIER,
  /** What must not be learned about a person: protected by the privacy model (l-diversity, t-closeness). */
  SENSITIVE,
  /** Released as it is. */
  INSENSITIVE
}
