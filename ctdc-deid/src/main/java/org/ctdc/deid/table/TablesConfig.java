package org.ctdc.deid.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;

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
 * @param dp the settings of {@link Method#DP}: present exactly when the method is DP
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
    List<TableSpec> tables,
    Optional<DpNoise> dp) {

  /** The protection method. */
  public enum Method {
    /** Primary and secondary cell suppression, audited. */
    SUPPRESSION,
    /** Every cell rounded independently to a multiple of the base. */
    ROUND_TO_BASE,
    /** Every cell rounded down to a multiple of the resolution; counts below it hidden. */
    ROUND_DOWN,
    /** Cell-key perturbation with a perturbation table. */
    CELL_KEY,
    /**
     * Differentially private counts: discrete Gaussian or discrete Laplace noise on every inner cell, margins
     * summed from them ({@link DpNoise}).
     */
    DP
  }

  /**
   * One table of the configuration.
   *
   * @param name the table's name
   * @param dimensions the dimension names
   * @param margins per dimension name, the published margins (absent: all)
   * @param magnitude the variable summed in a magnitude table
   * @param flagGroup the flags of a flag group (one table per flag), empty otherwise
   * @param publish partial publication: the published cross-cells, each pattern mapping every dimension of
   *     the table to the nodes it allows (a dimension not named in the file is at its total); empty: every
   *     combination of published nodes
   */
  public record TableSpec(String name, List<String> dimensions, Map<String, Set<String>> margins,
      Optional<String> magnitude, List<String> flagGroup, List<Map<String, Set<String>>> publish) {
    /** Copies. */
    public TableSpec {
      dimensions = List.copyOf(dimensions);
      margins = Map.copyOf(margins);
      flagGroup = List.copyOf(flagGroup);
      List<Map<String, Set<String>>> pub = new ArrayList<>();
      for (Map<String, Set<String>> pattern : publish) {
        pub.add(new TableDefinition.CrossCells(pattern).nodes());
      }
      publish = List.copyOf(pub);
    }

    /**
     * A table that publishes every combination of its published nodes.
     *
     * @param name the table's name
     * @param dimensions the dimension names
     * @param margins per dimension name, the published margins (absent: all)
     * @param magnitude the variable summed in a magnitude table
     * @param flagGroup the flags of a flag group (one table per flag), empty otherwise
     */
    public TableSpec(String name, List<String> dimensions, Map<String, Set<String>> margins,
        Optional<String> magnitude, List<String> flagGroup) {
      this(name, dimensions, margins, magnitude, flagGroup, List.of());
    }
  }

  /**
   * Copies and validates.
   *
   * @throws IllegalArgumentException if {@code dp} is present while the method is not {@link Method#DP} or
   *     absent while it is, or if a DP configuration has a magnitude table (DP here protects counts only)
   */
  public TablesConfig {
    dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    variables = Map.copyOf(variables);
    leafMaps = Map.copyOf(leafMaps);
    tables = List.copyOf(tables);
    Objects.requireNonNull(dp, "dp");
    if (dp.isPresent() != (method == Method.DP)) {
      throw new IllegalArgumentException("dp: the DP settings are given exactly when the method is dp");
    }
    if (method == Method.DP && tables.stream().anyMatch(t -> t.magnitude().isPresent())) {
      throw new IllegalArgumentException("magnitude: method dp protects count tables only");
    }
  }

  /**
   * A configuration of a method other than {@link Method#DP}.
   *
   * @param schema the schema name, NAME@VERSION or schema file of the input CSV
   * @param method the protection method
   * @param base the base of {@link Method#ROUND_TO_BASE}
   * @param resolution the resolution of {@link Method#ROUND_DOWN}
   * @param cellKeySeed the seed of the record keys of {@link Method#CELL_KEY}
   * @param perturbationTable a ptable-layout CSV, or empty for the standard table
   * @param recordKey the identifier variable that stores each record's key for {@link Method#CELL_KEY}
   * @param rules the suppression rules
   * @param output the output options
   * @param dimensions the dimensions by name
   * @param variables the variable bound to each dimension
   * @param leafMaps the code → leaf map of each dimension that has one
   * @param tables the tables
   * @throws IllegalArgumentException if the method is {@link Method#DP}
   */
  public TablesConfig(String schema, Method method, int base, int resolution, long cellKeySeed,
      Optional<Path> perturbationTable, Optional<String> recordKey, SuppressionRules rules, OutputOptions output,
      Map<String, Dimension> dimensions, Map<String, String> variables, Map<String, Map<String, String>> leafMaps,
      List<TableSpec> tables) {
    this(schema, method, base, resolution, cellKeySeed, perturbationTable, recordKey, rules, output, dimensions,
        variables, leafMaps, tables, Optional.empty());
  }

  /**
   * The number of count tables the configuration publishes: one per table, one per flag of a flag group. A
   * {@link Method#DP} budget is split evenly over them ({@link DpNoise#accounting(int)}).
   *
   * @return the number of tables
   */
  public int tableCount() {
    return count(tables);
  }

  private static int count(List<TableSpec> tables) {
    int n = 0;
    for (TableSpec t : tables) {
      n += t.flagGroup().isEmpty() ? 1 : t.flagGroup().size();
    }
    return n;
  }
  /**
   * A copy with other output options, such as the formula guard turned off for machine consumers.
   *
   * @param options the output options
   * @return the configuration
   */
  public TablesConfig withOutput(OutputOptions options) {
    return new TablesConfig(schema, method, base, resolution, cellKeySeed, perturbationTable, recordKey, rules,
        options, dimensions, variables, leafMaps, tables, dp);
  }


  /**
   * Reads a configuration file.
   *
   * @param file the YAML file
   * @return the configuration
   * @throws TableException naming the file and key when it is unreadable or invalid
   */
  public static TablesConfig read(Path file) {
    String source = file.toString();
    return tree(StrictTree.read(file, failure(source)), source, StrictTree.folder(file));
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
    return tree(StrictTree.parse(yaml, StrictTree.Format.YAML, failure(source)), source, baseDir.toAbsolutePath());
  }

  private static StrictTree.Failure failure(String source) {
    return (path, rule) -> new TableException(source + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
  }

  private static TablesConfig tree(JsonNode root, String source, Path baseDir) {
    try {
      return parse(root, source, baseDir);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a setting refused by a Java-side check that no key below caught: its message names the setting and
      // quotes no file content; not kept as the cause, as no parser's exception is
      throw new TableException(source + ": " + e.getMessage());
    } catch (TableException e) {
      // rules checked by Dimension and TableDefinition do not know the file
      throw e.getMessage().startsWith(source + ": ") ? e : new TableException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a setter of {@link SuppressionRules} or {@link OutputOptions} for a key of the file: the setter's
   * {@link IllegalArgumentException} becomes a {@link TableException} naming the file, the key and the
   * rule. Its message names the Java setting and quotes no file content; it is not kept as the cause.
   */
  private static <T> T at(P p, String key, Supplier<T> setter) {
    try {
      return setter.get();
    } catch (IllegalArgumentException e) {
      throw p.err(key, String.valueOf(e.getMessage()));
    }
  }

  private static final String[] TOP_KEYS = {"tablesConfig", "schema", "method", "base", "resolution",
      "cellKeySeed", "recordKey", "perturbationTable", "rules", "output", "dimensions", "tables", "dp"};

  private static TablesConfig parse(JsonNode root, String source, Path baseDir) {
    StrictTree.Failure f = failure(source);
    if (!root.isObject()) {
      throw new TableException(source + ": the configuration must be a mapping");
    }
    StrictTree.keys(root, "", f, TOP_KEYS);
    P p = new P(source);
    if (!root.has("tablesConfig") || StrictTree.integer(root, "tablesConfig", "", f, -1) != 1) {
      throw p.err("tablesConfig", "must be 1");
    }
    String schema = StrictTree.schemaReference(baseDir, StrictTree.text(root, "schema", "", f));
    Method method = switch (StrictTree.text(root, "method", "", f, "suppression")) {
      case "suppression" -> Method.SUPPRESSION;
      case "round-to-base" -> Method.ROUND_TO_BASE;
      case "round-down" -> Method.ROUND_DOWN;
      case "cell-key" -> Method.CELL_KEY;
      case "dp" -> Method.DP;
      default -> throw p.err("method", "must be suppression, round-to-base, round-down, cell-key or dp");
    };
    int base = StrictTree.integer(root, "base", "", f, 5);
    int resolution = StrictTree.integer(root, "resolution", "", f, 10);
    if (base < 1 || resolution < 1) {
      throw p.err("base/resolution", "must be at least 1");
    }
    long seed = StrictTree.integer(root, "cellKeySeed", "", f, 0L);
    Optional<Path> ptable = root.has("perturbationTable")
        ? Optional.of(StrictTree.file(baseDir, StrictTree.text(root, "perturbationTable", "", f))) : Optional.empty();
    Optional<String> recordKey = Optional.empty();
    if (root.has("recordKey")) {
      recordKey = Optional.of(StrictTree.text(root, "recordKey", "", f));
    }
    SuppressionRules rules = rules(root, f, p);
    JsonNode out = StrictTree.object(root, "output", "", f, "suppressedLabel", "hxl");
    Map<String, String> hxl = new LinkedHashMap<>();
    JsonNode hx = StrictTree.dataMap(out, "hxl", "output", f);
    hx.fieldNames().forEachRemaining(k -> hxl.put(k, StrictTree.text(hx, k, "output.hxl", f)));
    String label = StrictTree.text(out, "suppressedLabel", "output", f, "..");
    // the label is non-blank (StrictTree.text) and the width checked under rules: only a tag is left
    OutputOptions output = at(p, "output.hxl", () -> new OutputOptions(label, rules.minWidth(), hxl));
    Map<String, Dimension> dims = new LinkedHashMap<>();
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    if (!root.path("dimensions").isArray()) {
      throw p.err("dimensions", "must be a list");
    }
    int i = 0;
    for (JsonNode d : root.path("dimensions")) {
      String key = "dimensions[" + i++ + "]";
      StrictTree.keys(d, key, f, "name", "variable", "total", "hierarchy", "leaves", "map");
      String name = StrictTree.text(d, "name", key, f);
      String total = StrictTree.text(d, "total", key, f, "Total");
      Dimension dim;
      if (d.has("hierarchy") && d.has("leaves")) {
        throw p.err(key, "has both 'leaves' and 'hierarchy'; give one");
      }
      if (d.has("hierarchy")) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        JsonNode hn = StrictTree.dataMap(d, "hierarchy", key, f);
        Iterator<String> it = hn.fieldNames();
        while (it.hasNext()) {
          String parent = it.next();
          h.put(parent, StrictTree.texts(hn, parent, key + ".hierarchy", f));
        }
        dim = Dimension.hierarchical(name, total, h);
      } else if (d.has("leaves")) {
        dim = Dimension.flat(name, total, StrictTree.texts(d, "leaves", key, f));
      } else {
        throw p.err(key, "needs 'leaves' or 'hierarchy'");
      }
      if (dims.put(name, dim) != null) {
        throw p.err(key, "dimension '" + Shown.name(name) + "' is defined twice");
      }
      vars.put(name, StrictTree.text(d, "variable", key, f, name));
      if (d.has("map")) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode mn = StrictTree.dataMap(d, "map", key, f);
        mn.fieldNames().forEachRemaining(c -> m.put(c, StrictTree.text(mn, c, key + ".map", f)));
        maps.put(name, m);
      }
    }
    List<TableSpec> tables = new ArrayList<>();
    i = 0;
    JsonNode tablesNode = root.path("tables");
    if (!tablesNode.isMissingNode() && !tablesNode.isArray()) {
      throw p.err("tables", "must be a list");
    }
    for (JsonNode t : tablesNode) {
      String key = "tables[" + i++ + "]";
      StrictTree.keys(t, key, f, "name", "dimensions", "margins", "magnitude", "flagGroup", "publish");
      String name = StrictTree.text(t, "name", key, f);
      List<String> tdims = StrictTree.texts(t, "dimensions", key, f);
      for (String dn : tdims) {
        if (!dims.containsKey(dn)) {
          throw p.err(key + ".dimensions", "unknown dimension '" + Shown.name(dn) + "'");
        }
      }
      Map<String, Set<String>> margins = new LinkedHashMap<>();
      JsonNode mg = StrictTree.dataMap(t, "margins", key, f);
      mg.fieldNames().forEachRemaining(dn -> {
        if (!tdims.contains(dn)) {
          throw p.err(key + ".margins", "unknown key '" + Shown.name(dn) + "' (known: the table's dimensions "
              + String.join(", ", tdims.stream().map(Shown::name).toList()) + ")");
        }
        margins.put(dn, new LinkedHashSet<>(StrictTree.texts(mg, dn, key + ".margins", f)));
      });
      Optional<String> mag = t.has("magnitude") ? Optional.of(StrictTree.text(t, "magnitude", key, f)) : Optional.empty();
      if (mag.isPresent() && method == Method.DP) {
        throw p.err(key + ".magnitude", "method dp protects count tables only (a sum needs a bound on each"
            + " contribution)");
      }
      List<Map<String, Set<String>>> publish = publish(t, key, tdims, dims, f, p);
      tables.add(new TableSpec(name, tdims, margins, mag, StrictTree.texts(t, "flagGroup", key, f), publish));
    }
    if (tables.isEmpty()) {
      throw p.err("tables", "at least one table is required");
    }
    Optional<DpNoise> dp = dp(root, method, count(tables), f, p);
    return new TablesConfig(schema, method, base, resolution, seed, ptable, recordKey, rules, output, dims, vars, maps,
        tables, dp);
  }

  /**
   * The {@code dp:} block: required with {@code method: dp}, refused with any other method. Each value goes
   * through its {@link DpNoise.Builder} setter at its own key; the budget's share per table is checked
   * against the samplers at the key of the budget.
   */
  private static Optional<DpNoise> dp(JsonNode root, Method method, int tables, StrictTree.Failure f, P p) {
    if (method != Method.DP) {
      if (root.has("dp")) {
        throw p.err("dp", "is for method dp only");
      }
      return Optional.empty();
    }
    if (!root.has("dp") || !root.get("dp").isObject()) {
      throw p.err("dp", "method dp needs a dp: mapping with mechanism and budget");
    }
    JsonNode d = StrictTree.object(root, "dp", "", f, "mechanism", "epsilon", "delta", "rho", "seed", "nonNegative");
    DpNoise.Mechanism m = switch (StrictTree.text(d, "mechanism", "dp", f, "gaussian")) {
      case "gaussian" -> DpNoise.Mechanism.GAUSSIAN;
      case "laplace" -> DpNoise.Mechanism.LAPLACE;
      default -> throw p.err("dp.mechanism", "must be gaussian or laplace");
    };
    DpNoise.Builder b = DpNoise.builder(m);
    for (String key : List.of("epsilon", "delta", "rho")) {
      if (d.has(key)) {
        double v = StrictTree.number(d, key, "dp", f, 0);
        atState(p, "dp." + key, () -> switch (key) {
          case "epsilon" -> b.epsilon(v);
          case "delta" -> b.delta(v);
          default -> b.rho(v);
        });
      }
    }
    if (d.has("seed")) {
      b.seed(StrictTree.integer(d, "seed", "dp", f, 0L));
    }
    b.nonNegative(StrictTree.bool(d, "nonNegative", "dp", f, true));
    DpNoise dp = atState(p, "dp", b::build);
    atState(p, dp.rho().isPresent() ? "dp.rho" : "dp.epsilon", () -> dp.accounting(tables));
    return Optional.of(dp);
  }

  /** As {@link #at}, for a setter that may also refuse a conflicting setting (IllegalStateException). */
  private static <T> T atState(P p, String key, Supplier<T> setter) {
    try {
      return setter.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw p.err(key, String.valueOf(e.getMessage()));
    }
  }

  /**
   * The {@code publish:} list of a table: each entry maps dimensions of the table to {@code all},
   * {@code leaves}, {@code margins}, {@code total} or a list of node names; a dimension not named is at its
   * total.
   */
  private static List<Map<String, Set<String>>> publish(JsonNode t, String key, List<String> tdims,
      Map<String, Dimension> dims, StrictTree.Failure f, P p) {
    List<Map<String, Set<String>>> out = new ArrayList<>();
    JsonNode pub = t.get("publish");
    if (pub == null || pub.isNull()) {
      return out;
    }
    if (!pub.isArray() || pub.isEmpty()) {
      throw p.err(key + ".publish", "must be a non-empty list of cross-cell patterns");
    }
    for (int j = 0; j < pub.size(); j++) {
      String pk = key + ".publish[" + j + "]";
      JsonNode pattern = pub.get(j);
      StrictTree.keys(pattern, pk, f, tdims);
      Map<String, Set<String>> m = new LinkedHashMap<>();
      for (String dn : tdims) {
        Dimension d = Objects.requireNonNull(dims.get(dn)); // the table's dimensions were checked to exist
        JsonNode v = pattern.get(dn);
        String at = StrictTree.child(pk, dn);
        Set<String> nodes = new LinkedHashSet<>();
        if (v == null) {
          nodes.add(d.total());
        } else if (v.isTextual()) {
          switch (v.asText()) {
            case "all" -> nodes.addAll(d.nodes());
            case "leaves" -> nodes.addAll(d.leaves());
            case "margins" -> nodes.addAll(d.margins());
            case "total" -> nodes.add(d.total());
            default -> throw new TableException(p.source() + ": " + at
                + ": must be all, leaves, margins, total or a list of node names");
          }
        } else if (v.isArray()) {
          for (String node : StrictTree.texts(pattern, dn, pk, f)) {
            if (!d.contains(node)) {
              throw new TableException(p.source() + ": " + at + ": dimension '" + Shown.name(dn)
                  + "' has no node '" + Shown.name(node) + "'");
            }
            nodes.add(node);
          }
          if (nodes.isEmpty()) {
            throw new TableException(p.source() + ": " + at + ": the list of nodes is empty");
          }
        } else {
          throw new TableException(p.source() + ": " + at
              + ": must be all, leaves, margins, total or a list of node names");
        }
        m.put(dn, nodes);
      }
      out.add(m);
    }
    return out;
  }

  private static SuppressionRules rules(JsonNode root, StrictTree.Failure f, P p) {
    JsonNode r = StrictTree.object(root, "rules", "", f, "threshold", "bound", "protectZeros", "dominance",
        "pPercent", "minContributors", "minWidth", "minWidthPercent", "forceGrandTotal");
    SuppressionRules d = SuppressionRules.ctdcDefaults();
    String bound = StrictTree.text(r, "bound", "rules", f, "<");
    SuppressionRules.ThresholdBound b = switch (bound) {
      case "<" -> SuppressionRules.ThresholdBound.LESS_THAN;
      case "≤", "<=" -> SuppressionRules.ThresholdBound.AT_MOST;
      default -> throw p.err("rules.bound", "must be '<' or '≤'");
    };
    JsonNode dom = StrictTree.object(r, "dominance", "rules", f, "n", "k");
    long threshold = StrictTree.integer(r, "threshold", "rules", f, d.threshold());
    int n = StrictTree.integer(dom, "n", "rules.dominance", f, 0);
    double k = StrictTree.number(dom, "k", "rules.dominance", f, 0);
    double pPercent = StrictTree.number(r, "pPercent", "rules", f, 0);
    int contributors = StrictTree.integer(r, "minContributors", "rules", f, 0);
    long width = StrictTree.integer(r, "minWidth", "rules", f, 1L);
    double widthPercent = StrictTree.number(r, "minWidthPercent", "rules", f, 0);
    // one setter per key, so that a value out of range is reported at its own key
    SuppressionRules t = at(p, "rules.threshold", () -> d.withThreshold(threshold, b));
    SuppressionRules dm = at(p, "rules.dominance", () -> t.withMagnitudeRules(n, k, 0, 0));
    SuppressionRules pp = at(p, "rules.pPercent", () -> dm.withMagnitudeRules(n, k, pPercent, 0));
    SuppressionRules mc = at(p, "rules.minContributors", () -> pp.withMagnitudeRules(n, k, pPercent, contributors));
    SuppressionRules mw = at(p, "rules.minWidth", () -> mc.withProtection(width, 0));
    SuppressionRules wp = at(p, "rules.minWidthPercent", () -> mw.withProtection(width, widthPercent));
    return wp.withProtectZeros(StrictTree.bool(r, "protectZeros", "rules", f, false))
        .withForceGrandTotal(StrictTree.bool(r, "forceGrandTotal", "rules", f, false));
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
