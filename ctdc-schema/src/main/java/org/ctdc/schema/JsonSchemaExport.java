package org.ctdc.schema;

import java.util.Objects;
import org.ctdc.schema.internal.ExportJsonSchema;

/**
 * Exports a schema as a JSON Schema (draft 2020-12) of one release row, so that tools outside Java can
 * check a release file row by row: read the CSV with every value as a string, make each row a JSON object
 * keyed by the header, and validate it.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class JsonSchemaExport {

  private JsonSchemaExport() {}

  /**
   * The JSON Schema of one release row of {@code schema}, written under its {@link ReleaseFormat}.
   *
   * <p>The document has {@code $schema} {@code https://json-schema.org/draft/2020-12/schema}, {@code $id}
   * {@code https://ctdc-oss.github.io/ctdc/schemas/NAME/VERSION/release-row.schema.json}, a {@code title}
   * and {@code description}, {@code type: object}, one property per variable (in release order),
   * {@code required} listing every variable and {@code additionalProperties: false}. Every property has
   * {@code title} (the label), {@code description} (the definition, possibly empty) and
   * {@code type: string}, and by kind:
   *
   * <ul>
   *   <li>single-valued categorical, ordered band, country: {@code enum} of the codes, their aliases and
   *       the format's missing tokens;
   *   <li>flag: {@code enum} of the format's set and unset tokens and its missing tokens, without
   *       repeats;
   *   <li>multi-valued: {@code anyOf} a {@code pattern}
   *       {@code ^(?:(?:c1|c2|…)(?:SEP(?:c1|c2|…))*)?$} over codes and aliases (ECMA-262 syntax characters
   *       escaped with a backslash; it accepts the empty string) or an {@code enum} of the missing tokens;
   *   <li>year: with both bounds at most 200 years apart, an {@code enum} of the years and the missing
   *       tokens; otherwise {@code anyOf} the {@code pattern} {@code ^[0-9]{4}$} or the missing tokens
   *       (one bound alone is not checked);
   *   <li>count: {@code anyOf} the {@code pattern} {@code ^[0-9]+$} or the missing tokens (bounds are not
   *       checked);
   *   <li>free text and identifier: any string.
   * </ul>
   *
   * <p>Patterns end with {@code $}, which in ECMA-262 (without the multiline flag) matches only at the end
   * of the input; a validator that uses Java regular expressions also accepts one trailing line break.
   * The output is pretty-printed with two-space indentation and LF line ends, ends with LF, and is the same
   * byte for byte for the same schema.
   *
   * @param schema the schema
   * @return the JSON Schema document
   * @throws NullPointerException if the schema is null
   */
  public static String jsonSchema(Schema schema) {
    return ExportJsonSchema.write(Objects.requireNonNull(schema, "schema"));
  }
}
