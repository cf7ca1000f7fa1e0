package org.ctdc.deid.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.ctdc.deid.audit.CellProtection;
import org.ctdc.deid.audit.CellRef;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.schema.internal.StrictTree;

/**
 * Reads the publisher's confidential levels file ({@code protectionLevels: 1}) strictly: unknown and repeated
 * keys, a wrong type, a cell that is not one of the definition's, a cell listed twice, a level out of range are
 * errors naming the file and the path ({@code cells[3].upper}), never a value or a code. Stateless, thread-safe.
 */
public final class LevelsJson {
  /** The format version read. */
  public static final int VERSION = 1;

  private LevelsJson() {}

  /**
   * Reads a levels file for a definition.
   *
   * @param file the file
   * @param def the table's definition
   * @return each listed primary cell's protection, in file order
   * @throws TableFormatException naming the file, the path and the rule
   */
  public static Map<CellRef, CellProtection> read(Path file, PublishedTableDefinition def) {
    String source = file.toString();
    StrictTree.Failure fail = (path, rule) -> new TableFormatException(source + ": " + (path.isEmpty() ? "" : path + ": ")
        + rule);
    JsonNode root = StrictTree.parse(StrictTree.readText(file, fail), StrictTree.Format.JSON, fail);
    if (root == null || !root.isObject()) {
      throw fail.at("", "a levels file must be a JSON object");
    }
    StrictTree.keys(root, "", fail, "protectionLevels", "table", "notice", "cells");
    JsonNode version = root.get("protectionLevels");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      throw fail.at("protectionLevels", "must be " + VERSION);
    }
    if (!StrictTree.text(root, "table", "", fail).equals(def.name())) {
      throw fail.at("table", "is not the name of the definition that names this file");
    }
    StrictTree.text(root, "notice", "", fail, "");
    JsonNode cells = root.get("cells");
    if (cells == null || !cells.isArray()) {
      throw fail.at("cells", "must be an array");
    }
    List<Set<String>> nodes = new ArrayList<>();
    def.dimensions().forEach(d -> nodes.add(Set.copyOf(d.nodes())));
    Map<CellRef, CellProtection> out = new LinkedHashMap<>();
    Set<List<String>> seen = new HashSet<>();
    for (int i = 0; i < cells.size(); i++) {
      String where = "cells[" + i + "]";
      JsonNode c = StrictTree.keys(cells.get(i), where, fail, "cell", "value", "lower", "upper", "respondent");
      if (!c.isObject()) {
        throw fail.at(where, "must be an object");
      }
      JsonNode codes = c.get("cell");
      if (codes == null || !codes.isArray() || codes.size() != nodes.size()) {
        throw fail.at(where + ".cell", "must list one code per dimension (" + nodes.size() + ")");
      }
      List<String> key = new ArrayList<>();
      for (int d = 0; d < codes.size(); d++) {
        JsonNode code = codes.get(d);
        if (!code.isTextual() || !nodes.get(d).contains(code.textValue())) {
          throw fail.at(where + ".cell[" + d + "]", "a code that is not in the dimension's hierarchy (codes are not quoted)");
        }
        key.add(code.textValue());
      }
      if (!seen.add(key)) {
        throw fail.at(where, "lists a cell listed before");
      }
      double value = required(c, "value", where, fail);
      double lower = required(c, "lower", where, fail);
      double upper = required(c, "upper", where, fail);
      OptionalInt respondent = c.has("respondent")
          ? OptionalInt.of(StrictTree.integer(c, "respondent", where, fail, 0)) : OptionalInt.empty();
      try {
        out.put(new CellRef(def.name(), key), new CellProtection(value, lower, upper, respondent));
      } catch (IllegalArgumentException e) {
        throw fail.at(where, Objects.requireNonNullElse(e.getMessage(), "invalid protection levels"));
      }
    }
    return out;
  }

  private static double required(JsonNode c, String key, String where, StrictTree.Failure fail) {
    if (!c.has(key)) {
      throw fail.at(StrictTree.child(where, key), "required: a number");
    }
    return StrictTree.number(c, key, where, fail, 0);
  }
}
