package org.ctdc.schema;

/**
 * Why a value is missing. Missing is a value with a reason, never a magic string and never the same as
 * "no" or zero. How a release writes each reason (for example {@code -99}, {@code Unknown} or an empty
 * field) is a property of its {@link ReleaseFormat}.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum MissingReason {
  /** The source collects this variable but did not record a value for this person. */
  UNKNOWN,
  /** The source does not collect this variable at all (for example forced marriage at a US hotline). */
  NOT_COLLECTED,
  /** The variable does not apply to this person (for example labour sector when not in forced labour). */
  NOT_APPLICABLE,
  /**
   * The value was known but is withheld for disclosure control (local suppression in de-identification).
   * Releases write it like any missing value; reports count it separately.
   */
  SUPPRESSED
}
