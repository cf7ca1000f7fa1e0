package org.ctdc.portal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ctdc.portal.PortalException;
import org.ctdc.portal.internal.Model.Cell;
import org.ctdc.portal.internal.Model.DataFile;
import org.ctdc.portal.internal.Model.DatasetEntry;
import org.ctdc.portal.internal.Model.Dim;
import org.ctdc.portal.internal.Model.Kind;
import org.ctdc.portal.internal.Model.Protection;
import org.ctdc.portal.internal.Model.Releases;
import org.ctdc.portal.internal.Model.TableEntry;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaFiles;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.Variable;
import org.ctdc.schema.internal.Shown;

/**
 * Reads release folders into the portal's {@link Model}. What a folder may hold (docs/portal.md): tables
 * ({@code NAME.csv} with {@code NAME.table.json}, optionally {@code NAME.json} and {@code NAME.hxl.csv}), a
 * synthetic dataset (a folder with {@code aggregates-metadata.json}: its {@code aggregates.csv} and one other CSV,
 * the schema named by {@code synth.yaml}) and de-identified datasets ({@code NAME.csv} with
 * {@code NAME-schema.yaml}, the protection from {@code deid.yaml} and {@code deid-report.json}). Reports are read
 * for parameters and rates only and never copied. A confidential levels file ({@code *.levels.json}) is refused.
 * Stateless; thread-safe.
 */
public final class ReleaseReader {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private ReleaseReader() {}

  /**
   * Reads every release folder.
   *
   * @param dirs the folders, in the order given
   * @param check called between files, to stop when cancelled
   * @return the model
   * @throws PortalException if a folder holds nothing publishable, a confidential file, or a file that breaks its
   *     format
   */
  public static Releases read(List<Path> dirs, Runnable check) {
    List<DatasetEntry> datasets = new ArrayList<>();
    List<TableEntry> tables = new ArrayList<>();
    Map<String, Long> partners = new LinkedHashMap<>();
    Set<String> folders = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Path dir : dirs) {
      check.run();
      if (!Files.isDirectory(dir)) {
        throw new PortalException(Shown.file(dir) + ": not a folder (--release names a release folder)");
      }
      String folder = unique("data/" + slug(name(dir)), folders);
      int before = datasets.size() + tables.size();
      List<Path> files = list(dir);
      for (Path f : files) {
        if (name(f).endsWith(".levels.json")) {
          throw new PortalException(Shown.file(f) + ": a confidential protection-levels file: it must never be"
              + " published (keep it with the microdata, outside the release folder)");
        }
      }
      Set<String> used = new HashSet<>();
      for (Path f : files) {
        String n = name(f);
        if (n.endsWith(".table.json")) {
          String stem = n.substring(0, n.length() - ".table.json".length());
          Path csv = dir.resolve(stem + ".csv");
          if (!Files.isRegularFile(csv)) {
            throw new PortalException(Shown.file(f) + ": the table's cells (" + Shown.name(stem + ".csv")
                + ") are not beside its definition");
          }
          check.run();
          tables.add(table(dir, stem, folder, unique(slug(stem), ids)));
          used.add(stem + ".csv");
          used.add(stem + ".hxl.csv");
        }
      }
      if (Files.isRegularFile(dir.resolve("aggregates-metadata.json"))) {
        used.add("aggregates.csv");
        List<Path> csvs = files.stream().filter(p -> name(p).endsWith(".csv") && !used.contains(name(p))).toList();
        if (csvs.size() != 1) {
          throw new PortalException(Shown.file(dir) + ": a synthesis folder (aggregates-metadata.json) must hold"
              + " exactly one synthetic CSV beside aggregates.csv, found " + csvs.size());
        }
        check.run();
        datasets.add(synthetic(dir, csvs.get(0), folder, ids));
        used.add(name(csvs.get(0)));
      }
      for (Path f : files) {
        String n = name(f);
        if (!n.endsWith(".csv") || used.contains(n)) {
          continue;
        }
        String stem = n.substring(0, n.length() - 4);
        Path schemaFile = dir.resolve(stem + "-schema.yaml");
        if (!Files.isRegularFile(schemaFile)) {
          throw new PortalException(Shown.file(f) + ": no schema beside it (" + Shown.name(stem + "-schema.yaml")
              + "), and it is neither a table nor a synthetic dataset: nothing is published without a codebook");
        }
        check.run();
        datasets.add(deid(dir, f, schemaFile, folder, ids));
      }
      if (datasets.size() + tables.size() == before) {
        throw new PortalException(Shown.file(dir) + ": nothing to publish (no table, synthetic or de-identified"
            + " dataset: docs/portal.md)");
      }
      provenance(dir).forEach(partners::putIfAbsent);
    }
    return new Releases(List.copyOf(datasets), List.copyOf(tables), partners);
  }

  private static DatasetEntry deid(Path dir, Path csv, Path schemaFile, String folder, Set<String> ids) {
    Schema schema = SchemaFiles.read(schemaFile);
    Schema released = restrict(schema, header(csv));
    DatasetCsv.ReadResult read = readData(csv, released);
    String stem = stem(csv);
    OptionalInt k = OptionalInt.empty();
    Optional<String> l = Optional.empty();
    OptionalDouble limit = OptionalDouble.empty();
    List<String> qis = new ArrayList<>();
    Path config = dir.resolve("deid.yaml");
    if (Files.isRegularFile(config)) {
      JsonNode c = tree(YAML, config);
      for (JsonNode m : c.path("models")) {
        if (m.path("k").isInt()) {
          k = OptionalInt.of(m.path("k").asInt());
        }
        JsonNode dl = m.path("distinctL");
        if (dl.isObject()) {
          l = Optional.of("distinct " + dl.path("l").asInt() + "-diversity of " + dl.path("variable").asText());
        }
      }
      if (c.path("suppressionLimit").isNumber()) {
        limit = OptionalDouble.of(c.path("suppressionLimit").asDouble());
      }
      for (JsonNode q : c.path("quasiIdentifiers")) {
        qis.add(q.path("name").asText());
      }
    }
    OptionalDouble rate = OptionalDouble.empty();
    Optional<Path> report = besideOrAbove(dir, "deid-report.json");
    if (report.isPresent()) {
      JsonNode r = tree(JSON, report.get());
      if (r.path("result").path("suppressionRate").isNumber()) {
        rate = OptionalDouble.of(r.path("result").path("suppressionRate").asDouble());
      }
      if (k.isEmpty() && r.path("parameters").path("k").isInt()) {
        k = OptionalInt.of(r.path("parameters").path("k").asInt());
      }
    }
    String id = unique(slug(name(dir) + "-" + stem), ids);
    List<DataFile> files = List.of(
        new DataFile(csv, site(folder, name(csv)), "csv", "the released records"),
        new DataFile(schemaFile, site(folder, name(schemaFile)), "yaml", "the schema (codebook) as a schema file"));
    String title = schema.description().isBlank() ? schema.id() : schema.description();
    Protection p = new Protection(k, l, limit, rate, List.copyOf(qis), Optional.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty(), false);
    return new DatasetEntry(id, title, Kind.DEID, released, read.dataset(), files.get(0), files, p);
  }

  private static DatasetEntry synthetic(Path dir, Path csv, String folder, Set<String> ids) {
    Path config = dir.resolve("synth.yaml");
    Schema schema;
    if (Files.isRegularFile(config) && tree(YAML, config).path("schema").isTextual()) {
      String spec = tree(YAML, config).path("schema").asText();
      if (spec.endsWith(".yaml") || spec.endsWith(".yml") || spec.endsWith(".json")) {
        spec = dir.resolve(spec).toString();
      }
      schema = Schemas.resolve(spec);
    } else {
      throw new PortalException(Shown.file(dir) + ": a synthesis folder needs synth.yaml with the key 'schema'"
          + " (the codebook of the synthetic records)");
    }
    Schema released = restrict(schema, header(csv));
    DatasetCsv.ReadResult read = readData(csv, released);
    Path metaFile = dir.resolve("aggregates-metadata.json");
    JsonNode acc = tree(JSON, metaFile).path("accounting");
    JsonNode budget = acc.path("budget");
    Protection p = new Protection(OptionalInt.empty(), Optional.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), List.of(),
        acc.path("mode").isTextual() ? Optional.of(acc.path("mode").asText()) : Optional.empty(),
        budget.path("epsilon").isNumber() ? OptionalDouble.of(budget.path("epsilon").asDouble()) : OptionalDouble.empty(),
        budget.path("delta").isNumber() ? OptionalDouble.of(budget.path("delta").asDouble()) : OptionalDouble.empty(),
        acc.path("reportingLength").isInt() ? OptionalInt.of(acc.path("reportingLength").asInt()) : OptionalInt.empty(),
        acc.path("resolution").isInt() ? OptionalInt.of(acc.path("resolution").asInt()) : OptionalInt.empty(),
        acc.has("seed") && !acc.path("seed").isNull());
    String id = unique(slug(name(dir) + "-" + stem(csv)), ids);
    List<DataFile> files = new ArrayList<>();
    files.add(new DataFile(csv, site(folder, name(csv)), "csv", "the synthetic records"));
    if (Files.isRegularFile(dir.resolve("aggregates.csv"))) {
      files.add(new DataFile(dir.resolve("aggregates.csv"), site(folder, "aggregates.csv"), "csv",
          "the protected counts of every attribute combination the records were made from"));
    }
    files.add(new DataFile(metaFile, site(folder, "aggregates-metadata.json"), "json",
        "the accounting of the aggregates (mode, budget, noise)"));
    String title = "Synthetic records in the " + schema.id() + " layout";
    return new DatasetEntry(id, title, Kind.SYNTHETIC, released, read.dataset(), files.get(0), List.copyOf(files), p);
  }

  private static TableEntry table(Path dir, String stem, String folder, String id) {
    Path defFile = dir.resolve(stem + ".table.json");
    JsonNode def = tree(JSON, defFile);
    List<Dim> dims = new ArrayList<>();
    for (JsonNode d : def.path("dimensions")) {
      String total = d.path("total").isTextual() ? d.path("total").asText() : "Total";
      Map<String, List<String>> h = new LinkedHashMap<>();
      d.path("hierarchy").fields().forEachRemaining(e -> {
        List<String> children = new ArrayList<>();
        e.getValue().forEach(c -> children.add(c.asText()));
        h.put(e.getKey(), List.copyOf(children));
      });
      List<String> nodes = new ArrayList<>();
      Map<String, Integer> depth = new HashMap<>();
      walk(total, 0, h, nodes, depth, new HashSet<>());
      dims.add(new Dim(d.path("name").asText(), total, h, List.copyOf(nodes), Map.copyOf(depth)));
    }
    if (dims.isEmpty()) {
      throw new PortalException(Shown.file(defFile) + ": field 'dimensions': a table needs at least one dimension");
    }
    Path csv = dir.resolve(stem + ".csv");
    List<Cell> cells = new ArrayList<>();
    List<String[]> rows = csvRows(csv);
    if (rows.isEmpty()) {
      throw new PortalException(Shown.file(csv) + ": line 1: the header is missing");
    }
    String[] header = rows.get(0);
    int[] dimCol = new int[dims.size()];
    int valueCol = indexOf(header, "value");
    int statusCol = indexOf(header, "status");
    for (int i = 0; i < dims.size(); i++) {
      dimCol[i] = indexOf(header, dims.get(i).name());
      if (dimCol[i] < 0) {
        throw new PortalException(Shown.file(csv) + ": line 1: no column for the dimension "
            + Shown.name(dims.get(i).name()));
      }
    }
    if (valueCol < 0 || statusCol < 0) {
      throw new PortalException(Shown.file(csv) + ": line 1: the columns 'value' and 'status' are needed");
    }
    for (int r = 1; r < rows.size(); r++) {
      String[] row = rows.get(r);
      if (row.length != header.length) {
        throw new PortalException(Shown.file(csv) + ": line " + (r + 1) + ": " + row.length + " fields, the header has "
            + header.length);
      }
      List<String> nodes = new ArrayList<>();
      for (int i = 0; i < dims.size(); i++) {
        String node = unguard(row[dimCol[i]]);
        if (!dims.get(i).depth().containsKey(node)) {
          throw new PortalException(Shown.file(csv) + ": line " + (r + 1) + ": column " + Shown.name(dims.get(i).name())
              + ": a code that is not in the table's definition");
        }
        nodes.add(node);
      }
      String status = row[statusCol];
      if (!Pages.STATUSES.containsKey(status)) {
        throw new PortalException(Shown.file(csv) + ": line " + (r + 1) + ": column status: not a cell status ("
            + String.join(", ", Pages.STATUSES.keySet()) + ")");
      }
      String value = row[valueCol];
      if (!value.isEmpty() && !value.matches("[0-9]+(\\.[0-9]+)?")) {
        throw new PortalException(Shown.file(csv) + ": line " + (r + 1) + ": column value: not a non-negative number");
      }
      cells.add(new Cell(List.copyOf(nodes), value, status));
    }
    String method = cells.stream().anyMatch(c -> c.value().isEmpty()) ? "suppression" : "none";
    String label = "<11";
    List<DataFile> files = new ArrayList<>();
    files.add(new DataFile(csv, site(folder, stem + ".csv"), "csv", "the cells (machine-readable, the audit's format)"));
    files.add(new DataFile(defFile, site(folder, stem + ".table.json"), "json", "the table's definition"));
    Path display = dir.resolve(stem + ".json");
    if (Files.isRegularFile(display)) {
      JsonNode d = tree(JSON, display);
      method = d.path("method").isTextual() ? d.path("method").asText() : method;
      label = d.path("suppressedLabel").isTextual() ? d.path("suppressedLabel").asText() : label;
      files.add(new DataFile(display, site(folder, stem + ".json"), "json", "the cells with their display labels"));
    }
    Map<String, String> hxl = new LinkedHashMap<>();
    Path hxlFile = dir.resolve(stem + ".hxl.csv");
    if (Files.isRegularFile(hxlFile)) {
      List<String[]> h = csvRows(hxlFile);
      if (h.size() >= 2) {
        for (int i = 0; i < h.get(0).length && i < h.get(1).length; i++) {
          if (h.get(1)[i].startsWith("#")) {
            hxl.put(unguard(h.get(0)[i]), h.get(1)[i]);
          }
        }
      }
      files.add(new DataFile(hxlFile, site(folder, stem + ".hxl.csv"), "csv", "the cells with an HXL hashtag row"));
    }
    Optional<String> threshold = Optional.empty();
    Optional<Path> report = besideOrAbove(dir, "tables-report.json");
    if (report.isPresent()) {
      JsonNode t = tree(JSON, report.get()).path("rules").path("threshold");
      if (t.isValueNode() && !t.isNull()) {
        threshold = Optional.of(t.asText());
      }
    }
    return new TableEntry(id, def.path("name").asText(stem), List.copyOf(dims), List.copyOf(cells), method, label,
        threshold, Map.copyOf(hxl), files.get(0), List.copyOf(files));
  }

  private static void walk(String node, int d, Map<String, List<String>> h, List<String> nodes,
      Map<String, Integer> depth, Set<String> seen) {
    if (!seen.add(node) || d > 64) {
      return;
    }
    nodes.add(node);
    depth.put(node, d);
    for (String c : h.getOrDefault(node, List.of())) {
      walk(c, d + 1, h, nodes, depth, seen);
    }
  }

  /** Partners and their record counts from an alignment report beside the folder or in its parent. */
  private static Map<String, Long> provenance(Path dir) {
    Map<String, Long> out = new TreeMap<>();
    Optional<Path> report = besideOrAbove(dir, "alignment-report.json");
    if (report.isPresent()) {
      tree(JSON, report.get()).path("merged").path("rowsByPartner").fields().forEachRemaining(e -> {
        JsonNode v = e.getValue();
        out.put(e.getKey(), v.isNumber() ? v.asLong() : -1L);
      });
    }
    return out;
  }

  private static Optional<Path> besideOrAbove(Path dir, String name) {
    Path here = dir.resolve(name);
    if (Files.isRegularFile(here)) {
      return Optional.of(here);
    }
    Path parent = dir.toAbsolutePath().normalize().getParent();
    if (parent != null && Files.isRegularFile(parent.resolve(name))) {
      return Optional.of(parent.resolve(name));
    }
    return Optional.empty();
  }

  /** The schema's variables named by the header, in the header's order; a column without variable is refused. */
  private static Schema restrict(Schema schema, List<String> header) {
    Schema.Builder b = Schema.builder(schema.name(), schema.version()).description(schema.description())
        .sources(schema.sources()).format(schema.format()).notes(schema.notes());
    for (String column : header) {
      Variable v = schema.variable(column.strip()).orElse(null);
      if (v == null) {
        throw new PortalException("column " + Shown.name(column) + ": not a variable of the schema " + Shown.name(schema.id()));
      }
      b.add(v);
    }
    return b.build();
  }

  private static DatasetCsv.ReadResult readData(Path csv, Schema schema) {
    DatasetCsv.ReadResult read = DatasetCsv.read(csv, schema, DatasetCsv.CsvOptions.defaults().withErrorLimit(1));
    if (!read.report().isValid()) {
      throw new PortalException(Shown.file(csv) + ": breaks its schema " + Shown.name(schema.id()) + ": "
          + read.report().summary());
    }
    return read;
  }

  private static List<String> header(Path csv) {
    List<String[]> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(r)) {
      if (it.hasNext()) {
        rows.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      throw unreadable(csv, e);
    }
    if (rows.isEmpty()) {
      throw new PortalException(Shown.file(csv) + ": line 1: the header is missing");
    }
    return List.of(rows.get(0));
  }

  private static List<String[]> csvRows(Path csv) {
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(r)) {
      List<String[]> rows = new ArrayList<>();
      while (it.hasNext()) {
        rows.add(it.next());
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw unreadable(csv, e);
    }
  }

  private static JsonNode tree(ObjectMapper mapper, Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonNode n = mapper.readTree(r);
      if (n == null || !n.isObject()) {
        throw new PortalException(Shown.file(file) + ": not an object at the top");
      }
      return n;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new PortalException(Shown.file(file) + ": line " + line + ": cannot be read ("
          + (e.getClass().getSimpleName().contains("Duplicate") || String.valueOf(e.getOriginalMessage()).startsWith("Duplicate")
              ? "a key given twice" : "a syntax error") + ")", null);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static PortalException unreadable(Path file, Exception e) {
    if (e instanceof CtdcException c) {
      throw c;
    }
    return new PortalException(Shown.file(file) + ": cannot be read", null);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !name(p).startsWith("."))
          .sorted((a, b) -> name(a).compareTo(name(b))).toList();
    } catch (IOException e) {
      throw new PortalException(Shown.file(dir) + ": the folder cannot be listed", null);
    }
  }

  /** A cell that the formula guard wrote with a {@code '} in front reads as the label itself. */
  private static String unguard(String s) {
    return s.startsWith("'") && s.length() > 1 && "=+-@\t\r".indexOf(s.charAt(1)) >= 0 ? s.substring(1) : s;
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (unguard(header[i].strip()).equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A released file's path in the site: only {@code A-Z a-z 0-9 . _ -} in its name, never a leading dot. */
  private static String site(String folder, String file) {
    StringBuilder b = new StringBuilder();
    for (char c : file.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-';
      b.append(ok ? c : '-');
    }
    if (b.length() > 0 && b.charAt(0) == '.') {
      b.setCharAt(0, '-');
    }
    return folder + "/" + b;
  }

  private static String name(Path p) {
    Path n = p.toAbsolutePath().normalize().getFileName();
    return n == null ? "release" : n.toString();
  }

  private static String stem(Path csv) {
    String n = name(csv);
    return n.endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
  }

  /**
   * A name fit for a URL and a Data Package resource name: lower case ASCII letters, digits and {@code -}.
   *
   * @param s any text
   * @return the slug, never empty
   */
  public static String slug(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (ok) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    if (b.length() > 80) {
      b.setLength(80);
    }
    return b.length() == 0 ? "x" : b.toString();
  }

  private static String unique(String s, Set<String> taken) {
    String candidate = s;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = s + "-" + i;
    }
    return candidate;
  }
}
