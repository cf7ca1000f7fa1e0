package org.ctdc.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.ctdc.schema.internal.CsvDatasetReader;
import org.ctdc.schema.internal.CsvDatasetWriter;
import org.ctdc.schema.internal.FastCsvRead;
import org.ctdc.schema.internal.Utf8Input;
import org.jspecify.annotations.Nullable;

/**
 * Schemas inferred from a CSV file, for generic data that has no schema of its own (such as the Adult
 * benchmark set): one {@link VariableKind#CATEGORICAL} variable per header column, role
 * {@link Role#INSENSITIVE}, whose value set is the distinct values seen in that column in sorted
 * ({@link String#compareTo(String)}) order. Tokens listed as missing are not values. The schema's release
 * format has the given delimiter and missing tokens, so that {@link DatasetCsv#read(Path, Schema,
 * DatasetCsv.CsvOptions)} reads the file back with it.
 *
 * <p>This class is thread-safe: it has only static methods.
 */
public final class InferredSchemas {

  private static final CsvMapper MAPPER = new CsvMapper();

  private InferredSchemas() {}

  /**
   * Infers a schema from a CSV file whose first row is the header; the empty token is missing.
   *
   * @param file the file, UTF-8
   * @param delimiter the field delimiter
   * @return a schema named after the file (without extension), version {@code inferred}
   * @throws DataFormatException naming the file and row when it cannot be read, is empty, has a blank or
   *     repeated column name, or a row with more fields than the header
   */
  public static Schema fromCsv(Path file, char delimiter) {
    return fromCsv(file, delimiter, List.of(""));
  }

  /**
   * Infers a schema from a CSV file whose first row is the header.
   *
   * @param file the file, UTF-8
   * @param delimiter the field delimiter
   * @param missingTokens tokens that mean missing, the first written for missing; at least one
   * @return a schema named after the file (without extension), version {@code inferred}
   * @throws DataFormatException naming the file and row when it cannot be read or is malformed
   */
  public static Schema fromCsv(Path file, char delimiter, List<String> missingTokens) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String name = dot > 0 ? n.substring(0, dot) : n;
    // strict UTF-8, decoded lazily: invalid bytes are reported at their own row (issue 14)
    try (Reader r = Utf8Input.open(file)) {
      return fromCsv(r, file.toString(), name, delimiter, missingTokens);
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Infers the schema of a CSV file and reads the file with it, in one pass over the file when it can (issue
   * 19): the result, and every error with its message and row, equal {@code DatasetCsv.read(file,
   * fromCsv(file, delimiter, missingTokens), options)} for any number of threads. Regular files (UTF-8
   * without a byte-order mark, whole-field quoting, LF or CRLF line ends, a header of two or more columns)
   * are parsed in parallel chunks cut at record boundaries, each chunk's values encoded in a dictionary of its
   * own and the dictionaries merged in sorted order, so that the codes are those of the inferred value sets;
   * any other file, and any file with an error, is read the two-pass way.
   *
   * @param file the file, UTF-8
   * @param delimiter the field delimiter
   * @param missingTokens tokens that mean missing, the first written for missing; at least one
   * @param options how to read the rows (limits, error limit; the header always matches)
   * @param threads the threads that parse chunks, at least 1
   * @return the valid rows, under the inferred schema, and the report
   * @throws DataFormatException as {@link #fromCsv(Path, char, List)} and {@link DatasetCsv#read(Path, Schema,
   *     DatasetCsv.CsvOptions)}
   * @throws IllegalArgumentException if threads is below 1
   */
  public static DatasetCsv.ReadResult readCsv(
      Path file, char delimiter, List<String> missingTokens, DatasetCsv.CsvOptions options, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    ReleaseFormat format = new ReleaseFormat(missingTokens, "1", "0", ";", delimiter);
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String name = dot > 0 ? n.substring(0, dot) : n;
    DatasetCsv.ReadResult fast;
    try {
      fast = FastCsvRead.readInferred(file, (header, values) -> FastCsvRead.inferredSchema(file.toString(), name,
          format, header, values), format, options, threads);
    } catch (IOException e) {
      // the serial read below reports it as every reader does
      fast = null;
    }
    return fast != null ? fast : DatasetCsv.read(file, fromCsv(file, delimiter, missingTokens), options);
  }

  /**
   * Infers a schema from CSV text whose first row is the header. The reading limits are those of
   * {@link DatasetCsv.CsvOptions#defaults()} (field length, fields per record, rows), checked while parsing.
   * A blank line is skipped; a row of only delimiters holds no value and is skipped as well, as a missing-only
   * row adds no code.
   *
   * @param reader the text, not closed
   * @param fileName the name used in messages
   * @param schemaName the schema's name
   * @param delimiter the field delimiter
   * @param missingTokens tokens that mean missing, the first written for missing; at least one
   * @return the schema, version {@code inferred}
   * @throws DataFormatException naming the file and row when the text cannot be read or is malformed; an
   *     {@link InputStoppedException} when it stopped after the header, saying how far it got
   */
  public static Schema fromCsv(
      Reader reader, String fileName, String schemaName, char delimiter, List<String> missingTokens) {
    ReleaseFormat format = new ReleaseFormat(missingTokens, "1", "0", ";", delimiter);
    DatasetCsv.CsvOptions limits = DatasetCsv.CsvOptions.defaults();
    List<String> header = new ArrayList<>();
    List<TreeSet<String>> values = new ArrayList<>();
    long[] row = {0};
    try (CsvParser p = factory(limits).createParser(reader)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      p.setSchema(CsvDatasetWriter.csvSchema(format));
      List<String> fields = new ArrayList<>();
      boolean first = true;
      while (next(p, fields, limits.maxColumns(), fileName, first, row[0], header.size())) {
        if (first) {
          first = false;
          HashSet<String> seen = new HashSet<>();
          for (int i = 0; i < fields.size(); i++) {
            String h = fields.get(i).strip();
            if (i == 0 && h.startsWith("\uFEFF")) {
              h = h.substring(1);
            }
            if (h.isEmpty() || !seen.add(h)) {
              throw new DataFormatException(
                  fileName + ": header column " + (i + 1) + " is " + (h.isEmpty() ? "blank" : "repeated"));
            }
            header.add(h);
            values.add(new TreeSet<>());
          }
          continue;
        }
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue;
        }
        if (row[0] >= limits.maxRows()) {
          throw stopped(fileName, row[0], "over the limit of " + limits.maxRows() + " rows per file (limit maxRows)", null);
        }
        row[0]++;
        if (CsvDatasetReader.isEmptyRow(fields)) {
          continue;
        }
        if (fields.size() > header.size()) {
          throw new DataFormatException(
              fileName + ": row " + row[0] + " has " + fields.size() + " fields, the header " + header.size());
        }
        for (int i = 0; i < fields.size(); i++) {
          String v = fields.get(i);
          if (!format.isMissing(v)) {
            values.get(i).add(v);
          }
        }
      }
    } catch (StreamConstraintsException e) {
      throw where(fileName, header.isEmpty(), row[0],
          "a field is longer than " + limits.maxFieldLength() + " characters (limit maxFieldLength)", null);
    } catch (JsonProcessingException e) {
      // the parser's message may quote the file: the row only
      throw where(fileName, header.isEmpty(), row[0], "malformed CSV, such as a stray or unclosed quote", null);
    } catch (IOException e) {
      Long at = Utf8Input.badByteOffset(e);
      throw where(fileName, header.isEmpty(), row[0],
          at == null ? "cannot be read (" + e.getClass().getSimpleName() + ")"
              : "the file is not valid UTF-8" + (at >= 0 ? " (byte " + at + ")" : ""),
          at == null ? e : null);
    }
    if (header.isEmpty()) {
      throw new DataFormatException(fileName + ": the file is empty; a header row is required");
    }
    return FastCsvRead.inferredSchema(fileName, schemaName, format, header, values);
  }


  private static boolean next(
      CsvParser p, List<String> fields, int maxColumns, String file, boolean header, long rowsRead, int width)
      throws IOException {
    fields.clear();
    JsonToken t = p.nextToken();
    if (t == null) {
      return false;
    }
    while ((t = Utf8Input.nextInRecord(p, fields.size(), width)) != JsonToken.END_ARRAY && t != null) {
      // checked while parsing: a header of millions of columns is never held (issue 14)
      if (fields.size() >= maxColumns) {
        throw where(file, header, rowsRead, "more than " + maxColumns + " fields (limit maxColumns)", null);
      }
      String s = p.getValueAsString();
      fields.add(s == null ? "" : s);
    }
    return true;
  }

  private static DataFormatException where(
      String file, boolean header, long rowsRead, String rule, @Nullable Throwable cause) {
    return header ? new DataFormatException(file + ": header: " + rule, cause) : stopped(file, rowsRead, rule, cause);
  }

  private static InputStoppedException stopped(String file, long rowsRead, String rule, @Nullable Throwable cause) {
    return InputStoppedException.at(file, rowsRead + 1, rule, rowsRead, 0, "read", "rejected", cause);
  }

  private static CsvFactory factory(DatasetCsv.CsvOptions limits) {
    CsvFactory f = MAPPER.getFactory().copy();
    f.setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(limits.maxFieldLength()).build());
    return f;
  }
}
