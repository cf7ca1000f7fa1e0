package org.ctdc.core;

import java.util.Objects;
import org.ctdc.schema.Dataset;

/**
 * An aligned dataset with the id of the partner it came from, for {@link MergedDataset#of}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param partner the partner id; not blank
 * @param dataset the aligned rows
 */
public record PartnerDataset(String partner, Dataset dataset) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the partner id is blank
   */
  public PartnerDataset {
    Objects.requireNonNull(dataset, "dataset");
    if (partner.isBlank()) {
      throw new IllegalArgumentException("a partner id must not be blank");
    }
  }

  /**
   * The aligned rows of a run with the partner id of its spec.
   *
   * @param result an alignment result
   * @return the partner dataset
   */
  public static PartnerDataset of(AlignmentResult result) {
    return new PartnerDataset(result.report().partner(), result.dataset());
  }
}
