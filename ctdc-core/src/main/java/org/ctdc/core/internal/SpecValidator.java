package org.ctdc.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctdc.core.AlignmentSpecException;
import org.ctdc.core.SourceConventions;
import org.ctdc.core.TargetRule;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Checks an alignment spec against its target schema and completes it with the derivations the schema
 * declares. Error paths are {@code rules[i]...} in the order the rules were given. Not API; thread-safe.
 */
public final class SpecValidator {

  private SpecValidator() {}

  /**
   * Validates the rules and returns them in schema order, completed.
   *
   * @param origin the file or resource name
   * @param schema the target schema
   * @param conventions the source conventions
   * @param identifierColumns identifier columns
   * @param freeTextColumns free-text columns
   * @param rules the rules in the order given
   * @return one rule per target variable, in the schema's order
   * @throws AlignmentSpecException naming the origin, the path and the rule
   */
  public static List<TargetRule> validate(
      String origin,
      Schema schema,
      SourceConventions conventions,
      List<String> identifierColumns,
      List<String> freeTextColumns,
      List<TargetRule> rules) {
    Set<String> forbidden = new HashSet<>(identifierColumns);
    forbidden.addAll(freeTextColumns);
    Map<String, TargetRule> byTarget = new HashMap<>();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      TargetRule r = rules.get(i);
      String path = "rules[" + i + "]";
      Variable v =
          schema
              .variable(r.target())
              .orElseThrow(
                  () ->
                      new AlignmentSpecException(
                          origin, path + ".target",
                          "unknown target variable '" + SpecReader.shown(r.target()) + "' in schema " + schema.id()));
      if (byTarget.putIfAbsent(r.target(), r) != null) {
        throw new AlignmentSpecException(
            origin, path + ".target",
            "target variable '" + SpecReader.shown(r.target()) + "' already has a rule (rules[" + position.get(r.target()) + "])");
      }
      position.put(r.target(), i);
      checkRule(origin, path, schema, v, r, forbidden);
    }
    List<TargetRule> out = new ArrayList<>();
    for (Variable v : schema.variables()) {
      TargetRule r = byTarget.get(v.name());
      if (r == null) {
        if (v.derivation().isPresent()) {
          r = TargetRule.derived(v.name(), v.derivation().get().kind(), v.derivation().get().sources());
          checkRule(origin, "target " + v.name() + " (derived by the schema)", schema, v, r, forbidden);
        } else {
          throw new AlignmentSpecException(
              origin, "rules",
              "target variable '" + v.name() + "' has no rule; write notCollected: true when the source does not collect it");
        }
      }
      out.add(r);
    }
    checkCycles(origin, out, position);
    return out;
  }

  private static void checkRule(
      String origin, String path, Schema schema, Variable v, TargetRule r, Set<String> forbidden) {
    if (v.kind().isText() && !(r instanceof TargetRule.NotCollected)) {
      throw new AlignmentSpecException(
          origin, path,
          "target '" + v.name() + "' is " + v.kind().name().toLowerCase(java.util.Locale.ROOT)
              + ": identifiers and free text are never copied; only notCollected is allowed");
    }
    if (r instanceof TargetRule.Constant c) {
        if (!TargetCodes.accepts(v, c.value())) {
          throw new AlignmentSpecException(
              origin, path + ".constant",
              "'" + SpecReader.shown(c.value()) + "' is not a value of target '" + v.name() + "' (" + TargetCodes.describe(v) + ")");
        }
    } else if (r instanceof TargetRule.Mapped m) {
        column(origin, path + ".column", m.column(), forbidden);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.map()).entrySet()) {
          if (!TargetCodes.accepts(v, e.getValue())) {
            throw new AlignmentSpecException(
                origin, path + ".map." + SpecReader.shown(e.getKey()),
                "maps onto '" + SpecReader.shown(e.getValue()) + "', which is outside the value set of target '" + v.name()
                    + "' (" + TargetCodes.describe(v) + ")");
          }
        }
    } else if (r instanceof TargetRule.FlagWhen f) {
        flag(origin, path, v);
        column(origin, path + ".column", f.column(), forbidden);
    } else if (r instanceof TargetRule.AnyOf a) {
        flag(origin, path, v);
        for (int i = 0; i < a.columns().size(); i++) {
          column(origin, path + ".anyOf[" + i + "]", a.columns().get(i), forbidden);
        }
    } else if (r instanceof TargetRule.Age a) {
        for (String c : List.of(a.exact(), a.birthDate(), a.referenceDate(), a.band(), a.majorityColumn())
            .stream().flatMap(java.util.Optional::stream).toList()) {
          column(origin, path + ".age", c, forbidden);
        }
        if (!v.kind().isClosed() || v.isMultiValued() || v.kind() == VariableKind.FLAG) {
          throw new AlignmentSpecException(
              origin, path, "an age rule fills a single-valued age band or majority status");
        }
        AgeOutput.of(v).orElseThrow(
            () -> new AlignmentSpecException(
                origin, path,
                "target '" + v.name() + "' is neither ageBroad bands, Age range 1 bands nor Adult/Minor"));
    } else if (r instanceof TargetRule.Derived d) {
        for (int i = 0; i < d.from().size(); i++) {
          String s = d.from().get(i);
          Variable src =
              schema.variable(s).orElseThrow(
                  () -> new AlignmentSpecException(
                      origin, path + ".from",
                      "unknown target variable '" + SpecReader.shown(s) + "' in schema " + schema.id()));
          if (d.kind() != DerivationKind.MAJORITY_FROM_AGE_BAND && src.kind() != VariableKind.FLAG) {
            throw new AlignmentSpecException(
                origin, path + ".from[" + i + "]", "'" + SpecReader.shown(s) + "' must be a flag for " + d.kind());
          }
        }
        switch (d.kind()) {
          case ANY_OF, ALL_OF -> flag(origin, path, v);
          case JOINED_LABELS -> {
            if (!v.isMultiValued() || joinedCodes(schema, v, d.from()).isEmpty()) {
              throw new AlignmentSpecException(
                  origin, path,
                  "joinedLabels needs a multi-valued target with one code per source flag: a source the schema "
                      + "derives it from, or a flag whose label is one of its codes, each code once");
            }
          }
          case MAJORITY_FROM_AGE_BAND -> {
            if (d.from().size() != 1 || !v.kind().isClosed() || v.values().indexOf("Adult") < 0
                || v.values().indexOf("Minor") < 0) {
              throw new AlignmentSpecException(
                  origin, path, "majorityFromAgeBand needs one band source and an Adult/Minor target");
            }
          }
        }
    }
  }

  /**
   * The code of a joinedLabels target that each source flag sets: its place among the sources the schema
   * derives the target from (the schema's value set lists one code per source, in that order), else the
   * code equal (folded) to the flag's label or one of the code's aliases. The written order of the labels
   * is then the value set's, whatever order a spec lists the sources in.
   *
   * @param schema the target schema
   * @param v the multi-valued target
   * @param from the source flags
   * @return one code index per source, distinct, or empty when a source has no code
   */
  static java.util.Optional<int[]> joinedCodes(Schema schema, Variable v, List<String> from) {
    List<String> declared =
        v.derivation().filter(x -> x.kind() == DerivationKind.JOINED_LABELS)
            .map(org.ctdc.schema.Derivation::sources).orElse(List.of());
    int[] codes = new int[from.size()];
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < from.size(); i++) {
      int c = declared.size() == v.values().size() ? declared.indexOf(from.get(i)) : -1;
      if (c < 0) {
        Variable flag = schema.variable(from.get(i)).orElse(null);
        if (flag != null) {
          String label = NormalizerRegistry.fold(flag.label());
          for (int k = 0; k < v.values().size() && c < 0; k++) {
            org.ctdc.schema.Code code = v.values().code(k);
            if (NormalizerRegistry.fold(code.code()).equals(label)
                || code.aliases().stream().anyMatch(al -> NormalizerRegistry.fold(al).equals(label))) {
              c = k;
            }
          }
        }
      }
      if (c < 0 || !seen.add(c)) {
        return java.util.Optional.empty();
      }
      codes[i] = c;
    }
    return java.util.Optional.of(codes);
  }

  private static void flag(String origin, String path, Variable v) {
    if (v.kind() != VariableKind.FLAG) {
      throw new AlignmentSpecException(origin, path, "target '" + v.name() + "' is not a flag");
    }
  }

  private static void column(String origin, String path, String column, Set<String> forbidden) {
    if (forbidden.contains(column)) {
      throw new AlignmentSpecException(
          origin, path, "column '" + SpecReader.shown(column) + "' is an identifier or free-text column and is never read");
    }
  }

  private static void checkCycles(String origin, List<TargetRule> rules, Map<String, Integer> position) {
    Map<String, List<String>> edges = new HashMap<>();
    for (TargetRule r : rules) {
      if (r instanceof TargetRule.Derived d) {
        edges.put(d.target(), d.from());
      }
    }
    Map<String, Integer> state = new HashMap<>();
    for (TargetRule r : rules) {
      List<String> trail = new ArrayList<>();
      if (r instanceof TargetRule.Derived d && visit(d.target(), edges, state, trail)) {
        Integer at = position.get(trail.get(0));
        throw new AlignmentSpecException(
            origin, at == null ? "target " + trail.get(0) : "rules[" + at + "].from",
            "cycle among derived variables: " + String.join(" -> ", trail));
      }
    }
  }

  /** Depth-first search; true with the cycle in {@code trail} when one is found. */
  private static boolean visit(
      String node, Map<String, List<String>> edges, Map<String, Integer> state, List<String> trail) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return false;
    }
    if (s != null && s == 1) {
      int from = trail.indexOf(node);
      List<String> cycle = new ArrayList<>(trail.subList(from, trail.size()));
      cycle.add(node);
      trail.clear();
      trail.addAll(cycle);
      return true;
    }
    List<String> next = edges.get(node);
    if (next == null) {
      return false;
    }
    state.put(node, 1);
    trail.add(node);
    for (String n : next) {
      if (visit(n, edges, state, trail)) {
        return true;
      }
    }
    trail.remove(trail.size() - 1);
    state.put(node, 2);
    return false;
  }
}
