package org.ctdc.deid.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableDimension;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;

/**
 * Reads and writes {@code tableFormat: 1} definition JSON; reading uses the library's one strict reader set-up
 * (unknown and duplicate keys are errors naming the path and the key). Stateless, thread-safe.
 */
public final class DefinitionJson {
  /** The deepest nesting of objects and arrays read (a definition needs 4). */
  public static final int MAX_NESTING = StrictTree.MAX_NESTING;
  /** The largest definition file read, in bytes. */
  public static final long MAX_FILE_BYTES = StrictTree.MAX_FILE_BYTES;
  /** The longest string (a name or a code) read, in characters. */
  public static final int MAX_STRING_LENGTH = StrictTree.MAX_STRING_LENGTH;

  private static final ObjectMapper JSON = mapper();

  private static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private DefinitionJson() {}

  /** Reads a definition file: JSON, with the library's one strict reader set-up (issue 14). */
  public static PublishedTableDefinition read(Path file) {
    String source = file.toString();
    StrictTree.Failure fail = failure(source);
    return tree(StrictTree.parse(StrictTree.readText(file, fail), StrictTree.Format.JSON, fail), source);
  }

  /** Parses definition text; {@code source} names it in messages. */
  public static PublishedTableDefinition parse(String text, String source) {
    return tree(StrictTree.parse(text, StrictTree.Format.JSON, failure(source)), source);
  }

  private static StrictTree.Failure failure(String source) {
    return (path, rule) -> new TableFormatException(source + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
  }

  private static PublishedTableDefinition tree(JsonNode root, String source) {
    StrictTree.Failure fail = failure(source);
    if (root == null || !root.isObject()) {
      throw new TableFormatException(source + ": a table definition must be a JSON object");
    }
    StrictTree.keys(root, "", fail, "tableFormat", "name", "dimensions", "protection");
    JsonNode version = root.get("tableFormat");
    if (version == null || !version.isInt() || version.intValue() != PublishedTableDefinition.FORMAT_VERSION) {
      throw new TableFormatException(source + ": field 'tableFormat' must be " + PublishedTableDefinition.FORMAT_VERSION);
    }
    String name = text(root, "name", source, "");
    JsonNode dims = root.get("dimensions");
    if (dims == null || !dims.isArray() || dims.isEmpty()) {
      throw new TableFormatException(source + ": field 'dimensions' must be a non-empty array");
    }
    List<TableDimension> out = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      JsonNode d = dims.get(i);
      String where = "dimensions[" + i + "]";
      if (!d.isObject()) {
        throw new TableFormatException(source + ": field '" + where + "' must be an object");
      }
      StrictTree.keys(d, where, fail, "name", "total", "hierarchy");
      String dn = text(d, "name", source, where + ".");
      String total = d.has("total") ? text(d, "total", source, where + ".") : "Total";
      JsonNode h = d.get("hierarchy");
      if (h == null || !h.isObject()) {
        throw new TableFormatException(source + ": field '" + where + ".hierarchy' must be an object"
            + " mapping each node to its children");
      }
      Map<String, List<String>> hierarchy = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = h.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isArray()) {
          throw new TableFormatException(source + ": field '" + where + ".hierarchy." + Shown.name(e.getKey())
              + "' must be an array of codes");
        }
        List<String> children = new ArrayList<>();
        for (JsonNode c : e.getValue()) {
          if (!c.isTextual()) {
            throw new TableFormatException(source + ": field '" + where + ".hierarchy." + Shown.name(e.getKey())
                + "' must contain strings only");
          }
          children.add(c.textValue());
        }
        hierarchy.put(e.getKey(), children);
      }
      try {
        out.add(new TableDimension(dn, total, hierarchy));
      } catch (TableFormatException e) {
        throw new TableFormatException(source + ": field '" + where + "': " + e.getMessage(), e);
      }
    }
    OptionalDouble minWidth = OptionalDouble.empty();
    java.util.Optional<String> levels = java.util.Optional.empty();
    JsonNode p = root.get("protection");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new TableFormatException(source + ": field 'protection' must be an object");
      }
      StrictTree.keys(p, "protection", fail, "minWidth", "levels", "noise");
      if (p.has("noise")) {
        // a table of differentially private counts (ctdc tables, method dp): no cell is suppressed, so an
        // audit would pass it without checking anything; it is refused instead (fail closed)
        throw new TableFormatException(source + ": field 'protection.noise': the table's counts are"
            + " differentially private (method dp, noise on every cell): the LP audit of suppression does not"
            + " apply; its guarantee is the privacy budget in protection.noise");
      }
      if (p.has("levels")) {
        levels = java.util.Optional.of(text(p, "levels", source, "protection."));
      }
      JsonNode w = p.get("minWidth");
      if (w != null && !w.isNull()) {
        if (!w.isNumber()) {
          throw new TableFormatException(source + ": field 'protection.minWidth' must be a number");
        }
        minWidth = OptionalDouble.of(w.doubleValue());
      }
    }
    PublishedTableDefinition def;
    try {
      def = PublishedTableDefinition.of(name, out);
    } catch (TableFormatException e) {
      throw new TableFormatException(source + ": " + e.getMessage(), e);
    }
    if (minWidth.isPresent()) {
      double w = minWidth.getAsDouble();
      PublishedTableDefinition d = def;
      def = at(source, "protection.minWidth", () -> d.withMinWidth(w));
    }
    if (levels.isPresent()) {
      String l = levels.get();
      PublishedTableDefinition d = def;
      def = at(source, "protection.levels", () -> d.withLevels(l));
    }
    return def;
  }

  /**
   * Runs a setter of the definition for a field of the file: its {@link IllegalArgumentException}, whose
   * message names the setting and quotes no file content, becomes a {@link TableFormatException} naming
   * the file and the field; it is not kept as the cause.
   */
  private static PublishedTableDefinition at(String source, String field,
      java.util.function.Supplier<PublishedTableDefinition> setter) {
    try {
      return setter.get();
    } catch (IllegalArgumentException e) {
      throw new TableFormatException(source + ": field '" + field + "': " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String source, String prefix) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw new TableFormatException(source + ": field '" + prefix + field + "' must be a non-blank string");
    }
    return v.textValue();
  }

  /** Writes a definition as JSON text. */
  public static String write(PublishedTableDefinition def) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tableFormat", PublishedTableDefinition.FORMAT_VERSION);
    root.put("name", def.name());
    ArrayNode dims = root.putArray("dimensions");
    for (TableDimension d : def.dimensions()) {
      ObjectNode dn = dims.addObject();
      dn.put("name", d.name());
      dn.put("total", d.total());
      ObjectNode h = dn.putObject("hierarchy");
      for (String node : d.nodes()) {
        List<String> children = d.hierarchy().get(node);
        if (children != null) {
          ArrayNode a = h.putArray(node);
          children.forEach(a::add);
        }
      }
    }
    if (def.minWidth().isPresent() || def.levels().isPresent()) {
      ObjectNode p = root.putObject("protection");
      if (def.minWidth().isPresent()) {
        double w = def.minWidth().getAsDouble();
        if (w == Math.rint(w) && Math.abs(w) < 1e15) {
          p.put("minWidth", (long) w);
        } else {
          p.put("minWidth", w);
        }
      }
      def.levels().ifPresent(l -> p.put("levels", l));
    }
    try {
      return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
