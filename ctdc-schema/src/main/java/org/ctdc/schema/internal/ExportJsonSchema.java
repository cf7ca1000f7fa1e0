package org.ctdc.schema.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.ctdc.schema.Code;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;

/**
 * Builds the JSON Schema (draft 2020-12) of one release row; see {@link org.ctdc.schema.JsonSchemaExport}
 * for the rules.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExportJsonSchema {

  /** The meta-schema every exported schema declares. */
  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  /** The base of every exported schema's {@code $id}. */
  public static final String ID_BASE = "https://ctdc-oss.github.io/ctdc/schemas/";

  /** The widest year range, in years, written as an enum of years; wider ranges get a pattern. */
  public static final int MAX_YEAR_ENUM = 200;

  private static final String SYNTAX = "^$\\.*+?()[]{}|/";

  private ExportJsonSchema() {}

  /**
   * The {@code $id} of a schema's release-row JSON Schema.
   *
   * @param schema the schema
   * @return {@code https://ctdc-oss.github.io/ctdc/schemas/<name>/<version>/release-row.schema.json}
   */
  public static String id(Schema schema) {
    return ID_BASE + schema.name() + "/" + schema.version() + "/release-row.schema.json";
  }

  /**
   * The JSON Schema document.
   *
   * @param schema the schema
   * @return pretty-printed JSON ending with LF
   */
  public static String write(Schema schema) {
    ReleaseFormat f = schema.format();
    ObjectNode root = ExportJson.object();
    root.put("$schema", DRAFT_2020_12);
    root.put("$id", id(schema));
    root.put("title", "One release row of " + schema.id());
    root.put(
        "description",
        schema.description().isBlank()
            ? "One row of a release of " + schema.id() + ", every value a string as written in the file."
            : schema.description());
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    for (Variable v : schema.variables()) {
      props.set(v.name(), property(v, f));
    }
    ArrayNode required = root.putArray("required");
    for (Variable v : schema.variables()) {
      required.add(v.name());
    }
    root.put("additionalProperties", false);
    return ExportJson.write(root);
  }

  private static ObjectNode property(Variable v, ReleaseFormat f) {
    ObjectNode p = ExportJson.object();
    p.put("title", v.label());
    p.put("description", v.definition());
    p.put("type", "string");
    switch (v.kind()) {
      case FLAG -> {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(f.flagTrue());
        tokens.add(f.flagFalse());
        tokens.addAll(f.missingTokens());
        strings(p.putArray("enum"), tokens);
      }
      case CATEGORICAL, ORDERED_BAND, COUNTRY -> {
        if (v.isMultiValued()) {
          String alt = alternation(v.values().codes());
          String sep = escape(v.separatorIn(f));
          anyOfPatternOrMissing(p, "^(?:" + alt + "(?:" + sep + alt + ")*)?$", f);
        } else {
          Set<String> tokens = new LinkedHashSet<>();
          for (Code c : v.values().codes()) {
            tokens.add(c.code());
            tokens.addAll(c.aliases());
          }
          tokens.addAll(f.missingTokens());
          strings(p.putArray("enum"), tokens);
        }
      }
      case YEAR -> {
        OptionalInt min = v.minimum();
        OptionalInt max = v.maximum();
        if (min.isPresent() && max.isPresent() && max.getAsInt() - min.getAsInt() <= MAX_YEAR_ENUM) {
          Set<String> tokens = new LinkedHashSet<>();
          for (int y = min.getAsInt(); y <= max.getAsInt(); y++) {
            tokens.add(Integer.toString(y));
          }
          tokens.addAll(f.missingTokens());
          strings(p.putArray("enum"), tokens);
        } else {
          anyOfPatternOrMissing(p, "^[0-9]{4}$", f);
        }
      }
      case COUNT -> anyOfPatternOrMissing(p, "^[0-9]+$", f);
      case FREE_TEXT, IDENTIFIER -> {
        // any string
      }
    }
    return p;
  }

  private static void anyOfPatternOrMissing(ObjectNode p, String pattern, ReleaseFormat f) {
    ArrayNode anyOf = p.putArray("anyOf");
    anyOf.addObject().put("pattern", pattern);
    strings(anyOf.addObject().putArray("enum"), new LinkedHashSet<>(f.missingTokens()));
  }

  private static String alternation(List<Code> codes) {
    Set<String> alts = new LinkedHashSet<>();
    for (Code c : codes) {
      alts.add(escape(c.code()));
      for (String a : c.aliases()) {
        alts.add(escape(a));
      }
    }
    return "(?:" + String.join("|", alts) + ")";
  }

  /**
   * Escapes a literal for an ECMA-262 (and Java) regular expression: every syntax character gets a
   * backslash, and so does {@code /} (allowed as an escape in both); nothing else is touched, as
   * ECMA-262 in unicode mode rejects other identity escapes.
   *
   * @param literal the literal text
   * @return the escaped text
   */
  public static String escape(String literal) {
    StringBuilder b = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (SYNTAX.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static void strings(ArrayNode a, Iterable<String> values) {
    values.forEach(a::add);
  }
}
