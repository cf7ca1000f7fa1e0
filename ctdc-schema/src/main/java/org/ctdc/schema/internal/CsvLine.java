package org.ctdc.schema.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ctdc.schema.CsvWriteOptions;
import org.jspecify.annotations.Nullable;

/**
 * The one CSV line writer of ctdc: every CSV file the modules and the command line write (datasets, published
 * tables, hierarchy files, codebooks, sample extracts) is written line by line here. RFC 4180 quoting: a field
 * holding the delimiter, a double quote, a carriage return or a line feed is enclosed in double quotes, its
 * quotes doubled; every other field is written as it is (no escape character, no quoting of spaces, an empty
 * field as nothing); every line ends with a line feed. These are the rules of Jackson's CSV generator with
 * {@code STRICT_CHECK_FOR_QUOTING}, which wrote the datasets before (its {@code ALWAYS_QUOTE_EMPTY_STRINGS},
 * enabled after the generator was made, had no effect: a one-column dataset's empty value is an empty line,
 * which its reader reads back as that value). Hierarchy files, whose readers skip empty lines, ask for a line
 * of one empty field to be written {@code ""} ({@link #append(StringBuilder, List, char, CsvWriteOptions,
 * boolean)}). The formula guard, when asked, applies to every field first ({@link CsvWriteOptions#cell}).
 *
 * <p>Stateless and thread-safe. Not API: exported only to the ctdc modules.
 */
public final class CsvLine {

  /** The delimiter of every CSV file ctdc writes unless a release format says otherwise. */
  public static final char COMMA = ',';

  private CsvLine() {}

  /**
   * One comma-delimited line.
   *
   * @param fields the fields, as they are
   * @return the line, ending with a line feed
   */
  public static String of(List<String> fields) {
    return of(fields, COMMA);
  }

  /**
   * One line.
   *
   * @param fields the fields, as they are
   * @param delimiter the delimiter
   * @return the line, ending with a line feed
   */
  public static String of(List<String> fields, char delimiter) {
    StringBuilder sb = new StringBuilder();
    append(sb, fields, delimiter, null);
    return sb.toString();
  }

  /**
   * Writes one line.
   *
   * @param out where to write
   * @param fields the fields
   * @param delimiter the delimiter
   * @param options the formula guard, applied to every field
   * @return how many fields the formula guard neutralised
   * @throws IOException from the writer
   */
  public static int write(Writer out, List<String> fields, char delimiter, CsvWriteOptions options)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    int neutralised = append(sb, fields, delimiter, options);
    out.write(sb.toString());
    return neutralised;
  }

  /**
   * Appends one line.
   *
   * @param sb where to append
   * @param fields the fields
   * @param delimiter the delimiter
   * @param options the formula guard, applied to every field; null for the fields as they are
   * @return how many fields the formula guard neutralised
   */
  public static int append(StringBuilder sb, List<String> fields, char delimiter,
      @Nullable CsvWriteOptions options) {
    return append(sb, fields, delimiter, options, false);
  }

  /**
   * Appends one line, choosing how a line of one empty field is written.
   *
   * @param sb where to append
   * @param fields the fields
   * @param delimiter the delimiter
   * @param options the formula guard, applied to every field; null for the fields as they are
   * @param quoteLoneEmptyField whether a line of one empty field is written {@code ""} rather than empty
   * @return how many fields the formula guard neutralised
   */
  public static int append(StringBuilder sb, List<String> fields, char delimiter,
      @Nullable CsvWriteOptions options, boolean quoteLoneEmptyField) {
    int neutralised = 0;
    int n = fields.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String given = fields.get(i);
      String f = options == null ? given : options.cell(given);
      // the guard returns the very same string when it leaves a field alone
      if (f != given) {
        neutralised++;
      }
      if (quoteLoneEmptyField && n == 1 && f.isEmpty()) {
        sb.append("\"\"");
      } else {
        appendField(sb, f, delimiter);
      }
    }
    sb.append('\n');
    return neutralised;
  }

  /**
   * One field as it stands in a line of fields separated by commas: quoted (with its double quotes doubled)
   * when it needs quotes, as it is otherwise. For writers that put fields together themselves, such as a
   * line mixing text and numbers.
   *
   * @param field the field
   * @return the field, quoted if needed
   */
  public static String field(String field) {
    if (!needsQuotes(field, COMMA)) {
      return field;
    }
    StringBuilder sb = new StringBuilder(field.length() + 2);
    appendField(sb, field, COMMA);
    return sb.toString();
  }

  private static void appendField(StringBuilder sb, String f, char delimiter) {
    if (needsQuotes(f, delimiter)) {
      sb.append('"');
      for (int k = 0; k < f.length(); k++) {
        char c = f.charAt(k);
        if (c == '"') {
          sb.append('"');
        }
        sb.append(c);
      }
      sb.append('"');
    } else {
      sb.append(f);
    }
  }

  /**
   * Whether a field is quoted.
   *
   * @param field the field
   * @param delimiter the delimiter
   * @return true when it holds the delimiter, a double quote, a carriage return or a line feed
   */
  public static boolean needsQuotes(String field, char delimiter) {
    for (int k = 0; k < field.length(); k++) {
      char c = field.charAt(k);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
