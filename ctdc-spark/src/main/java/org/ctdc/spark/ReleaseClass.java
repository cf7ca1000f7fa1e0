package org.ctdc.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One equivalence class of a release as a group-by over its quasi-identifiers counts it: the values (null
 * for missing) and the number of records. Release values are generalised labels, never an input value
 * below the chosen level.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param values the quasi-identifiers' values, in configuration order; null where missing
 * @param records the records of the class, at least 1
 */
public record ReleaseClass(List<@Nullable String> values, long records) {

  /** Copies the values (nulls kept). */
  public ReleaseClass {
    values = Collections.unmodifiableList(new ArrayList<>(values));
    if (records < 1) {
      throw new IllegalArgumentException("records must be at least 1");
    }
  }
}
