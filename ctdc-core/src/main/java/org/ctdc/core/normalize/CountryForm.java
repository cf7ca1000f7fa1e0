package org.ctdc.core.normalize;

/**
 * The form in which a target variable writes a country: a code, the English name, or one of the regions
 * it belongs to.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum CountryForm {
  /** ISO 3166-1 alpha-2, e.g. {@code MD}. */
  ALPHA2,
  /** ISO 3166-1 alpha-3, e.g. {@code MDA}. */
  ALPHA3,
  /** ISO 3166-1 / UN M49 numeric, three digits, e.g. {@code 498}. */
  NUMERIC,
  /** The English name of CTDC's table, e.g. {@code Moldova (Republic of)}. */
  NAME,
  /** UN M49 region as CTDC spells it, e.g. {@code Europe}. */
  UN_REGION,
  /** UN M49 sub-region as CTDC uses it (intermediate region in Africa south of the Sahara and Latin America), e.g. {@code Eastern Europe}. */
  UN_SUB_REGION,
  /** IOM regional office, e.g. {@code RO Vienna}. */
  IOM_REGION
}
