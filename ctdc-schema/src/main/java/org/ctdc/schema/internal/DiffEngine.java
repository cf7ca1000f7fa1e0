package org.ctdc.schema.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctdc.schema.Code;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaChange;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Computes the changes between two schemas; see {@link org.ctdc.schema.SchemaDiff} for the rules.
 *
 * <p>Order: a release-format change first, then, for each variable of the newer schema in order, its
 * match ({@code added}, {@code renamed} or {@code merged}) followed by its kind, role, multi-valued and value
 * set changes, then the removed variables in the older schema's order.
 *
 * <p>Stateless and thread-safe.
 */
public final class DiffEngine {

  private DiffEngine() {}

  /**
   * The changes from {@code older} to {@code newer}.
   *
   * @param older the older schema
   * @param newer the newer schema
   * @return the changes in the documented order
   */
  public static List<SchemaChange> changes(Schema older, Schema newer) {
    List<SchemaChange> out = new ArrayList<>();
    formatChange(older.format(), newer.format()).ifPresent(out::add);

    Set<String> newerNames = new HashSet<>();
    for (Variable v : newer.variables()) {
      newerNames.add(v.name());
    }
    Set<String> consumed = new HashSet<>();
    for (Variable n : newer.variables()) {
      Optional<Variable> same = older.variable(n.name());
      if (same.isPresent()) {
        consumed.add(n.name());
        compare(same.get(), n, out);
        continue;
      }
      // previous names that exist in the older schema and are not kept there under their own name
      List<String> sources = new ArrayList<>();
      for (String p : n.previousNames()) {
        if (older.variable(p).isPresent() && !newerNames.contains(p) && !sources.contains(p)) {
          sources.add(p);
        }
      }
      if (sources.isEmpty()) {
        out.add(new SchemaChange.VariableAdded(n.name(), n.kind()));
      } else if (sources.size() == 1) {
        consumed.add(sources.get(0));
        out.add(new SchemaChange.VariableRenamed(sources.get(0), n.name()));
        compare(older.variable(sources.get(0)).orElseThrow(), n, out);
      } else {
        consumed.addAll(sources);
        out.add(new SchemaChange.VariablesMerged(sources, n.name()));
      }
    }
    for (Variable o : older.variables()) {
      if (!consumed.contains(o.name())) {
        out.add(new SchemaChange.VariableRemoved(o.name()));
      }
    }
    return List.copyOf(out);
  }

  private static Optional<SchemaChange> formatChange(ReleaseFormat a, ReleaseFormat b) {
    List<String> details = new ArrayList<>();
    if (!a.missingTokens().equals(b.missingTokens())) {
      details.add("missing " + tokens(a.missingTokens()) + " -> " + tokens(b.missingTokens()));
    }
    if (!a.flagTrue().equals(b.flagTrue())) {
      details.add("flagTrue " + ExportWords.quote(a.flagTrue()) + " -> " + ExportWords.quote(b.flagTrue()));
    }
    if (!a.flagFalse().equals(b.flagFalse())) {
      details.add("flagFalse " + ExportWords.quote(a.flagFalse()) + " -> " + ExportWords.quote(b.flagFalse()));
    }
    if (!a.separator().equals(b.separator())) {
      details.add("separator " + ExportWords.quote(a.separator()) + " -> " + ExportWords.quote(b.separator()));
    }
    if (a.delimiter() != b.delimiter()) {
      details.add(
          "delimiter "
              + ExportWords.quote(String.valueOf(a.delimiter()))
              + " -> "
              + ExportWords.quote(String.valueOf(b.delimiter())));
    }
    return details.isEmpty() ? Optional.empty() : Optional.of(new SchemaChange.ReleaseFormatChanged(details));
  }

  private static String tokens(List<String> tokens) {
    List<String> q = new ArrayList<>();
    for (String t : tokens) {
      q.add(ExportWords.quote(t));
    }
    return "[" + String.join(", ", q) + "]";
  }

  private static void compare(Variable o, Variable n, List<SchemaChange> out) {
    String name = n.name();
    if (o.kind() != n.kind()) {
      out.add(new SchemaChange.KindChanged(name, o.kind(), n.kind()));
    }
    if (o.role() != n.role()) {
      out.add(new SchemaChange.RoleChanged(name, o.role(), n.role()));
    }
    if (o.isMultiValued() != n.isMultiValued()) {
      out.add(new SchemaChange.MultiValuedChanged(name, o.isMultiValued(), n.isMultiValued()));
    }
    if (o.kind() == VariableKind.FLAG || n.kind() == VariableKind.FLAG) {
      return; // a flag's values are always no/yes; a change to or from a flag is a kind change
    }
    if (o.valueSet().isPresent() && n.valueSet().isPresent()) {
      compareValues(name, o.values(), n.values()).ifPresent(out::add);
    }
  }

  /**
   * Compares two value sets. A recoding is reported when more than half of the codes of the larger value set
   * pair up by equal label (trimmed, case folded; labels that repeat within a value set never pair) with a
   * different code, and such pairs outnumber the codes the two value sets share.
   */
  static Optional<SchemaChange> compareValues(String variable, ValueSet a, ValueSet b) {
    Map<String, Code> aByCode = byCode(a);
    Map<String, Code> bByCode = byCode(b);
    int sameCode = 0;
    for (String c : aByCode.keySet()) {
      if (bByCode.containsKey(c)) {
        sameCode++;
      }
    }
    Map<String, Code> aByLabel = byUniqueLabel(a);
    Map<String, Code> bByLabel = byUniqueLabel(b);
    int matched = 0;
    int recodedPairs = 0;
    Set<String> pairedA = new HashSet<>();
    Set<String> pairedB = new HashSet<>();
    for (Map.Entry<String, Code> e : aByLabel.entrySet()) {
      Code partner = bByLabel.get(e.getKey());
      if (partner != null) {
        matched++;
        pairedA.add(e.getValue().code());
        pairedB.add(partner.code());
        if (!partner.code().equals(e.getValue().code())) {
          recodedPairs++;
        }
      }
    }
    int larger = Math.max(a.size(), b.size());
    if (recodedPairs > sameCode && 2 * recodedPairs > larger) {
      List<String> unmatchedFrom = new ArrayList<>();
      for (Code c : a.codes()) {
        if (!pairedA.contains(c.code())) {
          unmatchedFrom.add(c.code());
        }
      }
      List<String> unmatchedTo = new ArrayList<>();
      for (Code c : b.codes()) {
        if (!pairedB.contains(c.code())) {
          unmatchedTo.add(c.code());
        }
      }
      return Optional.of(
          new SchemaChange.ValueSetRecoded(variable, a.name(), b.name(), matched, unmatchedFrom, unmatchedTo));
    }
    List<String> added = new ArrayList<>();
    List<String> relabelled = new ArrayList<>();
    for (Code c : b.codes()) {
      Code old = aByCode.get(c.code());
      if (old == null) {
        added.add(c.code());
      } else if (!old.label().equals(c.label())) {
        relabelled.add(c.code());
      }
    }
    List<String> removed = new ArrayList<>();
    for (Code c : a.codes()) {
      if (!bByCode.containsKey(c.code())) {
        removed.add(c.code());
      }
    }
    if (added.isEmpty() && removed.isEmpty() && relabelled.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SchemaChange.ValueSetChanged(variable, added, removed, relabelled));
  }

  private static Map<String, Code> byCode(ValueSet vs) {
    Map<String, Code> m = new LinkedHashMap<>();
    for (Code c : vs.codes()) {
      m.put(c.code(), c);
    }
    return m;
  }

  private static Map<String, Code> byUniqueLabel(ValueSet vs) {
    Map<String, Code> m = new LinkedHashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (Code c : vs.codes()) {
      String key = c.label().strip().toLowerCase(Locale.ROOT);
      count.merge(key, 1, Integer::sum);
      m.putIfAbsent(key, c);
    }
    m.keySet().removeIf(k -> count.getOrDefault(k, 0) > 1);
    return m;
  }
}
