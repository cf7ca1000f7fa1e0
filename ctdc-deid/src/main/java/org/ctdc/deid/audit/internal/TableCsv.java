package org.ctdc.deid.audit.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableDefinition;
import org.ctdc.deid.audit.TableDimension;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.schema.CtdcException;

/** Reads and writes the {@code tableFormat: 1} table CSV. Stateless, thread-safe. */
public final class TableCsv {
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private TableCsv() {}

  /** Reads the CSV of a table under its definition. */
  public static PublishedTable read(Path file, TableDefinition def) {
    List<TableDimension> dims = def.dimensions();
    List<PublishedRow> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(in)) {
      if (!it.hasNext()) {
        throw new TableFormatException(file + ": line 1: missing header (one column per dimension, then value, status)");
      }
      String[] header = it.next();
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        String h = header[i].strip();
        if (i == 0 && h.startsWith("\uFEFF")) {
          h = h.substring(1);
        }
        if (col.put(h, i) != null) {
          throw new TableFormatException(file + ": line 1: column '" + h + "' appears twice");
        }
      }
      int[] dimCol = new int[dims.size()];
      for (int d = 0; d < dims.size(); d++) {
        Integer c = col.get(dims.get(d).name());
        if (c == null) {
          throw new TableFormatException(file + ": line 1: missing column '" + dims.get(d).name()
              + "' (a dimension of table '" + def.name() + "')");
        }
        dimCol[d] = c;
      }
      Integer valueCol = col.get("value");
      Integer statusCol = col.get("status");
      if (valueCol == null || statusCol == null) {
        throw new TableFormatException(file + ": line 1: missing column '" + (valueCol == null ? "value" : "status") + "'");
      }
      if (header.length != dims.size() + 2) {
        for (String h : col.keySet()) {
          if (!h.equals("value") && !h.equals("status") && def.indexOf(h) < 0) {
            throw new TableFormatException(file + ": line 1: unexpected column '" + h + "'");
          }
        }
      }
      long lineNo = 1;
      while (it.hasNext()) {
        String[] cells = it.next();
        lineNo++;
        if (cells.length == 1 && cells[0].isBlank()) {
          continue;
        }
        if (cells.length != header.length) {
          throw new TableFormatException(file + ": line " + lineNo + ": has " + cells.length
              + " fields, the header has " + header.length);
        }
        List<String> codes = new ArrayList<>(dims.size());
        for (int d = 0; d < dims.size(); d++) {
          String code = cells[dimCol[d]].strip();
          if (!dims.get(d).isNode(code)) {
            throw new TableFormatException(file + ": line " + lineNo + ": column '" + dims.get(d).name()
                + "': code '" + code + "' is not in the dimension's hierarchy");
          }
          codes.add(code);
        }
        String st = cells[statusCol].strip();
        Optional<PublishedStatus> status = PublishedStatus.fromToken(st);
        if (status.isEmpty()) {
          throw new TableFormatException(file + ": line " + lineNo + ": column 'status': '" + st
              + "' is not one of publishable, primary, secondary, forced-publish, empty");
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
          throw new TableFormatException(file + ": line " + lineNo + ": column 'value': "
              + e.getMessage().replaceFirst("^row \\[[^]]*]: ", ""), e);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof CtdcException c) {
        throw c;
      }
      throw new TableFormatException(file + ": cannot read table CSV (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      return PublishedTable.of(def, rows);
    } catch (TableFormatException e) {
      throw new TableFormatException(file + ": " + e.getMessage() + " (row n is line n+1)", e);
    }
  }

  /** Writes a table as CSV. */
  public static void write(PublishedTable table, Path file) {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      List<String> header = new ArrayList<>();
      table.definition().dimensions().forEach(d -> header.add(d.name()));
      header.add("value");
      header.add("status");
      writeLine(w, header);
      for (PublishedRow r : table.rows()) {
        List<String> cells = new ArrayList<>(r.codes());
        cells.add(r.value().isPresent() ? number(r.value().getAsDouble()) : "");
        cells.add(r.status().token());
        writeLine(w, cells);
      }
    } catch (IOException e) {
      throw new CtdcException(file + ": cannot write table CSV (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** A number in shortest form, integers without a decimal point. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static void writeLine(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        w.write('"' + c.replace("\"", "\"\"") + '"');
      } else {
        w.write(c);
      }
    }
    w.write('\n');
  }
}
