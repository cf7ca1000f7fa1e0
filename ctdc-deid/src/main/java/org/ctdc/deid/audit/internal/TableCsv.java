package org.ctdc.deid.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableDimension;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.FormulaGuard;

/** Reads and writes the {@code tableFormat: 1} table CSV. Stateless, thread-safe. */
public final class TableCsv {
  /** The longest field read, in characters. */
  public static final int MAX_FIELD_LENGTH = 1 << 20;
  /** The most fields in one line. */
  public static final int MAX_COLUMNS = 10_000;

  private static final CsvMapper CSV = mapper();

  private static CsvMapper mapper() {
    CsvMapper m = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    m.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(MAX_FIELD_LENGTH).build());
    return m;
  }

  private TableCsv() {}

  /**
   * Reads the CSV of a table under its definition. Every message names the file, the line and the column
   * and never quotes a cell: only the definition's own names and codes appear, through {@link Shown}.
   */
  public static PublishedTable read(Path path, PublishedTableDefinition def) {
    String file = Shown.file(path);
    List<TableDimension> dims = def.dimensions();
    List<Set<String>> nodes = dims.stream().map(d -> Set.copyOf(d.nodes())).toList();
    List<PublishedRow> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(in)) {
      if (!it.hasNext()) {
        throw new TableFormatException(file + ": line 1: missing header (one column per dimension, then value, status)");
      }
      String[] header = it.next();
      checkColumns(file, 1, header);
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        String h = header[i].strip();
        if (i == 0 && h.startsWith("\uFEFF")) {
          h = h.substring(1);
        }
        Integer before = col.put(h, i);
        if (before != null) {
          throw new TableFormatException(file + ": line 1: columns " + (before + 1) + " and " + (i + 1)
              + " have the same name");
        }
      }
      int[] dimCol = new int[dims.size()];
      for (int d = 0; d < dims.size(); d++) {
        Integer c = col.get(dims.get(d).name());
        if (c == null) {
          // written by the formula guard with a ' in front (org.ctdc.schema.FormulaGuard)
          c = col.get(FormulaGuard.neutralise(dims.get(d).name()));
        }
        if (c == null) {
          throw new TableFormatException(file + ": line 1: missing column '" + Shown.name(dims.get(d).name())
              + "' (a dimension of table '" + Shown.name(def.name()) + "')");
        }
        dimCol[d] = c;
      }
      Integer valueCol = col.get("value");
      Integer statusCol = col.get("status");
      if (valueCol == null || statusCol == null) {
        throw new TableFormatException(file + ": line 1: missing column '" + (valueCol == null ? "value" : "status") + "'");
      }
      if (header.length != dims.size() + 2) {
        for (Map.Entry<String, Integer> h : col.entrySet()) {
          if (!h.getKey().equals("value") && !h.getKey().equals("status") && def.indexOf(h.getKey()) < 0) {
            throw new TableFormatException(file + ": line 1: column " + (h.getValue() + 1)
                + " is not a dimension of the table, 'value' or 'status'");
          }
        }
      }
      long lineNo = 1;
      while (it.hasNext()) {
        String[] cells = it.next();
        lineNo++;
        checkColumns(file, lineNo, cells);
        if (cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        if (cells.length != header.length) {
          throw new TableFormatException(file + ": line " + lineNo + ": has " + cells.length
              + " fields, the header has " + header.length);
        }
        List<String> codes = new ArrayList<>(dims.size());
        for (int d = 0; d < dims.size(); d++) {
          String code = unguarded(cells[dimCol[d]].strip(), nodes.get(d));
          if (!nodes.get(d).contains(code)) {
            throw new TableFormatException(file + ": line " + lineNo + ": column '" + Shown.name(dims.get(d).name())
                + "': a code that is not in the dimension's hierarchy (codes are not quoted)");
          }
          codes.add(code);
        }
        String st = cells[statusCol].strip();
        Optional<PublishedStatus> status = PublishedStatus.fromToken(st);
        if (status.isEmpty()) {
          throw new TableFormatException(file + ": line " + lineNo + ": column 'status': not one of"
              + " publishable, primary, secondary, forced-publish, empty");
        }
        String v = cells[valueCol].strip();
        OptionalDouble value = OptionalDouble.empty();
        if (!v.isEmpty()) {
          try {
            value = OptionalDouble.of(Double.parseDouble(v));
          } catch (NumberFormatException e) {
            throw new TableFormatException(file + ": line " + lineNo + ": column 'value': not a number");
          }
        }
        try {
          rows.add(new PublishedRow(codes, value, status.get()));
        } catch (TableFormatException e) {
          throw new TableFormatException(file + ": line " + lineNo + ": column 'value': " + e.getMessage(), e);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof CtdcException c) {
        throw c;
      }
      // the parser's own message and cause may quote the file's content: keep neither
      Throwable cause = e instanceof RuntimeException && e.getCause() instanceof IOException io ? io : e;
      throw new TableFormatException(file + ": " + describe(cause));
    }
    try {
      return PublishedTable.of(def, rows);
    } catch (TableFormatException e) {
      throw new TableFormatException(file + ": " + e.getMessage() + " (row n is line n+1)", e);
    }
  }

  /**
   * A label as the definition knows it: a label that the formula guard wrote with a {@code '} in front is read
   * as the definition's label; any other text is kept as it is.
   */
  private static String unguarded(String code, Set<String> nodes) {
    if (code.length() > 1 && code.charAt(0) == FormulaGuard.PREFIX && !nodes.contains(code)) {
      String label = code.substring(1);
      if (FormulaGuard.isFormula(label) && nodes.contains(label)) {
        return label;
      }
    }
    return code;
  }

  private static void checkColumns(String file, long line, String[] cells) {
    if (cells.length > MAX_COLUMNS) {
      throw new TableFormatException(file + ": line " + line + ": more than " + MAX_COLUMNS + " fields (limit)");
    }
  }

  private static String describe(Throwable e) {
    String at = "";
    if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
      at = "line " + j.getLocation().getLineNr() + ": ";
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StreamConstraintsException) {
        return at + "a field is longer than " + MAX_FIELD_LENGTH + " characters (limit)";
      }
    }
    if (e instanceof StreamConstraintsException) {
      return at + "a field is longer than " + MAX_FIELD_LENGTH + " characters (limit)";
    }
    if (e instanceof CharacterCodingException) {
      return "the table CSV is not valid UTF-8";
    }
    if (e instanceof JsonProcessingException) {
      return at + "malformed CSV, such as a stray or unclosed quote";
    }
    return "cannot read the table CSV (" + reason(e) + ")";
  }

  /** What went wrong with a file, in words: never the exception's message, which may quote a path or text. */
  private static String reason(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e.getMessage() != null && e.getMessage().contains("No space left")) {
      return "no space left on device";
    }
    return "an I/O error";
  }

  /** Writes a table as CSV, every cell through the formula guard when it is on. */
  public static void write(PublishedTable table, Path file, CsvWriteOptions options) {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      List<String> header = new ArrayList<>();
      table.definition().dimensions().forEach(d -> header.add(d.name()));
      header.add("value");
      header.add("status");
      writeLine(w, header, options);
      for (PublishedRow r : table.rows()) {
        List<String> cells = new ArrayList<>(r.codes());
        cells.add(r.value().isPresent() ? number(r.value().getAsDouble()) : "");
        cells.add(r.status().token());
        writeLine(w, cells, options);
      }
    } catch (IOException e) {
      throw AtomicFiles.cannotWrite(file, e);
    }
  }

  /** A number in shortest form, integers without a decimal point. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static void writeLine(Writer w, List<String> cells, CsvWriteOptions options) throws IOException {
    org.ctdc.schema.internal.CsvLine.write(w, cells, org.ctdc.schema.internal.CsvLine.COMMA, options);
  }
}
