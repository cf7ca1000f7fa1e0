package org.ctdc.schema;

import java.util.Objects;
import org.ctdc.schema.internal.ExportCodebook;

/**
 * Codebooks of a schema, for people (Markdown) and for spreadsheets (CSV). Both list every variable in
 * release order and every code; both are deterministic (the same schema gives the same text, byte for
 * byte) and use LF line ends.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Codebook {

  private Codebook() {}

  /**
   * A Markdown codebook: a title with the schema id, the description, the sources and notes, a table of
   * the release format (tokens shown JSON-quoted, so that the empty token stays visible), an index table of
   * the variables, then one section per variable with its name, label, kind, role, multi-valuedness (and
   * separator), range, derivation, previous names, definition, notes, and a table of its codes with
   * labels, definitions and aliases. Flags list the tokens their release format writes. A variable whose
   * value set is named (shared, such as the countries) refers to a section under "Value sets" at the end,
   * where each named value set's codes are listed once. Each variable and value-set section carries an
   * HTML anchor ({@code variable-NAME}, {@code value-set-NAME}, characters outside
   * {@code [A-Za-z0-9_-]} written as {@code -}).
   *
   * @param schema the schema
   * @return the Markdown text, ending with one LF
   * @throws NullPointerException if the schema is null
   */
  public static String markdown(Schema schema) {
    return ExportCodebook.markdown(Objects.requireNonNull(schema, "schema"));
  }

  /**
   * A CSV codebook with a header and the columns {@code variable, label, kind, role, multiValued,
   * valueSet, code, codeLabel, codeDefinition, definition, notes}: one row per code of each variable in
   * release order (codes in value-set order), one row with empty code columns for a variable without
   * codes (year, count, free text, identifier). Kinds and roles are written as in schema files;
   * {@code multiValued} is {@code true} or {@code false}; {@code valueSet} is the value set's name, empty
   * for an inline value set. A flag gives two rows, value set {@code flag}: the format's set token
   * (label {@code Yes}) and its unset token (label {@code No}, possibly an empty code). Notes are joined
   * with {@code "; "}. Quoting follows RFC 4180 (a field is quoted only when it holds the delimiter, a
   * quote or a line break); lines end with LF. Every cell goes through the {@link FormulaGuard} (a codebook
   * is opened in spreadsheets).
   *
   * @param schema the schema
   * @return the CSV text
   * @throws NullPointerException if the schema is null
   */
  public static String csv(Schema schema) {
    return ExportCodebook.csv(Objects.requireNonNull(schema, "schema"));
  }
}
