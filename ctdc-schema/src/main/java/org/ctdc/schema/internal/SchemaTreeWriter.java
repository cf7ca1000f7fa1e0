package org.ctdc.schema.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.Code;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Turns a {@link Schema} into the JSON tree of a schema file (format version 1), leaving out properties at
 * their defaults. Stateless and thread-safe.
 */
public final class SchemaTreeWriter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SchemaTreeWriter() {}

  /**
   * Writes a schema as a tree.
   *
   * @param schema the schema
   * @return the document's root
   */
  public static ObjectNode write(Schema schema) {
    ObjectNode root = F.objectNode();
    root.put("schemaFormat", SchemaTreeReader.FORMAT_VERSION);
    root.put("name", schema.name());
    root.put("version", schema.version());
    if (!schema.description().isEmpty()) {
      root.put("description", schema.description());
    }
    putList(root, "sources", schema.sources());
    putList(root, "notes", schema.notes());
    root.set("format", format(schema.format()));
    Map<String, ValueSet> shared = schema.sharedValueSets();
    if (!shared.isEmpty()) {
      ObjectNode vs = root.putObject("valueSets");
      shared.forEach((name, set) -> vs.set(name, codes(set)));
    }
    ArrayNode vars = root.putArray("variables");
    for (Variable v : schema.variables()) {
      vars.add(variable(v));
    }
    return root;
  }

  private static ObjectNode format(ReleaseFormat f) {
    ObjectNode n = F.objectNode();
    putList(n, "missing", f.missingTokens(), true);
    n.put("flagTrue", f.flagTrue());
    n.put("flagFalse", f.flagFalse());
    n.put("separator", f.separator());
    n.put("delimiter", String.valueOf(f.delimiter()));
    return n;
  }

  private static ArrayNode codes(ValueSet set) {
    ArrayNode a = F.arrayNode();
    for (Code c : set.codes()) {
      ObjectNode n = a.addObject();
      n.put("code", c.code());
      if (!c.label().equals(c.code())) {
        n.put("label", c.label());
      }
      if (!c.definition().isEmpty()) {
        n.put("definition", c.definition());
      }
      putList(n, "aliases", c.aliases());
    }
    return a;
  }

  private static ObjectNode variable(Variable v) {
    ObjectNode n = F.objectNode();
    n.put("name", v.name());
    if (!v.label().equals(v.name())) {
      n.put("label", v.label());
    }
    if (!v.definition().isEmpty()) {
      n.put("definition", v.definition());
    }
    n.put("kind", Words.toWord(v.kind()));
    Role defaultRole = v.kind() == VariableKind.IDENTIFIER ? Role.IDENTIFIER : Role.INSENSITIVE;
    if (v.role() != defaultRole) {
      n.put("role", Words.toWord(v.role()));
    }
    if (v.kind() != VariableKind.FLAG) {
      v.valueSet()
          .ifPresent(
              vs -> {
                if (vs.isNamed()) {
                  n.put("valueSet", vs.name());
                } else {
                  n.set("values", codes(vs));
                }
              });
    }
    if (v.isMultiValued()) {
      n.put("multiValued", true);
    }
    v.separator().ifPresent(s -> n.put("separator", s));
    v.minimum().ifPresent(m -> n.put("minimum", m));
    v.maximum().ifPresent(m -> n.put("maximum", m));
    v.derivation()
        .ifPresent(
            d -> {
              ObjectNode dn = n.putObject("derivedFrom");
              dn.put("rule", Words.toWord(d.kind()));
              putList(dn, "sources", d.sources(), true);
            });
    putList(n, "previousNames", v.previousNames());
    putList(n, "notes", v.notes());
    return n;
  }

  private static void putList(ObjectNode n, String key, List<String> values) {
    putList(n, key, values, false);
  }

  private static void putList(ObjectNode n, String key, List<String> values, boolean always) {
    if (values.isEmpty() && !always) {
      return;
    }
    ArrayNode a = n.putArray(key);
    values.forEach(a::add);
  }
}
