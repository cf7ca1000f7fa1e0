package org.ctdc.link.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctdc.link.LinkException;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.internal.Shown;

/**
 * A CSV file read whole: UTF-8 (a byte order mark dropped), a header row, rows padded or checked to its width.
 * Errors name the file and the row, never the text. Not API; immutable.
 *
 * @param name the file name as messages show it
 * @param header the column names
 * @param rows the data rows
 */
public record CsvTable(String name, List<String> header, List<String[]> rows) {

  private static final CsvMapper MAPPER = new CsvMapper();

  /**
   * Reads a file.
   *
   * @param file the file
   * @return the table
   * @throws LinkException naming the file and row
   * @throws InputStoppedException when the file is not valid CSV from some row on (nothing is returned)
   */
  public static CsvTable read(Path file) {
    String name = Shown.name(String.valueOf(file.getFileName()));
    if (!Files.isRegularFile(file)) {
      throw new LinkException(name + ": cannot read: no such regular file");
    }
    List<String[]> rows = new ArrayList<>();
    List<String> header;
    long row = 0;
    try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
        MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(r)) {
      if (!it.hasNext()) {
        throw new LinkException(name + ": the file is empty (a header row is required)");
      }
      String[] h = it.next();
      if (h.length > 0 && h[0].startsWith("\uFEFF")) {
        h[0] = h[0].substring(1);
      }
      header = List.of(h);
      while (it.hasNext()) {
        row++;
        String[] v = it.next();
        if (v.length == 1 && v[0].isEmpty()) {
          row--;
          continue;
        }
        if (v.length > h.length) {
          throw new LinkException(name + ": row " + row + ": " + v.length + " fields where the header has " + h.length);
        }
        rows.add(v.length == h.length ? v : Arrays.copyOf(pad(v, h.length), h.length));
      }
    } catch (CharacterCodingException e) {
      throw new LinkException(name + ": row " + (row + 1) + ": the file is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      if (e instanceof LinkException le) {
        throw le;
      }
      // the parser's message may quote the record: keep only the row number; the rest of the file is not read,
      // so the command's outputs are not written (exit 4, as every reader that stops)
      throw InputStoppedException.at(name, row + 1, "malformed CSV (an unclosed or stray quote)", rows.size(), 0,
          "read", "rejected", null);
    }
    return new CsvTable(name, header, rows);
  }

  private static String[] pad(String[] v, int n) {
    String[] p = Arrays.copyOf(v, n);
    for (int i = v.length; i < n; i++) {
      p[i] = "";
    }
    return p;
  }
}
