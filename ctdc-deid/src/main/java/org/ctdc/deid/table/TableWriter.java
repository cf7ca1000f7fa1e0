package org.ctdc.deid.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes protected tables:
 *
 * <ul>
 *   <li>{@code NAME.csv}: the long format ({@code tableFormat: 1}): one column per dimension (a leaf, a
 *       margin or the total label), then {@code value} (empty when suppressed) and {@code status}
 *       ({@link CellStatus#token()}); UTF-8, {@code \n} line ends, RFC 4180 quoting;
 *   <li>{@code NAME.table.json}: its definition {@code {"tableFormat":1,"name":..,"dimensions":[..],
 *       "protection":{"minWidth":..}}}, read by {@code ctdc audit};
 *   <li>{@code NAME.json}: the cells with a {@code display} value (the label for suppressed cells);
 *   <li>{@code NAME.hxl.csv} when HXL tags are configured: the display table with a hashtag row.
 * </ul>
 *
 * <p>A suppressed cell's true value is not in the {@link ProtectedTable}, so it cannot be written. Every cell of
 * the CSV files goes through the formula guard of the options ({@link OutputOptions#formulaGuard()}, on by
 * default; {@link #neutralisedCells} counts what it changes). Output is byte-identical for the same table and
 * options. This class is thread-safe (stateless).
 */
public final class TableWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TableWriter() {}

  /**
   * Writes the files of one table into a directory (created if missing).
   *
   * @param table the table
   * @param dir the directory
   * @param options labels, width and tags
   * @return the files written
   * @throws TableException naming the file when it cannot be written
   */
  public static List<Path> write(ProtectedTable table, Path dir, OutputOptions options) {
    return write(table, List.of(), dir, options);
  }

  /**
   * Writes the files of one table and, when there are protection levels, its confidential levels file
   * {@code NAME.levels.json} (last in the list), named by the definition's {@code protection.levels} so that
   * the audit checks them. The levels file holds the primaries' values: keep it, never publish it.
   *
   * @param table the table
   * @param levels its primaries' protection levels (empty: no levels file, today's definition)
   * @param dir the directory
   * @param options labels, width and tags
   * @return the files written
   * @throws TableException naming the file when it cannot be written
   */
  public static List<Path> write(ProtectedTable table, List<ProtectionLevel> levels, Path dir, OutputOptions options) {
    return write(table, levels, dir, dir, options);
  }

  /**
   * Writes the files of one table into {@code dir} and its confidential levels file {@code NAME.levels.json}
   * (when there are protection levels; last in the list) into {@code levelsDir}, a folder that is not
   * published. The definition names the levels file by its file name; the audit finds it in the folder it is
   * given ({@link org.ctdc.deid.audit.PublishedTable#read(Path, Path, Path)}).
   *
   * @param table the table
   * @param levels its primaries' protection levels (empty: no levels file, today's definition)
   * @param dir the directory of the publishable files
   * @param levelsDir the directory of the confidential levels file
   * @param options labels, width and tags
   * @return the files written
   * @throws TableException naming the file when it cannot be written
   */
  public static List<Path> write(ProtectedTable table, List<ProtectionLevel> levels, Path dir, Path levelsDir,
      OutputOptions options) {
    return write(table, levels, dir, levelsDir, options, null);
  }

  /**
   * As {@link #write(ProtectedTable, List, Path, Path, OutputOptions)}, with the accounting of a DP table
   * written into its definition ({@code protection.noise}).
   */
  static List<Path> write(ProtectedTable table, List<ProtectionLevel> levels, Path dir, Path levelsDir,
      OutputOptions options, DpNoise.@Nullable Accounting dp) {
    String name = table.definition().name();
    List<Path> out = new ArrayList<>();
    String levelsFile = levels.isEmpty() ? null : name + ".levels.json";
    try {
      Files.createDirectories(dir);
      out.add(write(dir.resolve(name + ".csv"), csv(longRows(table), options)));
      out.add(write(dir.resolve(name + ".table.json"), definitionJson(table, options.minWidth(), levelsFile, dp)));
      out.add(write(dir.resolve(name + ".json"), displayJson(table, options)));
      if (!options.hxlTags().isEmpty()) {
        out.add(write(dir.resolve(name + ".hxl.csv"), hxlCsv(table, options)));
      }
      if (levelsFile != null) {
        Files.createDirectories(levelsDir);
        out.add(write(levelsDir.resolve(levelsFile), levelsJson(name, levels)));
      }
    } catch (IOException e) {
      throw new TableException(org.ctdc.schema.AtomicFiles.cannotWrite(dir, e).getMessage(), e);
    } catch (org.ctdc.schema.CtdcException e) {
      throw new TableException(e.getMessage(), e);
    }
    return out;
  }

  private static Path write(Path file, String text) {
    org.ctdc.schema.AtomicFiles.writeString(file, text);
    return file;
  }

  /**
   * The long-format CSV, with the formula guard on.
   *
   * @param table the table
   * @return the CSV text
   */
  public static String longCsv(ProtectedTable table) {
    return csv(longRows(table), OutputOptions.defaults());
  }

  /**
   * The cells the formula guard neutralises when the table is written with these options: in {@code NAME.csv}
   * and, with HXL tags, in {@code NAME.hxl.csv} (header rows included). 0 when the guard is off.
   *
   * @param table the table
   * @param options the options
   * @return the count
   */
  public static long neutralisedCells(ProtectedTable table, OutputOptions options) {
    if (!options.formulaGuard()) {
      return 0;
    }
    long n = count(longRows(table));
    if (!options.hxlTags().isEmpty()) {
      n += count(hxlRows(table, options));
    }
    return n;
  }

  private static long count(List<List<String>> rows) {
    return rows.stream().flatMap(List::stream).filter(org.ctdc.schema.FormulaGuard::isFormula).count();
  }

  private static String csv(List<List<String>> rows, OutputOptions o) {
    StringBuilder sb = new StringBuilder();
    rows.forEach(r -> line(sb, r, o));
    return sb.toString();
  }

  private static List<List<String>> longRows(ProtectedTable table) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    table.definition().dimensions().forEach(d -> header.add(d.name()));
    header.add("value");
    header.add("status");
    rows.add(header);
    for (ProtectedTable.Cell c : table.cells()) {
      List<String> row = new ArrayList<>(c.nodes());
      row.add(c.value().isPresent() ? Long.toString(c.value().getAsLong()) : "");
      row.add(c.status().token());
      rows.add(row);
    }
    return rows;
  }

  private static String hxlCsv(ProtectedTable table, OutputOptions o) {
    return csv(hxlRows(table, o), o);
  }

  private static List<List<String>> hxlRows(ProtectedTable table, OutputOptions o) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (Dimension d : table.definition().dimensions()) {
      header.add(d.name());
      tags.add(o.hxlTags().getOrDefault(d.name(), ""));
    }
    header.add("value");
    tags.add(o.hxlTags().getOrDefault("value", "#affected"));
    header.add("status");
    tags.add(o.hxlTags().getOrDefault("status", "#status"));
    rows.add(header);
    rows.add(tags);
    for (ProtectedTable.Cell c : table.cells()) {
      List<String> row = new ArrayList<>(c.nodes());
      row.add(display(c, o));
      row.add(c.status().token());
      rows.add(row);
    }
    return rows;
  }

  /**
   * The display value of a cell: its value, or the label when it is suppressed or hidden.
   *
   * @param c the cell
   * @param o the options
   * @return the text to show
   */
  public static String display(ProtectedTable.Cell c, OutputOptions o) {
    return c.value().isPresent() ? Long.toString(c.value().getAsLong()) : o.suppressedLabel();
  }

  static String levelsJson(String table, List<ProtectionLevel> levels) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("protectionLevels", 1);
    root.put("table", table);
    root.put("notice", "confidential: the values and protection levels of the suppressed primary cells, for the"
        + " audit only; do not publish this file");
    List<Object> cells = new ArrayList<>();
    for (ProtectionLevel l : levels) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cell", l.nodes());
      m.put("value", l.value());
      m.put("lower", l.lower());
      m.put("upper", l.upper());
      if (l.respondent() >= 0) {
        m.put("respondent", l.respondent());
      }
      cells.add(m);
    }
    root.put("cells", cells);
    return json(root);
  }

  /**
   * The definition; a DP table's has {@code protection.noise} instead of a width (its accounting when known,
   * else its method), so that the audit refuses it rather than pass it.
   */
  static String definitionJson(ProtectedTable table, long minWidth, @Nullable String levelsFile,
      DpNoise.@Nullable Accounting dp) {
    if (!table.isDp()) {
      return definitionJson(table.definition(), minWidth, levelsFile);
    }
    Map<String, Object> root = definition(table.definition());
    root.put("protection", Map.of("noise", dp != null ? dp.metadata() : Map.of("method", table.method())));
    return json(root);
  }

  static String definitionJson(TableDefinition def, long minWidth, @Nullable String levelsFile) {
    Map<String, Object> root = definition(def);
    Map<String, Object> protection = new LinkedHashMap<>();
    protection.put("minWidth", minWidth);
    if (levelsFile != null) {
      protection.put("levels", levelsFile);
    }
    root.put("protection", protection);
    return json(root);
  }

  private static Map<String, Object> definition(TableDefinition def) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tableFormat", 1);
    root.put("name", def.name());
    List<Object> dims = new ArrayList<>();
    for (Dimension d : def.dimensions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.name());
      m.put("total", d.total());
      m.put("hierarchy", d.hierarchy());
      dims.add(m);
    }
    root.put("dimensions", dims);
    return root;
  }

  private static String displayJson(ProtectedTable t, OutputOptions o) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("table", t.definition().name());
    root.put("method", t.method());
    root.put("suppressedLabel", o.suppressedLabel());
    List<Object> cells = new ArrayList<>();
    for (ProtectedTable.Cell c : t.cells()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < c.nodes().size(); i++) {
        m.put(t.definition().dimensions().get(i).name(), c.nodes().get(i));
      }
      m.put("value", c.value().isPresent() ? c.value().getAsLong() : null);
      m.put("display", display(c, o));
      m.put("status", c.status().token());
      cells.add(m);
    }
    root.put("cells", cells);
    return json(root);
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new TableException("cannot render JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void line(StringBuilder sb, List<String> fields, OutputOptions o) {
    org.ctdc.schema.internal.CsvLine.append(sb, fields, org.ctdc.schema.internal.CsvLine.COMMA,
        org.ctdc.schema.CsvWriteOptions.defaults().withFormulaGuard(o.formulaGuard()));
  }
}
