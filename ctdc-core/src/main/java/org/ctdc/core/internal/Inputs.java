package org.ctdc.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ctdc.core.RejectReason;
import org.ctdc.core.RowSource;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.Utf8Input;
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
  /**
   * Most fields of a CSV record (the header included) and keys of a JSON Lines object: the limit of
   * {@code DatasetCsv} ({@link DatasetCsv.CsvOptions#DEFAULT_MAX_COLUMNS}), checked while parsing.
   */
  public static final int MAX_COLUMNS = DatasetCsv.CsvOptions.DEFAULT_MAX_COLUMNS;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxStringLength(MAX_FIELD_LENGTH).maxNameLength(MAX_FIELD_LENGTH).build();
  private static final CsvMapper CSV =
      new CsvMapper(CsvFactory.builder().streamReadConstraints(LIMITS).build());
  /** JSON Lines: a key given twice in one object is a syntax error (the row is malformed), never "last wins". */
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(LIMITS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Inputs() {}

  /**
   * Streams a CSV file with a header row. A byte-order mark and CRLF line ends are accepted; a blank
   * line (in a file of two or more columns) is skipped and counted; a row of only delimiters is rejected
   * as empty; a record with fewer or more fields than the header is rejected. A record the parser cannot
   * read (such as an unclosed quote, after which it cannot resynchronise), invalid UTF-8 and a record over
   * a limit stop the run with an {@link org.ctdc.schema.InputStoppedException}: no result.
   *
   * @param in the text; not closed
   * @param file the file name for messages
   * @param run the run
   * @param delimiter the field delimiter
   * @throws DataFormatException naming the file when it is empty, its header is unusable, or it cannot be
   *     read to its end
   */
  public static void csv(Reader in, String file, Run run, char delimiter) {
    List<String> fields = new ArrayList<>();
    // the fields of the record being parsed, kept or not
    int[] seen = {0};
    long row = 0;
    boolean inHeader = true;
    List<String> names = List.of();
    try (CsvParser p = CSV.getFactory().createParser(skipBom(in))) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      p.setSchema(
          CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar());
      if (!next(p, fields, MAX_COLUMNS, seen, 0)) {
        throw new DataFormatException(file + ": the file is empty; a header row is required");
      }
      int width = fields.size();
      int[] index = header(fields, file, run);
      // only the names of columns the spec reads are shown: a file without its header row has a record there
      List<String> read = new ArrayList<>();
      for (String h : fields) {
        read.add(isSlot(h, run.slots()) ? h.strip() : "");
      }
      names = read;
      inHeader = false;
      String[] raw = new String[index.length];
      // a data row keeps at most one field more than the header: the rest are counted, not held
      while (!run.stopped() && next(p, fields, width + 1, seen, width)) {
        if (width > 1 && seen[0] == 1 && fields.get(0).isBlank()) {
          run.blankLine();
          continue;
        }
        row++;
        if (seen[0] > 1 && allBlank(fields)) {
          run.rejectRow(RejectReason.EMPTY_ROW, row);
          continue;
        }
        if (seen[0] != width) {
          run.rejectRow(seen[0] < width ? RejectReason.MISSING_FIELDS : RejectReason.EXTRA_FIELDS, row);
          continue;
        }
        for (int s = 0; s < index.length; s++) {
          raw[s] = index[s] < 0 ? null : fields.get(index[s]);
        }
        run.row(raw, row);
      }
    } catch (TooManyFields e) {
      throw inHeader ? new DataFormatException(file + ": header: " + e.rule)
          : run.stoppedAt(file, row + 1, e.rule, null);
    } catch (StreamConstraintsException e) {
      throw inHeader
          ? new DataFormatException(
              file + ": header: a column name is longer than " + MAX_FIELD_LENGTH + " characters (limit)")
          : run.stoppedAt(file, row + 1, field(seen[0], names) + ": a field is longer than " + MAX_FIELD_LENGTH
              + " characters (limit)", null);
    } catch (JsonProcessingException e) {
      // the parser's message may quote the record: keep only the row number
      throw inHeader ? new DataFormatException(file + ": the header row is malformed CSV")
          : run.stoppedAt(file, row + 1, "malformed CSV (such as an unclosed or stray quote)", null);
    } catch (IOException e) {
      Long at = Utf8Input.badByteOffset(e);
      String rule = at == null ? "cannot be read (" + e.getClass().getSimpleName() + ")"
          : field(seen[0], names) + ": the file is not valid UTF-8" + (at >= 0 ? " (byte " + at + ")" : "");
      throw inHeader ? new DataFormatException(file + ": header: " + rule, at == null ? e : null)
          : run.stoppedAt(file, row + 1, rule, at == null ? e : null);
    }
  }

  /**
   * Streams a {@link RowSource}: the header is matched as a CSV header is; a {@link RowSource.Row#BLANK}
   * row is skipped and counted, a {@link RowSource.Row#MALFORMED} one rejected, a row whose cells are all
   * empty or blank rejected as empty. A cell over {@link #MAX_FIELD_LENGTH} characters and a source that
   * throws {@link RowSource.Stopped} stop the run with an {@link org.ctdc.schema.InputStoppedException}.
   * The source is not closed here.
   *
   * @param source the rows
   * @param run the run
   * @throws DataFormatException naming the source when its header is unusable or it cannot be read to its
   *     end
   */
  public static void rows(RowSource source, Run run) {
    String file = source.name();
    List<String> columns = source.columns();
    if (columns.size() > MAX_COLUMNS) {
      throw new DataFormatException(file + ": header: more than " + MAX_COLUMNS + " columns (limit)");
    }
    List<String> fields = new ArrayList<>(columns.size());
    for (String c : columns) {
      if (c.length() > MAX_FIELD_LENGTH) {
        throw new DataFormatException(
            file + ": header: a column name is longer than " + MAX_FIELD_LENGTH + " characters (limit)");
      }
      fields.add(c);
    }
    int[] index = header(fields, file, run);
    boolean[] read = new boolean[fields.size()];
    for (int i : index) {
      read[i] = true;
    }
    source.reading(read);
    String[] cells = new String[fields.size()];
    String[] raw = new String[index.length];
    long row = 0;
    while (!run.stopped()) {
      RowSource.Row got;
      try {
        java.util.Arrays.fill(cells, null);
        got = source.next(cells);
      } catch (RowSource.Stopped e) {
        throw run.stoppedAt(file, row + 1, e.rule(), e.getCause());
      }
      if (got == RowSource.Row.END) {
        break;
      }
      if (got == RowSource.Row.BLANK) {
        run.blankLine();
        continue;
      }
      row++;
      if (got == RowSource.Row.MALFORMED || got == RowSource.Row.EXTRA_FIELDS) {
        run.rejectRow(got == RowSource.Row.MALFORMED ? RejectReason.MALFORMED_ROW : RejectReason.EXTRA_FIELDS, row);
        continue;
      }
      boolean any = false;
      for (int i = 0; i < cells.length; i++) {
        String c = cells[i];
        if (c == null) {
          continue;
        }
        if (c.length() > MAX_FIELD_LENGTH) {
          String name = isSlot(fields.get(i), run.slots()) ? " (column '" + Shown.name(fields.get(i).strip()) + "')" : "";
          throw run.stoppedAt(file, row, "column " + (i + 1) + name + ": a cell is longer than "
              + MAX_FIELD_LENGTH + " characters (limit)", null);
        }
        any |= !c.isBlank();
      }
      if (!any) {
        run.rejectRow(RejectReason.EMPTY_ROW, row);
        continue;
      }
      for (int s = 0; s < index.length; s++) {
        raw[s] = cells[index[s]];
      }
      run.row(raw, row);
    }
  }

  /**
   * A 0-based field as messages name it: {@code field 3 (column 'Gender')} when the spec reads that column,
   * else {@code field 3}.
   */
  private static String field(int i, List<String> shownNames) {
    return "field " + (i + 1)
        + (i < shownNames.size() && !shownNames.get(i).isEmpty() ? " (column '" + Shown.name(shownNames.get(i)) + "')" : "");
  }

  private static boolean isSlot(String header, String[] slots) {
    String h = header.strip();
    for (String s : slots) {
      if (s.equalsIgnoreCase(h)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allBlank(List<String> fields) {
    for (String f : fields) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A record over a limit (fields, keys, line length): found while parsing, before it is held. */
  private static final class TooManyFields extends IOException {
    private static final long serialVersionUID = 1L;
    final String rule;

    TooManyFields(String rule) {
      super(rule);
      this.rule = rule;
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

  /**
   * The next record: its first {@code keep} fields into {@code out}, the number of all its fields into
   * {@code seen[0]}; over {@link #MAX_COLUMNS} fields the file is rejected while parsing, so a header of
   * millions of columns is never held (issue 14).
   */
  private static boolean next(CsvParser p, List<String> out, int keep, int[] seen, int width) throws IOException {
    out.clear();
    seen[0] = 0;
    JsonToken t = p.nextToken();
    if (t == null) {
      return false;
    }
    while ((t = Utf8Input.nextInRecord(p, seen[0], width)) != JsonToken.END_ARRAY && t != null) {
      if (seen[0] >= MAX_COLUMNS) {
        throw new TooManyFields("more than " + MAX_COLUMNS + " fields (limit)");
      }
      seen[0]++;
      if (out.size() < keep) {
        String s = p.getValueAsString();
        out.add(s == null ? "" : s);
      } else if (!out.isEmpty() && out.get(out.size() - 1).isBlank() && !blank(p)) {
        // a field past those kept holds text: the record is no empty row (its last kept field says so)
        out.set(out.size() - 1, "x");
      }
    }
    return true;
  }

  /** Whether the current token's text is empty or blanks only, read without making a string. */
  private static boolean blank(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    if (c == null) {
      return true;
    }
    int end = p.getTextOffset() + p.getTextLength();
    for (int i = p.getTextOffset(); i < end; i++) {
      if (!Character.isWhitespace(c[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Streams JSON Lines: one JSON object per line; a blank line is skipped and counted; a line that is not
   * one JSON object, names a key twice, or holds a nested object or array of objects in a column the spec
   * reads, is rejected as malformed and the run continues; an object without any value ({@code {}}, only
   * nulls and blanks) is rejected as empty. Arrays of scalars are joined with the first separator of the
   * source's conventions. Each line is parsed as a stream of tokens, so an object over
   * {@link #MAX_COLUMNS} keys stops the file while it is parsed, never held. Invalid UTF-8, a line or field
   * over its limit and an I/O failure stop the run with an {@link org.ctdc.schema.InputStoppedException}.
   *
   * @param in the text; not closed
   * @param file the file name for messages
   * @param run the run
   * @param joiner the separator joining array values
   * @throws DataFormatException naming the file when it cannot be read to its end
   */
  public static void jsonLines(Reader in, String file, Run run, String joiner) {
    String[] slots = run.slots();
    Map<String, Integer> slotOf = new HashMap<>();
    for (int s = 0; s < slots.length; s++) {
      slotOf.put(slots[s], s);
    }
    String[] raw = new String[slots.length];
    BufferedReader br = new BufferedReader(in);
    long row = 0;
    try {
      String line = readLine(br);
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      // the stop is checked before the next line is read: strict mode reads nothing after its first reject
      // (found by fuzzing: a fault on the line after it made strict mode fail where it had stopped)
      for (; line != null; line = run.stopped() ? null : readLine(br)) {
        if (line.isBlank()) {
          run.blankLine();
          continue;
        }
        row++;
        RejectReason reject;
        try {
          reject = object(line, slotOf, raw, joiner, run);
        } catch (TooManyFields e) {
          throw run.stoppedAt(file, row, "more than " + MAX_COLUMNS + " keys in one object (limit)", null);
        } catch (StreamConstraintsException e) {
          throw run.stoppedAt(file, row, "a field is longer than " + MAX_FIELD_LENGTH + " characters (limit)", null);
        }
        if (reject != null) {
          run.rejectRow(reject, row);
        } else {
          run.row(raw, row);
        }
      }
    } catch (TooManyFields e) {
      // from readLine: the line being read is the next row
      throw run.stoppedAt(file, row + 1, e.rule, null);
    } catch (IOException e) {
      Long at = Utf8Input.badByteOffset(e);
      throw run.stoppedAt(file, row + 1,
          at == null ? "cannot be read (" + e.getClass().getSimpleName() + ")"
              : "the file is not valid UTF-8" + (at >= 0 ? " (byte " + at + ")" : ""),
          at == null ? e : null);
    }
  }

  /**
   * Parses one line into the slots; returns why the row is rejected, or null.
   *
   * @throws TooManyFields over {@link #MAX_COLUMNS} keys
   * @throws StreamConstraintsException over a length limit
   */
  private static @Nullable RejectReason object(
      String line, Map<String, Integer> slotOf, String[] raw, String joiner, Run run) throws IOException {
    java.util.Arrays.fill(raw, null);
    boolean ok = true;
    boolean anyValue = false;
    int keys = 0;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return RejectReason.MALFORMED_ROW;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        if (++keys > MAX_COLUMNS) {
          throw new TooManyFields("more than " + MAX_COLUMNS + " keys in one object (limit)");
        }
        String key = p.currentName();
        run.seeColumn(key);
        Integer slot = slotOf.get(key);
        t = p.nextToken();
        if (t == null) {
          return RejectReason.MALFORMED_ROW;
        }
        if (t == JsonToken.START_OBJECT) {
          p.skipChildren();
          anyValue = true;
          ok &= slot == null;
        } else if (t == JsonToken.START_ARRAY) {
          List<String> parts = slot == null ? null : new ArrayList<>();
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              return RejectReason.MALFORMED_ROW;
            }
            if (t.isStructStart()) {
              p.skipChildren();
              anyValue = true;
              ok &= slot == null;
              continue;
            }
            anyValue |= t != JsonToken.VALUE_NULL && !blank(p);
            if (parts != null) {
              parts.add(scalar(p, t));
            }
          }
          if (slot != null && parts != null) { // parts exists exactly when the key has a slot
            raw[slot] = String.join(joiner, parts);
          }
        } else {
          anyValue |= t != JsonToken.VALUE_NULL && !blank(p);
          if (slot != null) {
            raw[slot] = t == JsonToken.VALUE_NULL ? null : scalar(p, t);
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return RejectReason.MALFORMED_ROW;
      }
    } catch (StreamConstraintsException e) {
      throw e;
    } catch (JsonProcessingException e) {
      // a duplicate key, a syntax error: the parser's message may quote the line, and is not kept
      return RejectReason.MALFORMED_ROW;
    }
    if (!ok) {
      return RejectReason.MALFORMED_ROW;
    }
    return anyValue ? null : RejectReason.EMPTY_ROW;
  }

  /** A scalar's text as a JSON tree's {@code asText()} gives it (a float through {@code double}). */
  private static String scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> "null";
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      case VALUE_NUMBER_FLOAT -> String.valueOf(p.getDoubleValue());
      default -> p.getText();
    };
  }

  /**
   * One line without its end ({@code \n}, {@code \r\n} or {@code \r}), or null at the end; a line longer
   * than {@link #MAX_LINE_LENGTH} rejects the file (found by fuzzing: {@code readLine} holds any line).
   */
  private static @Nullable String readLine(BufferedReader br) throws IOException {
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
        throw new TooManyFields("a line is longer than " + MAX_LINE_LENGTH + " characters (limit)");
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
