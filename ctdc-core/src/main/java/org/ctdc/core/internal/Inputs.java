package org.ctdc.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ctdc.core.RejectReason;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.jspecify.annotations.Nullable;

/** Streams rows from CSV, JSON Lines, maps and datasets into a {@link Run}. Not API; thread-safe. */
public final class Inputs {

  /**
   * Longest field read from a partner's CSV or JSON Lines file, in characters (as {@code DatasetCsv}'s
   * default). Enforced by the parser, so a longer field is never held in memory; over it the file is
   * rejected as a whole with a {@link DataFormatException} naming the row (docs/limits.md).
   */
  public static final int MAX_FIELD_LENGTH = 1 << 20;
  /** Longest JSON Lines line, in characters; over it the file is rejected naming the row. */
  public static final int MAX_LINE_LENGTH = 1 << 24;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxStringLength(MAX_FIELD_LENGTH).maxNameLength(MAX_FIELD_LENGTH).build();
  private static final CsvMapper CSV =
      new CsvMapper(CsvFactory.builder().streamReadConstraints(LIMITS).build());
  private static final ObjectMapper JSON =
      new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build());

  private Inputs() {}

  /**
   * Streams a CSV file with a header row. A byte-order mark and CRLF line ends are accepted; a blank
   * line is skipped; a record with fewer or more fields than the header is rejected; a malformed record
   * (such as an unclosed quote) is rejected and ends the run, because the parser cannot resynchronise.
   *
   * @param in the text; not closed
   * @param file the file name for messages
   * @param run the run
   * @param delimiter the field delimiter
   * @throws DataFormatException naming the file when it is empty, its header is unusable, or it cannot be
   *     read
   */
  public static void csv(Reader in, String file, Run run, char delimiter) {
    List<String> fields = new ArrayList<>();
    long row = 0;
    try (CsvParser p = CSV.getFactory().createParser(skipBom(in))) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      p.setSchema(
          CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar());
      if (!next(p, fields)) {
        throw new DataFormatException(file + ": the file is empty; a header row is required");
      }
      int width = fields.size();
      int[] index = header(fields, file, run);
      String[] raw = new String[index.length];
      try {
        while (!run.stopped() && next(p, fields)) {
          if (fields.size() == 1 && fields.get(0).isEmpty() && width > 1) {
            continue;
          }
          row++;
          if (fields.size() != width) {
            run.rejectRow(fields.size() < width ? RejectReason.MISSING_FIELDS : RejectReason.EXTRA_FIELDS, row);
            continue;
          }
          for (int s = 0; s < index.length; s++) {
            raw[s] = index[s] < 0 ? null : fields.get(index[s]);
          }
          run.row(raw, row);
        }
      } catch (StreamConstraintsException e) {
        throw tooLong(file, row + 1);
      } catch (JsonProcessingException e) {
        // the parser's message may quote the record: keep only the row number
        run.rejectRow(RejectReason.MALFORMED_ROW, row + 1);
        run.stop();
      }
    } catch (CharacterCodingException e) {
      throw new DataFormatException(file + ": row " + (row + 1) + ": the file is not valid UTF-8");
    } catch (StreamConstraintsException e) {
      throw new DataFormatException(
          file + ": header: a column name is longer than " + MAX_FIELD_LENGTH + " characters (limit)");
    } catch (JsonProcessingException e) {
      throw new DataFormatException(file + ": the header row is malformed CSV");
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static int[] header(List<String> fields, String file, Run run) {
    Map<String, Integer> exact = new HashMap<>();
    Map<String, Integer> folded = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      String h = fields.get(i).strip();
      Integer first = exact.putIfAbsent(h, i);
      if (first != null) {
        // positions only: a file without its header row has a record here, whose values must not be shown
        throw new DataFormatException(
            file + ": header: columns " + (first + 1) + " and " + (i + 1) + " have the same name");
      }
      folded.merge(h.toLowerCase(Locale.ROOT), i, (a, b) -> -1);
      run.seeColumn(h);
    }
    String[] slots = run.slots();
    int[] index = new int[slots.length];
    List<String> absent = new ArrayList<>();
    for (int s = 0; s < slots.length; s++) {
      Integer i = exact.get(slots[s]);
      if (i == null) {
        i = folded.get(slots[s].toLowerCase(Locale.ROOT));
      }
      if (i == null || i < 0) {
        absent.add(slots[s]);
        index[s] = -1;
      } else {
        index[s] = i;
      }
    }
    if (!absent.isEmpty()) {
      throw new DataFormatException(
          file + ": header: no column " + absent + ", which the alignment spec reads");
    }
    return index;
  }

  private static Reader skipBom(Reader in) throws IOException {
    PushbackReader r = new PushbackReader(in, 1);
    int c = r.read();
    if (c >= 0 && c != '\uFEFF') {
      r.unread(c);
    }
    return r;
  }

  private static boolean next(CsvParser p, List<String> out) throws IOException {
    out.clear();
    JsonToken t = p.nextToken();
    if (t == null) {
      return false;
    }
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      String s = p.getValueAsString();
      out.add(s == null ? "" : s);
    }
    return true;
  }

  /**
   * Streams JSON Lines: one JSON object per line; a blank line is skipped; a line that is not a JSON
   * object, or holds a nested object, is rejected as malformed and the run continues. Arrays of scalars
   * are joined with the first separator of the source's conventions.
   *
   * @param in the text; not closed
   * @param file the file name for messages
   * @param run the run
   * @param joiner the separator joining array values
   * @throws DataFormatException naming the file when it cannot be read
   */
  public static void jsonLines(Reader in, String file, Run run, String joiner) {
    String[] slots = run.slots();
    String[] raw = new String[slots.length];
    BufferedReader br = new BufferedReader(in);
    long row = 0;
    try {
      String line = readLine(br, file, row + 1);
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null && !run.stopped(); line = readLine(br, file, row + 1)) {
        if (line.isBlank()) {
          continue;
        }
        row++;
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (StreamConstraintsException e) {
          throw tooLong(file, row);
        } catch (JsonProcessingException e) {
          run.rejectRow(RejectReason.MALFORMED_ROW, row);
          continue;
        }
        if (node == null || !node.isObject()) {
          run.rejectRow(RejectReason.MALFORMED_ROW, row);
          continue;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          run.seeColumn(e.getKey());
        }
        for (int s = 0; s < slots.length && ok; s++) {
          JsonNode v = node.get(slots[s]);
          if (v == null || v.isNull()) {
            raw[s] = null;
          } else if (v.isValueNode()) {
            raw[s] = v.asText();
          } else if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
              if (!x.isValueNode()) {
                ok = false;
              }
              parts.add(x.asText());
            }
            raw[s] = String.join(joiner, parts);
          } else {
            ok = false;
          }
        }
        if (!ok) {
          run.rejectRow(RejectReason.MALFORMED_ROW, row);
          continue;
        }
        run.row(raw, row);
      }
    } catch (CharacterCodingException e) {
      // name the row, not the decoder's exception (found by fuzzing: the old message was vague); the
      // decoder reads ahead, so the fault is at or after the row being read
      throw new DataFormatException(file + ": the file is not valid UTF-8 (at or after row " + (row + 1) + ")");
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static DataFormatException tooLong(String file, long row) {
    return new DataFormatException(
        file + ": row " + row + ": a field is longer than " + MAX_FIELD_LENGTH + " characters (limit)");
  }

  /**
   * One line without its end ({@code \n}, {@code \r\n} or {@code \r}), or null at the end; a line longer
   * than {@link #MAX_LINE_LENGTH} rejects the file (found by fuzzing: {@code readLine} holds any line).
   */
  private static @Nullable String readLine(BufferedReader br, String file, long row) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = br.read()) >= 0) {
      if (c == '\n') {
        return sb.toString();
      }
      if (c == '\r') {
        br.mark(1);
        if (br.read() != '\n') {
          br.reset();
        }
        return sb.toString();
      }
      if (sb.length() >= MAX_LINE_LENGTH) {
        throw new DataFormatException(
            file + ": row " + row + ": a line is longer than " + MAX_LINE_LENGTH + " characters (limit)");
      }
      sb.append((char) c);
    }
    return c < 0 && sb.length() == 0 ? null : sb.toString();
  }

  /**
   * Streams maps, one per row: a value that is null or absent is missing; a collection is joined with
   * {@code joiner}; anything else is read through {@code toString()}.
   *
   * @param rows the rows
   * @param run the run
   * @param joiner the separator joining collection values
   */
  public static void maps(Iterable<? extends Map<String, ?>> rows, Run run, String joiner) {
    String[] slots = run.slots();
    String[] raw = new String[slots.length];
    Map<String, Integer> slotOf = new HashMap<>();
    for (int s = 0; s < slots.length; s++) {
      slotOf.put(slots[s], s);
    }
    // the keys of the previous row, in iteration order: rows with the very same key objects are not
    // noted again
    List<String> keys = new ArrayList<>();
    // for hash maps: per position in the previous row, its key object and the slot it fills (-1: none)
    String[] keyAt = new String[0];
    int[] slotAt = new int[0];
    long row = 0;
    for (Map<String, ?> m : rows) {
      if (run.stopped()) {
        break;
      }
      row++;
      if (m == null) {
        run.rejectRow(RejectReason.MALFORMED_ROW, row);
        continue;
      }
      Class<?> type = m.getClass();
      if (type == HashMap.class || type == LinkedHashMap.class) {
        // one pass over the entries, where get() per slot would hash and compare every column name:
        // a key object at the same position as in the previous row fills the same slot; any other key
        // is noted and looked up by equality, which is what get() does for these two classes
        java.util.Arrays.fill(raw, null);
        if (keyAt.length < m.size()) {
          keyAt = java.util.Arrays.copyOf(keyAt, m.size());
          slotAt = java.util.Arrays.copyOf(slotAt, m.size());
        }
        int i = 0;
        for (Map.Entry<String, ?> e : m.entrySet()) {
          String k = e.getKey();
          int s;
          if (k != null && keyAt[i] == k) {
            s = slotAt[i];
          } else {
            run.seeColumn(k);
            Integer found = k == null ? null : slotOf.get(k);
            s = found == null ? -1 : found;
            keyAt[i] = k;
            slotAt[i] = s;
          }
          if (s >= 0) {
            raw[s] = text(e.getValue(), joiner);
          }
          i++;
        }
      } else {
        if (!sameKeys(m.keySet(), keys)) {
          keys.clear();
          for (String k : m.keySet()) {
            run.seeColumn(k);
            keys.add(k);
          }
        }
        for (int s = 0; s < slots.length; s++) {
          raw[s] = text(m.get(slots[s]), joiner);
        }
      }
      run.row(raw, row);
    }
  }

  /** Whether a key set iterates the same key objects, in the same order, as a list. */
  private static boolean sameKeys(Set<String> keySet, List<String> keys) {
    if (keySet.size() != keys.size()) {
      return false;
    }
    int i = 0;
    for (String k : keySet) {
      if (k != keys.get(i++)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String text(@Nullable Object o, String joiner) {
    if (o == null) {
      return null;
    }
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      for (Object x : c) {
        parts.add(String.valueOf(x));
      }
      return String.join(joiner, parts);
    }
    return o.toString();
  }

  /**
   * Streams a dataset: each cell as its release format writes it, a missing cell as a token that keeps
   * its reason (so that "not collected" stays "not collected" through a crosswalk).
   *
   * @param d the dataset
   * @param run the run
   */
  public static void dataset(Dataset d, Run run) {
    String[] slots = run.slots();
    int[] col = new int[slots.length];
    for (var v : d.schema().variables()) {
      run.seeColumn(v.name());
    }
    for (int s = 0; s < slots.length; s++) {
      col[s] = d.schema().indexOf(slots[s]);
    }
    String[] raw = new String[slots.length];
    for (int r = 0; r < d.rowCount() && !run.stopped(); r++) {
      for (int s = 0; s < slots.length; s++) {
        int c = col[s];
        if (c < 0) {
          raw[s] = null;
        } else {
          MissingReason m = d.missingReason(r, c).orElse(null);
          raw[s] =
              m == null ? d.token(r, c)
                  : switch (m) {
                    case NOT_COLLECTED -> Plan.NOT_COLLECTED_TOKEN;
                    case NOT_APPLICABLE -> Plan.NOT_APPLICABLE_TOKEN;
                    case SUPPRESSED -> Plan.SUPPRESSED_TOKEN;
                    case UNKNOWN -> null;
                  };
        }
      }
      run.row(raw, r + 1L);
    }
  }
}
