package org.ctdc.schema.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctdc.schema.CellError;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValidationReport;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV text into a {@code Dataset} and a {@code ValidationReport}; the rules are documented on
 * {@code DatasetCsv}. One instance reads one file; not thread-safe. Not API.
 */
public final class CsvDatasetReader {

  private static final Logger LOG = LoggerFactory.getLogger(CsvDatasetReader.class);
  private static final CsvMapper MAPPER = new CsvMapper();
  private static final int SHOWN_HEADER_CHARS = 64;

  private static final int MISSING_UNKNOWN = Column.missingCode(MissingReason.UNKNOWN);
  private static final int MISSING_NOT_COLLECTED = Column.missingCode(MissingReason.NOT_COLLECTED);

  private final String file;
  private final Schema schema;
  private final ReleaseFormat format;
  private final List<Variable> variables;
  private final int errorLimit;
  private final boolean strictHeader;
  private final int maxFieldLength;
  private final int maxColumns;
  private final long maxRows;
  private final boolean store;

  private final List<CellError> errors = new ArrayList<>();
  private long errorCount;
  private long rowsRead;
  private long invalidRows;

  /** Per field of the file: the variable index, or -1 when the column is ignored. */
  private int[] fieldVar = new int[0];
  /** Per field of the file: its header name. */
  private String[] fieldName = new String[0];
  /** Per variable: whether the file has a column for it. */
  private boolean[] present = new boolean[0];
  /** Per variable: the multi-valued separator. */
  private final String[] separators;

  // the current row, staged per variable before it is appended
  private final int[] stagedInt;
  private final long[] stagedMask;
  private final @Nullable String[] stagedText;
  private final int[] stagedMissing;

  private CsvDatasetReader(String file, Schema schema, DatasetCsv.CsvOptions options, boolean store) {
    this.file = file;
    this.schema = schema;
    this.format = schema.format();
    this.variables = schema.variables();
    this.errorLimit = options.errorLimit();
    this.strictHeader = options.strictHeader();
    this.maxFieldLength = options.maxFieldLength();
    this.maxColumns = options.maxColumns();
    this.maxRows = options.maxRows();
    this.store = store;
    int n = variables.size();
    this.separators = new String[n];
    for (int i = 0; i < n; i++) {
      separators[i] = variables.get(i).separatorIn(format);
    }
    this.stagedInt = new int[n];
    this.stagedMask = new long[n];
    this.stagedText = new String[n];
    this.stagedMissing = new int[n];
  }

  /**
   * Reads CSV text; does not close the reader.
   *
   * @param in the text
   * @param file the file name for messages
   * @param schema the schema
   * @param options how to read, with the limits
   * @param store whether to keep the valid rows (else the dataset is empty)
   * @return the dataset and the report
   * @throws DataFormatException naming the file when it cannot be read
   */
  public static DatasetCsv.ReadResult read(
      Reader in, String file, Schema schema, DatasetCsv.CsvOptions options, boolean store) {
    return new CsvDatasetReader(file, schema, options, store).run(in);
  }

  private DatasetCsv.ReadResult run(Reader in) {
    Dataset.Appender appender = Dataset.appender(schema);
    List<String> fields = new ArrayList<>();
    try (CsvParser p = factory(maxFieldLength).createParser(skipBom(in))) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      p.setSchema(CsvDatasetWriter.csvSchema(format));
      if (!nextRecord(p, fields)) {
        throw new DataFormatException(file + ": the file is empty; a header row is required");
      }
      matchHeader(fields);
      header = false;
      while (nextRecord(p, fields)) {
        if (isBlankLine(fields)) {
          // a blank line holds no record: skipped, counted, and given no row number
          blankLines++;
          continue;
        }
        if (rowsRead >= maxRows) {
          throw stop("over the limit of " + maxRows + " rows per file (limit maxRows)", null);
        }
        rowsRead++;
        if (!readRow(fields)) {
          invalidRows++;
        } else if (store) {
          append(appender);
        }
      }
    } catch (StreamConstraintsException e) {
      throw stop("field " + (field + 1) + columnSuffix(field) + " is longer than " + maxFieldLength
          + " characters (limit maxFieldLength)", null);
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote characters of the record: keep only the row (the parser's line is
      // where it gave up, the end of the file for an open quote, which would point away from the fault)
      throw stop("malformed CSV, such as a stray or unclosed quote", null);
    } catch (IOException e) {
      Long at = Utf8Input.badByteOffset(e);
      if (at != null) {
        throw stop("field " + (field + 1) + columnSuffix(field) + ": the file is not valid UTF-8"
            + (at >= 0 ? " (byte " + at + ")" : ""), null);
      }
      throw stop("cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
    ValidationReport report = ValidationReport.of(file, rowsRead, invalidRows, errors, errorCount, blankLines);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}", report.summary());
    }
    return new DatasetCsv.ReadResult(appender.build(), report);
  }

  /**
   * The error of a record that cannot be read: in the header a plain {@link DataFormatException}; in the
   * data rows an {@link InputStoppedException} saying how far the read got (no rows are returned).
   */
  private DataFormatException stop(String rule, @Nullable Throwable cause) {
    if (header) {
      return new DataFormatException(file + ": header: " + rule, cause);
    }
    return InputStoppedException.at(file, rowsRead + 1, rule, rowsRead, invalidRows, "valid", "invalid", cause);
  }

  /**
   * Whether a record is a blank line: in a file of two or more columns, one field of nothing but blanks. In a
   * one-column file such a line is a row (its field is empty, as a missing value is written).
   */
  private boolean isBlankLine(List<String> fields) {
    return fieldVar.length > 1 && fields.size() == 1 && fields.get(0).isBlank();
  }

  /**
   * Whether a record is an empty row: two or more fields, every one of them empty or blanks only (such as
   * {@code ,,,,}). It is invalid, never a record with every value missing (issue 14).
   *
   * @param fields the fields of a record
   * @return whether it is an empty row
   */
  public static boolean isEmptyRow(List<String> fields) {
    if (fields.size() < 2) {
      return false;
    }
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an empty or blank field of the record is a value under the release format: a flag token (the
   * synthetic format writes an unset flag as the empty field) or text that is no missing token. A row of
   * only delimiters that holds such a value is a record; one whose every cell would be missing is not.
   */
  private boolean anyValue(List<String> fields) {
    for (int f = 0; f < fields.size() && f < fieldVar.length; f++) {
      int v = fieldVar[f];
      if (v < 0) {
        continue;
      }
      String t = fields.get(f);
      VariableKind kind = variables.get(v).kind();
      if (kind == VariableKind.FLAG ? t.equals(format.flagTrue()) || t.equals(format.flagFalse())
          : kind.isText() && !format.isMissing(t)) {
        return true;
      }
    }
    return false;
  }

  /** The blank lines skipped. */
  private long blankLines;

  /** The 0-based field of the record being parsed. */
  private int field;

  private static Reader skipBom(Reader in) throws IOException {
    PushbackReader r = new PushbackReader(in, 1);
    int c = r.read();
    if (c >= 0 && c != '\uFEFF') {
      r.unread(c);
    }
    return r;
  }

  /** A CSV factory whose parser stops at the field length limit, so that memory stays bounded. */
  private static CsvFactory factory(int maxFieldLength) {
    CsvFactory f = MAPPER.getFactory().copy();
    f.setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(maxFieldLength).build());
    return f;
  }

  private boolean header = true;

  private boolean nextRecord(CsvParser p, List<String> out) throws IOException {
    out.clear();
    field = 0;
    JsonToken t = p.nextToken();
    if (t == null) {
      return false;
    }
    if (t != JsonToken.START_ARRAY) {
      throw stop("malformed CSV record", null);
    }
    while ((t = Utf8Input.nextInRecord(p, out.size(), header ? 0 : fieldVar.length)) != JsonToken.END_ARRAY && t != null) {
      String s = p.getValueAsString();
      if (s == null) {
        s = "";
      }
      // checked per field while parsing: a header of millions of columns is never held (issue 14)
      if (out.size() >= maxColumns) {
        throw stop("more than " + maxColumns + " fields (limit maxColumns)", null);
      }
      if (s.length() > maxFieldLength) {
        throw stop("field " + (out.size() + 1) + columnSuffix(out.size())
            + " is longer than " + maxFieldLength + " characters (limit maxFieldLength)", null);
      }
      out.add(s);
      field = out.size();
    }
    return true;
  }

  private String columnSuffix(int field) {
    if (header || field >= fieldName.length || fieldName[field].isBlank()) {
      return "";
    }
    return " (column '" + shown(fieldName[field]) + "')";
  }

  // ---- header ------------------------------------------------------------------------------------

  private void matchHeader(List<String> header) {
    int n = header.size();
    fieldVar = new int[n];
    fieldName = new String[n];
    present = new boolean[variables.size()];
    int[] firstField = new int[variables.size()];
    boolean anyMatch = false;
    for (int f = 0; f < n; f++) {
      String name = header.get(f).strip();
      fieldName[f] = name;
      int v = matchVariable(name);
      fieldVar[f] = v;
      if (v < 0) {
        continue;
      }
      anyMatch = true;
      if (present[v]) {
        // positions, not the names as written: in a file that lacks its header row they are record values
        throw new DataFormatException(
            file + ": header columns " + (firstField[v] + 1) + " and " + (f + 1) + " both match variable '"
                + variables.get(v).name() + "' of schema " + schema.id());
      }
      present[v] = true;
      firstField[v] = f;
    }
    if (!anyMatch) {
      // the first row may be a data row of a file without header: name none of its fields
      throw new DataFormatException(
          file + ": the first row names no variable of schema " + schema.id() + "; a header row is required");
    }
    List<String> ignored = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      if (fieldVar[f] < 0) {
        if (strictHeader) {
          throw new DataFormatException(
              file + ": column '" + shown(fieldName[f]) + "' is not a variable of schema " + schema.id());
        }
        ignored.add(shown(fieldName[f]));
      }
    }
    for (int v = 0; v < present.length; v++) {
      if (!present[v] && strictHeader) {
        throw new DataFormatException(
            file + ": no column for variable '" + variables.get(v).name() + "' of schema " + schema.id());
      }
    }
    if (!ignored.isEmpty()) {
      LOG.debug("{}: ignoring columns not in schema {}: {}", file, schema.id(), ignored);
    }
  }

  private static String shown(String headerName) {
    return Shown.cut(headerName, SHOWN_HEADER_CHARS);
  }

  private int matchVariable(String name) {
    int exact = schema.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    int v = unique(name, i -> variables.get(i).name().equalsIgnoreCase(name));
    if (v >= 0) {
      return v;
    }
    v = unique(name, i -> variables.get(i).previousNames().contains(name));
    if (v >= 0) {
      return v;
    }
    return unique(
        name, i -> variables.get(i).previousNames().stream().anyMatch(p -> p.equalsIgnoreCase(name)));
  }

  private int unique(String name, java.util.function.IntPredicate matches) {
    int found = -1;
    for (int i = 0; i < variables.size(); i++) {
      if (matches.test(i)) {
        if (found >= 0) {
          throw new DataFormatException(
              file + ": column '" + shown(name) + "' matches both variables '" + variables.get(found).name()
                  + "' and '" + variables.get(i).name() + "' of schema " + schema.id());
        }
        found = i;
      }
    }
    return found;
  }

  // ---- rows --------------------------------------------------------------------------------------

  private void error(int field, String rule, String detail) {
    String column = field < 0 ? CellError.WHOLE_ROW : fieldName[field];
    if (column.isBlank()) {
      column = "#" + (field + 1);
    }
    errorCount++;
    if (errors.size() < errorLimit) {
      errors.add(new CellError(rowsRead, column, rule, detail));
    }
  }

  /** Decodes a row into the staging arrays; false when it has an error (all of them reported). */
  private boolean readRow(List<String> fields) {
    if (isEmptyRow(fields) && !anyValue(fields)) {
      error(-1, "empty-row", "every field is empty (" + fields.size() + " fields)");
      return false;
    }
    if (fields.size() != fieldVar.length) {
      error(-1, "wrong-field-count",
          "expected " + fieldVar.length + " fields as in the header, found " + fields.size());
      return false;
    }
    boolean ok = true;
    for (int f = 0; f < fieldVar.length; f++) {
      int v = fieldVar[f];
      if (v >= 0) {
        ok &= decode(f, v, fields.get(f));
      }
    }
    return ok;
  }

  private boolean decode(int field, int v, String token) {
    Variable var = variables.get(v);
    VariableKind kind = var.kind();
    stagedMissing[v] = 0;
    if (kind == VariableKind.FLAG) {
      if (token.equals(format.flagTrue())) {
        stagedInt[v] = 1;
      } else if (token.equals(format.flagFalse())) {
        stagedInt[v] = 0;
      } else if (format.isMissing(token)) {
        stagedMissing[v] = MISSING_UNKNOWN;
      } else {
        error(field, "not-a-flag",
            "value is neither the set-flag token '" + format.flagTrue() + "', the unset-flag token '"
                + format.flagFalse() + "' nor a missing token (" + length(token) + ")");
        return false;
      }
      return true;
    }
    if (format.isMissing(token)) {
      stagedMissing[v] = MISSING_UNKNOWN;
      return true;
    }
    if (kind.isClosed()) {
      return var.isMultiValued() ? decodeSet(field, v, var, token) : decodeCode(field, v, var, token);
    }
    if (kind.isInteger()) {
      return decodeInt(field, v, var, token);
    }
    stagedText[v] = token;
    return true;
  }

  private boolean decodeCode(int field, int v, Variable var, String token) {
    int i = var.values().indexOf(token);
    if (i < 0) {
      error(field, "not-in-value-set", "value is not a code of " + valueSetName(var) + " (" + length(token) + ")");
      return false;
    }
    stagedInt[v] = i;
    return true;
  }

  private boolean decodeSet(int field, int v, Variable var, String token) {
    ValueSet vs = var.values();
    String sep = separators[v];
    long mask = 0;
    boolean ok = true;
    int parts = countParts(token, sep);
    int start = 0;
    for (int part = 1; part <= parts; part++) {
      int end = token.indexOf(sep, start);
      if (end < 0) {
        end = token.length();
      }
      String code = token.substring(start, end);
      start = end + sep.length();
      if (code.isEmpty()) {
        error(field, "empty-code-in-set", "part " + part + " of " + parts + " is empty");
        ok = false;
        continue;
      }
      int i = vs.indexOf(code);
      if (i < 0) {
        error(field, "not-in-value-set",
            "part " + part + " of " + parts + " is not a code of " + valueSetName(var) + " (" + length(code) + ")");
        ok = false;
      } else if ((mask & (1L << i)) != 0) {
        // the token is a code of the value set: naming it is allowed
        error(field, "duplicate-code-in-set", "code '" + vs.code(i).code() + "' appears more than once");
        ok = false;
      } else {
        mask |= 1L << i;
      }
    }
    stagedMask[v] = mask;
    return ok;
  }

  private static int countParts(String token, String sep) {
    int parts = 1;
    int at = token.indexOf(sep);
    while (at >= 0) {
      parts++;
      at = token.indexOf(sep, at + sep.length());
    }
    return parts;
  }

  private boolean decodeInt(int field, int v, Variable var, String token) {
    boolean year = var.kind() == VariableKind.YEAR;
    long value = parseInteger(token);
    if (value == NOT_A_NUMBER) {
      error(field, year ? "not-a-year" : "not-an-integer",
          "value is not a whole decimal number (" + length(token) + ")");
      return false;
    }
    long min = var.minimum().isPresent() ? var.minimum().getAsInt() : (year ? Integer.MIN_VALUE : 0);
    long max = var.maximum().isPresent() ? var.maximum().getAsInt() : Integer.MAX_VALUE;
    if (value < min) {
      error(field, "below-minimum", "value is below the minimum " + min);
      return false;
    }
    if (value > max) {
      error(field, "above-maximum", "value is above the maximum " + max);
      return false;
    }
    stagedInt[v] = (int) value;
    return true;
  }

  private static final long NOT_A_NUMBER = Long.MIN_VALUE;

  /** An optional minus and decimal digits, saturating beyond the int range; else NOT_A_NUMBER. */
  static long parseInteger(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && s.charAt(0) == '-') {
      negative = true;
      i = 1;
    }
    if (i == n) {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_A_NUMBER;
      }
      if (value <= (long) Integer.MAX_VALUE + 1) {
        value = value * 10 + (c - '0');
      }
    }
    return negative ? -value : value;
  }

  private static String valueSetName(Variable var) {
    ValueSet vs = var.values();
    return vs.isNamed() ? "value set '" + vs.name() + "'" : "the value set of '" + var.name() + "'";
  }

  private static String length(String token) {
    int n = token.codePointCount(0, token.length());
    return n == 1 ? "1 character" : n + " characters";
  }

  private void append(Dataset.Appender a) {
    for (int v = 0; v < present.length; v++) {
      if (!present[v]) {
        a.setMissing(v, Column.reasonOf(MISSING_NOT_COLLECTED));
        continue;
      }
      if (stagedMissing[v] != 0) {
        a.setMissing(v, Column.reasonOf(stagedMissing[v]));
        continue;
      }
      Variable var = variables.get(v);
      VariableKind kind = var.kind();
      if (kind.isClosed()) {
        if (var.isMultiValued()) {
          a.setCodeSet(v, stagedMask[v]);
        } else {
          a.setCode(v, stagedInt[v]);
        }
      } else if (kind.isInteger()) {
        a.setInt(v, stagedInt[v]);
      } else {
        a.setText(v, java.util.Objects.requireNonNull(stagedText[v]));
      }
    }
    a.endRow();
    Arrays.fill(stagedText, null);
  }
}
