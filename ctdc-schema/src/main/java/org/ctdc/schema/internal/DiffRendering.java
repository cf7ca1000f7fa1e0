package org.ctdc.schema.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaChange;

/**
 * Renders a schema diff as text (one line per change) and as JSON (diff format 1, see
 * {@code docs/schema-diff.md}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DiffRendering {

  /** The version of the JSON layout written by {@link #json}. */
  public static final int DIFF_FORMAT = 1;

  private DiffRendering() {}

  /**
   * One line of text for a change.
   *
   * @param change the change
   * @return a line without line end, starting with {@code +}, {@code -} or {@code ~}
   */
  public static String line(SchemaChange change) {
    if (change instanceof SchemaChange.VariableAdded c) {
      return "+ added " + c.name() + " (" + ExportWords.kind(c.kind()) + ")";
    } else if (change instanceof SchemaChange.VariableRemoved c) {
      return "- removed " + c.name();
    } else if (change instanceof SchemaChange.VariableRenamed c) {
      return "~ renamed " + c.from() + " -> " + c.to();
    } else if (change instanceof SchemaChange.VariablesMerged c) {
      return "~ merged " + String.join(", ", c.from()) + " -> " + c.to();
    } else if (change instanceof SchemaChange.KindChanged c) {
      return "~ kind of " + c.variable() + ": " + ExportWords.kind(c.from()) + " -> " + ExportWords.kind(c.to());
    } else if (change instanceof SchemaChange.RoleChanged c) {
      return "~ role of " + c.variable() + ": " + ExportWords.role(c.from()) + " -> " + ExportWords.role(c.to());
    } else if (change instanceof SchemaChange.MultiValuedChanged c) {
      return "~ " + c.variable() + ": " + multi(c.from()) + " -> " + multi(c.to());
    } else if (change instanceof SchemaChange.ValueSetChanged c) {
      return valueSetChanged(c);
    } else if (change instanceof SchemaChange.ValueSetRecoded c) {
      return recoded(c);
    } else if (change instanceof SchemaChange.ReleaseFormatChanged c) {
      return "~ release format: " + String.join("; ", c.details());
    }
    throw new IllegalArgumentException("unknown change type " + change.getClass().getName());
  }

  private static String multi(boolean multi) {
    return multi ? "multi-valued" : "single-valued";
  }

  private static String valueSetChanged(SchemaChange.ValueSetChanged c) {
    StringBuilder b = new StringBuilder("~ values of ").append(c.variable()).append(':');
    String sep = " ";
    if (!c.added().isEmpty()) {
      b.append(sep).append("added ").append(codes(c.added()));
      sep = "; ";
    }
    if (!c.removed().isEmpty()) {
      b.append(sep).append("removed ").append(codes(c.removed()));
      sep = "; ";
    }
    if (!c.relabelled().isEmpty()) {
      b.append(sep).append("relabelled ").append(codes(c.relabelled()));
    }
    return b.toString();
  }

  private static String recoded(SchemaChange.ValueSetRecoded c) {
    StringBuilder b =
        new StringBuilder("~ recoded ")
            .append(c.variable())
            .append(": value set ")
            .append(setName(c.fromValueSet()))
            .append(" -> ")
            .append(setName(c.toValueSet()))
            .append(" (")
            .append(c.matched())
            .append(c.matched() == 1 ? " code" : " codes")
            .append(" matched by label)");
    if (!c.unmatchedFrom().isEmpty()) {
      b.append("; unmatched before ").append(codes(c.unmatchedFrom()));
    }
    if (!c.unmatchedTo().isEmpty()) {
      b.append("; unmatched after ").append(codes(c.unmatchedTo()));
    }
    return b.toString();
  }

  private static String setName(String name) {
    return name.isEmpty() ? "(inline)" : name;
  }

  private static String codes(List<String> codes) {
    return "[" + String.join(", ", codes) + "]";
  }

  /**
   * The text of a diff: one line per change, each ending with LF; empty when there is no change.
   *
   * @param changes the changes
   * @return the text
   */
  public static String text(List<SchemaChange> changes) {
    StringBuilder b = new StringBuilder();
    for (SchemaChange c : changes) {
      b.append(line(c)).append('\n');
    }
    return b.toString();
  }

  /**
   * The JSON of a diff, diff format 1.
   *
   * @param older the older schema
   * @param newer the newer schema
   * @param changes the changes
   * @return pretty-printed JSON ending with LF
   */
  public static String json(Schema older, Schema newer, List<SchemaChange> changes) {
    ObjectNode root = ExportJson.object();
    root.put("diffFormat", DIFF_FORMAT);
    root.put("older", older.id());
    root.put("newer", newer.id());
    ArrayNode arr = root.putArray("changes");
    for (SchemaChange c : changes) {
      arr.add(node(c));
    }
    return ExportJson.write(root);
  }

  private static ObjectNode node(SchemaChange change) {
    ObjectNode o = ExportJson.object();
    if (change instanceof SchemaChange.VariableAdded c) {
      o.put("type", "variableAdded");
      o.put("name", c.name());
      o.put("kind", ExportWords.kind(c.kind()));
    } else if (change instanceof SchemaChange.VariableRemoved c) {
      o.put("type", "variableRemoved");
      o.put("name", c.name());
    } else if (change instanceof SchemaChange.VariableRenamed c) {
      o.put("type", "variableRenamed");
      o.put("from", c.from());
      o.put("to", c.to());
    } else if (change instanceof SchemaChange.VariablesMerged c) {
      o.put("type", "variablesMerged");
      strings(o, "from", c.from());
      o.put("to", c.to());
    } else if (change instanceof SchemaChange.KindChanged c) {
      o.put("type", "kindChanged");
      o.put("variable", c.variable());
      o.put("from", ExportWords.kind(c.from()));
      o.put("to", ExportWords.kind(c.to()));
    } else if (change instanceof SchemaChange.RoleChanged c) {
      o.put("type", "roleChanged");
      o.put("variable", c.variable());
      o.put("from", ExportWords.role(c.from()));
      o.put("to", ExportWords.role(c.to()));
    } else if (change instanceof SchemaChange.MultiValuedChanged c) {
      o.put("type", "multiValuedChanged");
      o.put("variable", c.variable());
      o.put("from", c.from());
      o.put("to", c.to());
    } else if (change instanceof SchemaChange.ValueSetChanged c) {
      o.put("type", "valueSetChanged");
      o.put("variable", c.variable());
      strings(o, "added", c.added());
      strings(o, "removed", c.removed());
      strings(o, "relabelled", c.relabelled());
    } else if (change instanceof SchemaChange.ValueSetRecoded c) {
      o.put("type", "valueSetRecoded");
      o.put("variable", c.variable());
      o.put("fromValueSet", c.fromValueSet());
      o.put("toValueSet", c.toValueSet());
      o.put("matched", c.matched());
      strings(o, "unmatchedFrom", c.unmatchedFrom());
      strings(o, "unmatchedTo", c.unmatchedTo());
    } else if (change instanceof SchemaChange.ReleaseFormatChanged c) {
      o.put("type", "releaseFormatChanged");
      strings(o, "details", c.details());
    } else {
      throw new IllegalArgumentException("unknown change type " + change.getClass().getName());
    }
    return o;
  }

  private static void strings(ObjectNode o, String field, List<String> values) {
    ArrayNode a = o.putArray(field);
    values.forEach(a::add);
  }
}
