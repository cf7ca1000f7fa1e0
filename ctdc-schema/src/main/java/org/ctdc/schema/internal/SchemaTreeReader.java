package org.ctdc.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ctdc.schema.Code;
import org.ctdc.schema.Derivation;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaFormatException;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Turns the JSON tree of a schema file (format version 1) into a {@link Schema}, checking every rule and
 * naming the path of the first broken one. Stateless apart from the source name; not thread-safe (create
 * one per read).
 */
public final class SchemaTreeReader {

  /** The schema file format this reader understands. */
  public static final int FORMAT_VERSION = 1;

  private static final Set<String> TOP_KEYS =
      Set.of("schemaFormat", "name", "version", "description", "sources", "notes", "format", "valueSets", "variables");
  private static final Set<String> FORMAT_KEYS = Set.of("missing", "flagTrue", "flagFalse", "separator", "delimiter");
  private static final Set<String> CODE_KEYS = Set.of("code", "label", "definition", "aliases");
  private static final Set<String> VARIABLE_KEYS =
      Set.of(
          "name", "label", "definition", "kind", "role", "values", "valueSet", "multiValued", "separator",
          "minimum", "maximum", "derivedFrom", "previousNames", "notes");
  private static final Set<String> DERIVATION_KEYS = Set.of("rule", "sources");

  private final String source;

  /**
   * Creates a reader.
   *
   * @param source the file or resource name, used in error messages
   */
  public SchemaTreeReader(String source) {
    this.source = source;
  }

  /**
   * Reads a schema from its tree.
   *
   * @param root the parsed document
   * @return the schema
   * @throws SchemaFormatException naming the source, path and rule of the first broken rule
   */
  public Schema read(JsonNode root) {
    if (!root.isObject()) {
      throw fail("", "the document must be a mapping (an object)");
    }
    checkKeys(root, "", TOP_KEYS);
    JsonNode fv = root.get("schemaFormat");
    if (fv == null) {
      throw fail("schemaFormat", "required; this reader understands schemaFormat " + FORMAT_VERSION);
    }
    if (!fv.isInt() || fv.intValue() != FORMAT_VERSION) {
      throw fail("schemaFormat", "unknown schema file format; this reader understands " + FORMAT_VERSION);
    }
    String name = requiredText(root, "", "name");
    String version = requiredText(root, "", "version");
    Schema.Builder b = Schema.builder(name, version).origin(source);
    b.description(optionalText(root, "", "description"));
    b.sources(textList(root, "", "sources"));
    b.notes(textList(root, "", "notes"));
    if (root.has("format")) {
      b.format(readFormat(root.get("format")));
    }
    Map<String, ValueSet> shared = readValueSets(root.get("valueSets"));
    JsonNode vars = root.get("variables");
    if (vars == null) {
      throw fail("variables", "required: a list of variables");
    }
    if (!vars.isArray()) {
      throw fail("variables", "must be a list");
    }
    for (int i = 0; i < vars.size(); i++) {
      b.add(readVariable(vars.get(i), "variables[" + i + "]", shared));
    }
    try {
      return b.build();
    } catch (SchemaFormatException e) {
      if (e.source().equals(source)) {
        throw e;
      }
      throw new SchemaFormatException(source, e.path(), e.rule(), e);
    }
  }

  private ReleaseFormat readFormat(JsonNode node) {
    String p = "format";
    if (!node.isObject()) {
      throw fail(p, "must be a mapping");
    }
    checkKeys(node, p, FORMAT_KEYS);
    ReleaseFormat d = ReleaseFormat.CTDC_SYNTHETIC;
    List<String> missing = node.has("missing") ? textList(node, p, "missing") : d.missingTokens();
    String flagTrue = node.has("flagTrue") ? text(node.get("flagTrue"), p + ".flagTrue") : d.flagTrue();
    String flagFalse = node.has("flagFalse") ? text(node.get("flagFalse"), p + ".flagFalse") : d.flagFalse();
    String separator = node.has("separator") ? text(node.get("separator"), p + ".separator") : d.separator();
    char delimiter = d.delimiter();
    if (node.has("delimiter")) {
      String del = text(node.get("delimiter"), p + ".delimiter");
      if (del.length() != 1) {
        throw fail(p + ".delimiter", "the delimiter must be exactly one character");
      }
      delimiter = del.charAt(0);
    }
    try {
      return new ReleaseFormat(missing, flagTrue, flagFalse, separator, delimiter);
    } catch (SchemaFormatException e) {
      throw new SchemaFormatException(source, e.path(), e.rule(), e);
    }
  }

  private Map<String, ValueSet> readValueSets(JsonNode node) {
    Map<String, ValueSet> out = new HashMap<>();
    if (node == null) {
      return out;
    }
    if (!node.isObject()) {
      throw fail("valueSets", "must be a mapping from value-set name to a list of codes");
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = "valueSets." + e.getKey();
      if (e.getKey().isBlank()) {
        throw fail(p, "a value set needs a name");
      }
      List<Code> codes = readCodes(e.getValue(), p);
      out.put(e.getKey(), wrapValueSet(p, () -> ValueSet.named(e.getKey(), codes)));
    }
    return out;
  }

  private List<Code> readCodes(JsonNode node, String p) {
    if (!node.isArray()) {
      throw fail(p, "must be a list of codes");
    }
    if (node.isEmpty()) {
      throw fail(p, "a value set must not be empty");
    }
    List<Code> codes = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String cp = p + "[" + i + "]";
      if (!c.isObject()) {
        throw fail(cp, "a code is a mapping with at least 'code'");
      }
      checkKeys(c, cp, CODE_KEYS);
      String code = requiredText(c, cp, "code");
      String label = optionalText(c, cp, "label");
      String definition = optionalText(c, cp, "definition");
      List<String> aliases = textList(c, cp, "aliases");
      try {
        codes.add(new Code(code, label, definition, aliases));
      } catch (SchemaFormatException e) {
        throw fail(cp, e.rule());
      }
    }
    return codes;
  }

  private ValueSet wrapValueSet(String p, java.util.function.Supplier<ValueSet> make) {
    try {
      return make.get();
    } catch (SchemaFormatException e) {
      throw fail(p, e.rule());
    }
  }

  private Variable readVariable(JsonNode node, String p, Map<String, ValueSet> shared) {
    if (!node.isObject()) {
      throw fail(p, "a variable is a mapping with at least 'name' and 'kind'");
    }
    checkKeys(node, p, VARIABLE_KEYS);
    String name = requiredText(node, p, "name");
    String kindWord = requiredText(node, p, "kind");
    VariableKind kind = enumValue(VariableKind.class, kindWord, p + ".kind");
    Variable.Builder b = Variable.builder(name, kind);
    b.label(optionalText(node, p, "label"));
    b.definition(optionalText(node, p, "definition"));
    if (node.has("role")) {
      b.role(enumValue(Role.class, text(node.get("role"), p + ".role"), p + ".role"));
    }
    boolean hasValues = node.has("values");
    boolean hasRef = node.has("valueSet");
    if (hasValues && hasRef) {
      throw fail(p, "give either 'values' or 'valueSet', not both");
    }
    if ((hasValues || hasRef) && !(kind.isClosed() && kind != VariableKind.FLAG)) {
      throw fail(p, "a " + word(kind) + " variable takes no value set");
    }
    if (kind.isClosed() && kind != VariableKind.FLAG && !hasValues && !hasRef) {
      throw fail(p, "a " + word(kind) + " variable needs 'values' or 'valueSet'");
    }
    if (hasValues) {
      List<Code> codes = readCodes(node.get("values"), p + ".values");
      b.values(wrapValueSet(p + ".values", () -> ValueSet.of(codes)));
    }
    if (hasRef) {
      String ref = text(node.get("valueSet"), p + ".valueSet");
      ValueSet vs = shared.get(ref);
      if (vs == null) {
        throw fail(p + ".valueSet", "no value set named '" + ref + "' under valueSets");
      }
      b.values(vs);
    }
    if (node.has("multiValued")) {
      JsonNode mv = node.get("multiValued");
      if (!mv.isBoolean()) {
        throw fail(p + ".multiValued", "must be true or false");
      }
      b.multiValued(mv.booleanValue());
    }
    if (node.has("separator")) {
      b.separator(text(node.get("separator"), p + ".separator"));
    }
    if (node.has("minimum")) {
      b.minimum(integer(node.get("minimum"), p + ".minimum"));
    }
    if (node.has("maximum")) {
      b.maximum(integer(node.get("maximum"), p + ".maximum"));
    }
    if (node.has("derivedFrom")) {
      b.derivation(readDerivation(node.get("derivedFrom"), p + ".derivedFrom"));
    }
    b.previousNames(textList(node, p, "previousNames"));
    b.notes(textList(node, p, "notes"));
    try {
      return b.build();
    } catch (SchemaFormatException e) {
      throw fail(p, e.rule());
    }
  }

  private Derivation readDerivation(JsonNode node, String p) {
    if (!node.isObject()) {
      throw fail(p, "must be a mapping with 'rule' and 'sources'");
    }
    checkKeys(node, p, DERIVATION_KEYS);
    DerivationKind kind = enumValue(DerivationKind.class, requiredText(node, p, "rule"), p + ".rule");
    List<String> sources = textList(node, p, "sources");
    if (sources.isEmpty()) {
      throw fail(p + ".sources", "a derivation needs at least one source");
    }
    try {
      return new Derivation(kind, sources);
    } catch (SchemaFormatException e) {
      throw fail(p, e.rule());
    }
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String word, String p) {
    String constant = Words.toConstant(word);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(constant)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(Words.toWord(e));
    }
    throw fail(p, "unknown " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
        + " '" + word + "'; one of " + String.join(", ", allowed));
  }

  private static String word(VariableKind kind) {
    return Words.toWord(kind);
  }

  private void checkKeys(JsonNode node, String p, Set<String> allowed) {
    StrictTree.keys(node, p, this::fail, allowed);
  }

  private String requiredText(JsonNode node, String p, String key) {
    JsonNode v = node.get(key);
    String kp = p.isEmpty() ? key : p + "." + key;
    if (v == null || v.isNull()) {
      throw fail(kp, "required");
    }
    String s = text(v, kp);
    if (s.isBlank()) {
      throw fail(kp, "must not be blank");
    }
    return s;
  }

  private String optionalText(JsonNode node, String p, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return "";
    }
    return text(v, p.isEmpty() ? key : p + "." + key);
  }

  private String text(JsonNode v, String p) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      // a YAML author wrote version: 2018 or code: 1 unquoted; the value is still a code.
      return v.asText();
    }
    throw fail(p, "must be text");
  }

  private int integer(JsonNode v, String p) {
    if (!v.isInt()) {
      throw fail(p, "must be a whole number");
    }
    return v.intValue();
  }

  private List<String> textList(JsonNode node, String p, String key) {
    JsonNode v = node.get(key);
    String kp = p.isEmpty() ? key : p + "." + key;
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw fail(kp, "must be a list of text");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(text(v.get(i), kp + "[" + i + "]"));
    }
    return out;
  }

  private SchemaFormatException fail(String path, String rule) {
    return new SchemaFormatException(source, path, rule);
  }
}
