package org.ctdc.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.ctdc.schema.internal.CsvDatasetWriter;

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
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return fromCsv(r, file.toString(), name, delimiter, missingTokens);
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Infers a schema from CSV text whose first row is the header.
   *
   * @param reader the text, not closed
   * @param fileName the name used in messages
   * @param schemaName the schema's name
   * @param delimiter the field delimiter
   * @param missingTokens tokens that mean missing, the first written for missing; at least one
   * @return the schema, version {@code inferred}
   * @throws DataFormatException naming the file and row when the text cannot be read or is malformed
   */
  public static Schema fromCsv(
      Reader reader, String fileName, String schemaName, char delimiter, List<String> missingTokens) {
    ReleaseFormat format = new ReleaseFormat(missingTokens, "1", "0", ";", delimiter);
    List<String> header = new ArrayList<>();
    List<TreeSet<String>> values = new ArrayList<>();
    long row = 0;
    try (CsvParser p = MAPPER.getFactory().createParser(reader)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      p.setSchema(CsvDatasetWriter.csvSchema(format));
      List<String> fields = new ArrayList<>();
      boolean first = true;
      while (next(p, fields)) {
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
        row++;
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue;
        }
        if (fields.size() > header.size()) {
          throw new DataFormatException(
              fileName + ": row " + row + " has " + fields.size() + " fields, the header " + header.size());
        }
        for (int i = 0; i < fields.size(); i++) {
          String v = fields.get(i);
          if (!format.isMissing(v)) {
            values.get(i).add(v);
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new DataFormatException(fileName + ": row " + (row + 1) + ": malformed CSV");
    } catch (IOException e) {
      throw new DataFormatException(fileName + ": cannot read: " + e.getMessage(), e);
    }
    if (header.isEmpty()) {
      throw new DataFormatException(fileName + ": the file is empty; a header row is required");
    }
    Schema.Builder b =
        Schema.builder(schemaName, "inferred")
            .format(format)
            .description("Inferred from the header and values of " + fileName)
            .origin(fileName);
    for (int i = 0; i < header.size(); i++) {
      TreeSet<String> vs = values.get(i);
      if (vs.isEmpty()) {
        throw new DataFormatException(fileName + ": column '" + header.get(i) + "' has no value that is not missing");
      }
      List<Code> codes = new ArrayList<>();
      for (String v : vs) {
        if (v.isBlank()) {
          throw new DataFormatException(
              fileName + ": column '" + header.get(i) + "' has a blank value; list it as a missing token");
        }
        codes.add(Code.of(v));
      }
      b.add(
          Variable.builder(header.get(i), VariableKind.CATEGORICAL)
              .values(ValueSet.of(codes))
              .role(Role.INSENSITIVE)
              .build());
    }
    return b.build();
  }

  private static boolean next(CsvParser p, List<String> fields) throws IOException {
    fields.clear();
    JsonToken t = p.nextToken();
    if (t == null) {
      return false;
    }
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      String s = p.getValueAsString();
      fields.add(s == null ? "" : s);
    }
    return true;
  }
}
