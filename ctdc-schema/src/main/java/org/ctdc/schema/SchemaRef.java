package org.ctdc.schema;

/**
 * The name, version and one-line description of a bundled schema, as listed by {@link Schemas#list()}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the schema name
 * @param version the version
 * @param description the description
 * @param variables the number of variables
 */
public record SchemaRef(String name, String version, String description, int variables) {

  /** @return {@code name@version} */
  public String id() {
    return name + "@" + version;
  }
}
