package org.ctdc.deid.audit;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.ctdc.deid.audit.internal.DefinitionJson;
import org.ctdc.schema.internal.Shown;

/**
 * The definition of a published table in {@code tableFormat: 1} (see {@code docs/table-format.md}): its
 * name, its dimensions with their hierarchies, and the protection it claims (the minimum width of the
 * attacker interval of every primary cell).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the table's name (used to address cells across linked tables)
 * @param dimensions one to many dimensions, with distinct names
 * @param minWidth the required width {@code max - min} of a primary cell's attacker interval, when the
 *     definition states one ({@code protection.minWidth}); absent means "not exactly determined"
 * @param levels the publisher's confidential levels file ({@code protection.levels}, a file name relative to
 *     the definition's folder) holding each primary's protection levels ({@link CellProtection}); when named,
 *     the audit needs it and checks the levels; absent: the width alone is checked
 */
public record PublishedTableDefinition(String name, List<TableDimension> dimensions, OptionalDouble minWidth,
    java.util.Optional<String> levels) {
  /** The format version this library reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Validates and copies.
   *
   * @throws TableFormatException if the name is blank, there is no dimension or two dimensions share a
   *     name (the definition's spec)
   * @throws IllegalArgumentException naming the setting if {@code minWidth} is not positive and finite or
   *     {@code levels} is not a file name (a setting out of range; {@link #read} reports either as a
   *     {@link TableFormatException} naming the file and the field)
   * @throws NullPointerException if an argument is null
   */
  public PublishedTableDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(minWidth, "minWidth");
    Objects.requireNonNull(levels, "levels");
    dimensions = List.copyOf(dimensions);
    if (name.isBlank()) {
      throw new TableFormatException("table definition: name must be non-blank");
    }
    if (dimensions.isEmpty()) {
      throw new TableFormatException("table '" + Shown.name(name) + "': at least one dimension is required");
    }
    Set<String> names = new HashSet<>();
    for (TableDimension d : dimensions) {
      if (!names.add(d.name())) {
        throw new TableFormatException("table '" + Shown.name(name) + "': dimension '" + Shown.name(d.name())
            + "' is defined twice");
      }
    }
    if (minWidth.isPresent() && !(minWidth.getAsDouble() > 0 && Double.isFinite(minWidth.getAsDouble()))) {
      throw new IllegalArgumentException("minWidth must be positive and finite");
    }
    if (levels.isPresent() && (levels.get().isBlank() || levels.get().matches("\\.+") || levels.get().contains("/") || levels.get().contains("\\"))) {
      throw new IllegalArgumentException("levels must be a file name in the definition's folder");
    }
  }

  /**
   * A definition without a levels file.
   *
   * @param name the table name
   * @param dimensions the dimensions
   * @param minWidth the required width, if stated
   * @throws TableFormatException as the canonical constructor
   * @throws IllegalArgumentException as the canonical constructor
   */
  public PublishedTableDefinition(String name, List<TableDimension> dimensions, OptionalDouble minWidth) {
    this(name, dimensions, minWidth, java.util.Optional.empty());
  }

  /**
   * A definition without a stated minimum width.
   *
   * @param name the table name
   * @param dimensions the dimensions
   * @return the definition
   */
  public static PublishedTableDefinition of(String name, List<TableDimension> dimensions) {
    return new PublishedTableDefinition(name, dimensions, OptionalDouble.empty());
  }

  /**
   * A copy with the given required minimum width.
   *
   * @param width a positive width
   * @return the copy
   * @throws IllegalArgumentException naming {@code minWidth} if the width is not positive and finite
   */
  public PublishedTableDefinition withMinWidth(double width) {
    return new PublishedTableDefinition(name, dimensions, OptionalDouble.of(width), levels);
  }

  /**
   * A copy naming the publisher's levels file.
   *
   * @param file a file name (no folder), resolved against the definition's folder
   * @return the copy
   * @throws IllegalArgumentException naming {@code levels} if the name is blank or names a folder
   */
  public PublishedTableDefinition withLevels(String file) {
    return new PublishedTableDefinition(name, dimensions, minWidth, java.util.Optional.of(file));
  }

  /**
   * Reads a definition JSON file ({@code NAME.table.json}).
   *
   * @param json the file
   * @return the definition
   * @throws TableFormatException if the file cannot be read or breaks the format (the message names the
   *     file and the field)
   */
  public static PublishedTableDefinition read(Path json) {
    return DefinitionJson.read(json);
  }

  /**
   * Parses a definition from JSON text.
   *
   * @param json the JSON text
   * @param source a name for messages (for example a file name)
   * @return the definition
   * @throws TableFormatException if the text breaks the format
   */
  public static PublishedTableDefinition parse(String json, String source) {
    return DefinitionJson.parse(json, source);
  }

  /**
   * This definition as {@code tableFormat: 1} JSON (deterministic, two-space indented, ending in a newline).
   *
   * @return the JSON text
   */
  public String toJson() {
    return DefinitionJson.write(this);
  }

  /**
   * The dimension with the given name.
   *
   * @param dimensionName a dimension name
   * @return its index in {@link #dimensions()}, or -1
   */
  public int indexOf(String dimensionName) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).name().equals(dimensionName)) {
        return i;
      }
    }
    return -1;
  }
}
