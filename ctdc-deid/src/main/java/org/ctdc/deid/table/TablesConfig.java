package org.ctdc.deid.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctdc.deid.internal.SafeYaml;

/**
 * The YAML configuration of {@code ctdc tables} ({@code tablesConfig: 1}, documented in
 * {@code docs/tables.md}): the schema of the input, the dimensions (each bound to a variable, flat or
 * hierarchical, with an optional code → leaf map), the tables (dimensions, published margins, magnitude
 * variable or flag group), the rules, the method and the output labels.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param schema the schema name, NAME@VERSION or schema file of the input CSV
 * @param method the protection method
 * @param base the base of {@link Method#ROUND_TO_BASE}
 * @param resolution the resolution of {@link Method#ROUND_DOWN}
 * @param cellKeySeed the seed of the record keys of {@link Method#CELL_KEY}
 * @param perturbationTable a ptable-layout CSV, or empty for the standard table
 * @param recordKey the identifier variable that stores each record's key for {@link Method#CELL_KEY}
 *     (decimal in {@code [0, 2^32)}), or empty to draw keys from {@code cellKeySeed} by row position
 * @param rules the suppression rules
 * @param output the output options
 * @param dimensions the dimensions by name
 * @param variables the variable bound to each dimension
 * @param leafMaps the code → leaf map of each dimension that has one
 * @param tables the tables
 */
public record TablesConfig(
    String schema,
    Method method,
    int base,
    int resolution,
    long cellKeySeed,
    Optional<Path> perturbationTable,
    Optional<String> recordKey,
    SuppressionRules rules,
    OutputOptions output,
    Map<String, Dimension> dimensions,
    Map<String, String> variables,
    Map<String, Map<String, String>> leafMaps,
    List<TableSpec> tables) {

  /** The protection method. */
  public enum Method {
    /** Primary and secondary cell suppression, audited. */
    SUPPRESSION,
    /** Every cell rounded independently to a multiple of the base. */
    ROUND_TO_BASE,
    /** Every cell rounded down to a multiple of the resolution; counts below it hidden. */
    ROUND_DOWN,
    /** Cell-key perturbation with a perturbation table. */
    CELL_KEY
  }

  /**
   * One table of the configuration.
   *
   * @param name the table's name
   * @param dimensions the dimension names
   * @param margins per dimension name, the published margins (absent: all)
   * @param magnitude the variable summed in a magnitude table
   * @param flagGroup the flags of a flag group (one table per flag), empty otherwise
   */
  public record TableSpec(String name, List<String> dimensions, Map<String, Set<String>> margins,
      Optional<String> magnitude, List<String> flagGroup) {
    /** Copies. */
    public TableSpec {
      dimensions = List.copyOf(dimensions);
      margins = Map.copyOf(margins);
      flagGroup = List.copyOf(flagGroup);
    }
  }

  /** Copies. */
  public TablesConfig {
    dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    variables = Map.copyOf(variables);
    leafMaps = Map.copyOf(leafMaps);
    tables = List.copyOf(tables);
  }
  /**
   * A copy with other output options, such as the formula guard turned off for machine consumers.
   *
   * @param options the output options
   * @return the configuration
   */
  public TablesConfig withOutput(OutputOptions options) {
    return new TablesConfig(schema, method, base, resolution, cellKeySeed, perturbationTable, recordKey, rules,
        options, dimensions, variables, leafMaps, tables);
  }


  /**
   * Reads a configuration file.
   *
   * @param file the YAML file
   * @return the configuration
   * @throws TableException naming the file and key when it is unreadable or invalid
   */
  public static TablesConfig read(Path file) {
    String text;
    try {
      text = SafeYaml.readText(file);
    } catch (IOException e) {
      throw new TableException(file + ": cannot read the tables configuration ("
          + (e.getClass() == IOException.class ? e.getMessage() : e.getClass().getSimpleName()) + ")");
    }
    return parse(text, file.toString(), file.toAbsolutePath().getParent());
  }

  /**
   * Parses a configuration.
   *
   * @param yaml the text
   * @param source the file name for messages
   * @param baseDir the directory that relative paths are resolved against
   * @return the configuration
   * @throws TableException naming the source and key when invalid
   */
  public static TablesConfig parse(String yaml, String source, Path baseDir) {
    JsonNode root = SafeYaml.parse(yaml, rule -> new TableException(source + ": " + rule));
    try {
      return parse(root, source, baseDir);
    } catch (TableException e) {
      // rules checked by Dimension, SuppressionRules and OutputOptions do not know the file
      throw e.getMessage().startsWith(source + ": ") ? e : new TableException(source + ": " + e.getMessage(), e);
    }
  }

  private static TablesConfig parse(JsonNode root, String source, Path baseDir) {
    if (!root.isObject()) {
      throw new TableException(source + ": the configuration must be a mapping");
    }
    P p = new P(source);
    if (root.path("tablesConfig").asInt(-1) != 1) {
      throw p.err("tablesConfig", "must be 1");
    }
    String schema = p.text(root, "schema");
    Method method = switch (root.path("method").asText("suppression")) {
      case "suppression" -> Method.SUPPRESSION;
      case "round-to-base" -> Method.ROUND_TO_BASE;
      case "round-down" -> Method.ROUND_DOWN;
      case "cell-key" -> Method.CELL_KEY;
      default -> throw p.err("method", "must be suppression, round-to-base, round-down or cell-key");
    };
    int base = root.path("base").asInt(5);
    int resolution = root.path("resolution").asInt(10);
    if (base < 1 || resolution < 1) {
      throw p.err("base/resolution", "must be at least 1");
    }
    long seed = root.path("cellKeySeed").asLong(0);
    Optional<Path> ptable = root.has("perturbationTable")
        ? Optional.of(baseDir.resolve(root.get("perturbationTable").asText())) : Optional.empty();
    Optional<String> recordKey = Optional.empty();
    if (root.has("recordKey")) {
      recordKey = Optional.of(p.text(root, "recordKey"));
    }
    SuppressionRules rules = rules(root.path("rules"), p);
    JsonNode out = root.path("output");
    Map<String, String> hxl = new LinkedHashMap<>();
    out.path("hxl").fields().forEachRemaining(e -> hxl.put(e.getKey(), e.getValue().asText()));
    OutputOptions output = new OutputOptions(out.path("suppressedLabel").asText(".."), rules.minWidth(), hxl);
    Map<String, Dimension> dims = new LinkedHashMap<>();
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    if (!root.path("dimensions").isArray()) {
      throw p.err("dimensions", "must be a list");
    }
    int i = 0;
    for (JsonNode d : root.path("dimensions")) {
      String key = "dimensions[" + i++ + "]";
      String name = p.text(d, "name", key);
      String total = d.path("total").asText("Total");
      Dimension dim;
      if (d.has("hierarchy")) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = d.get("hierarchy").fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          h.put(e.getKey(), strings(e.getValue()));
        }
        dim = Dimension.hierarchical(name, total, h);
      } else if (d.has("leaves")) {
        dim = Dimension.flat(name, total, strings(d.get("leaves")));
      } else {
        throw p.err(key, "needs 'leaves' or 'hierarchy'");
      }
      if (dims.put(name, dim) != null) {
        throw p.err(key, "dimension '" + SafeYaml.shown(name) + "' is defined twice");
      }
      vars.put(name, d.path("variable").asText(name));
      if (d.has("map")) {
        Map<String, String> m = new LinkedHashMap<>();
        d.get("map").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        maps.put(name, m);
      }
    }
    List<TableSpec> tables = new ArrayList<>();
    i = 0;
    for (JsonNode t : root.path("tables")) {
      String key = "tables[" + i++ + "]";
      String name = p.text(t, "name", key);
      List<String> tdims = strings(t.path("dimensions"));
      for (String dn : tdims) {
        if (!dims.containsKey(dn)) {
          throw p.err(key + ".dimensions", "unknown dimension '" + SafeYaml.shown(dn) + "'");
        }
      }
      Map<String, Set<String>> margins = new LinkedHashMap<>();
      t.path("margins").fields().forEachRemaining(e -> margins.put(e.getKey(), new LinkedHashSet<>(strings(e.getValue()))));
      Optional<String> mag = t.has("magnitude") ? Optional.of(t.get("magnitude").asText()) : Optional.empty();
      tables.add(new TableSpec(name, tdims, margins, mag, strings(t.path("flagGroup"))));
    }
    if (tables.isEmpty()) {
      throw p.err("tables", "at least one table is required");
    }
    return new TablesConfig(schema, method, base, resolution, seed, ptable, recordKey, rules, output, dims, vars, maps, tables);
  }

  private static SuppressionRules rules(JsonNode r, P p) {
    SuppressionRules d = SuppressionRules.ctdcDefaults();
    String bound = r.path("bound").asText("<");
    SuppressionRules.ThresholdBound b = switch (bound) {
      case "<" -> SuppressionRules.ThresholdBound.LESS_THAN;
      case "≤", "<=" -> SuppressionRules.ThresholdBound.AT_MOST;
      default -> throw p.err("rules.bound", "must be '<' or '≤'");
    };
    JsonNode dom = r.path("dominance");
    return new SuppressionRules(
        r.path("threshold").asLong(d.threshold()), b, r.path("protectZeros").asBoolean(false),
        dom.path("n").asInt(0), dom.path("k").asDouble(0), r.path("pPercent").asDouble(0),
        r.path("minContributors").asInt(0), r.path("minWidth").asLong(1), r.path("minWidthPercent").asDouble(0),
        r.path("forceGrandTotal").asBoolean(false));
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else if (!n.isMissingNode() && !n.isNull()) {
      out.add(n.asText());
    }
    return out;
  }

  private record P(String source) {
    TableException err(String key, String rule) {
      return new TableException(source + ": " + key + ": " + rule);
    }

    String text(JsonNode n, String field) {
      return text(n, field, field);
    }

    String text(JsonNode n, String field, String key) {
      JsonNode v = n.get(field);
      if (v == null || !v.isValueNode() || v.asText().isBlank()) {
        throw err(key + "." + field, "is required");
      }
      return v.asText();
    }
  }
}
