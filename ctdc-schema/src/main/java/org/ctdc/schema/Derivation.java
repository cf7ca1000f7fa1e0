package org.ctdc.schema;

import java.util.List;

/**
 * The rule that derives a variable from other variables of the same schema.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param kind how the value is computed
 * @param sources the names of the source variables, in order; at least one
 */
public record Derivation(DerivationKind kind, List<String> sources) {

  /**
   * Validates and copies.
   *
   * @throws SchemaFormatException if there is no source or a source is blank
   */
  public Derivation {
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new SchemaFormatException("<builder>", "derivedFrom", "a derivation needs at least one source");
    }
    for (String s : sources) {
      if (s.isBlank()) {
        throw new SchemaFormatException("<builder>", "derivedFrom", "a source name must not be blank");
      }
    }
  }
}
