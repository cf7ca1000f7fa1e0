package org.ctdc.link;

/**
 * The order of day, month and year in a date written with separators ({@code 12/05/1990}); an ISO date
 * {@code 1990-05-12} is always read as year, month, day.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum DateOrder {
  /** Day, month, year ({@code 12/05/1990}). */
  DMY,
  /** Month, day, year ({@code 05/12/1990}). */
  MDY,
  /** Year, month, day ({@code 1990/05/12}). */
  YMD
}
