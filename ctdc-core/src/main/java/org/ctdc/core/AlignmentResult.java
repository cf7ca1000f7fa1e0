package org.ctdc.core;

import java.util.Objects;
import org.ctdc.schema.Dataset;

/**
 * What one alignment run produced: the aligned rows and the report on everything that did not fit.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param dataset the aligned rows, a dataset of the spec's target schema
 * @param report the report
 */
public record AlignmentResult(Dataset dataset, AlignmentReport report) {
  /** Validates. */
  public AlignmentResult {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(report, "report");
  }
}
