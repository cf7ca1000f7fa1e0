package org.ctdc.schema;

import java.util.List;
import java.util.Objects;

/**
 * One difference between two versions of a schema, as found by {@link SchemaDiff#between(Schema, Schema)}.
 * Variable names refer to the newer schema, except in {@link VariableRemoved}, in the sources of
 * {@link VariablesMerged} and in {@link VariableRenamed#from()}, which name variables of the older schema.
 *
 * <p>Changes to descriptions, labels, definitions, notes, aliases, bounds and derivations are not
 * reported: a change is something a reader of a release must act on.
 *
 * <p>Every implementation is an immutable record and thread-safe.
 */
public sealed interface SchemaChange
    permits SchemaChange.VariableAdded,
        SchemaChange.VariableRemoved,
        SchemaChange.VariableRenamed,
        SchemaChange.VariablesMerged,
        SchemaChange.KindChanged,
        SchemaChange.RoleChanged,
        SchemaChange.MultiValuedChanged,
        SchemaChange.ValueSetChanged,
        SchemaChange.ValueSetRecoded,
        SchemaChange.ReleaseFormatChanged {

  /**
   * A variable of the newer schema that matches no variable of the older one, neither by name nor by its
   * previous names.
   *
   * @param name the variable's name in the newer schema
   * @param kind its kind
   */
  record VariableAdded(String name, VariableKind kind) implements SchemaChange {
    /** Checks for null. @throws NullPointerException if an argument is null */
    public VariableAdded {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A variable of the older schema that no variable of the newer one matches or merges.
   *
   * @param name the variable's name in the older schema
   */
  record VariableRemoved(String name) implements SchemaChange {
    /** Checks for null. @throws NullPointerException if the name is null */
    public VariableRemoved {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A variable of the newer schema that matches exactly one older variable through its previous names.
   *
   * @param from the name in the older schema
   * @param to the name in the newer schema
   */
  record VariableRenamed(String from, String to) implements SchemaChange {
    /** Checks for null. @throws NullPointerException if an argument is null */
    public VariableRenamed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A variable of the newer schema whose previous names match two or more older variables: the older
   * variables were merged into it (for example the means-of-control flags of CTDC v2024).
   *
   * @param from the older variables, in the order of the newer variable's previous names; at least two
   * @param to the name in the newer schema
   */
  record VariablesMerged(List<String> from, String to) implements SchemaChange {
    /**
     * Checks and copies.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if fewer than two sources are given
     */
    public VariablesMerged {
      from = List.copyOf(from);
      Objects.requireNonNull(to, "to");
      if (from.size() < 2) {
        throw new IllegalArgumentException("a merge has at least two sources");
      }
    }
  }

  /**
   * The kind of a matched variable changed.
   *
   * @param variable the name in the newer schema
   * @param from the kind in the older schema
   * @param to the kind in the newer schema
   */
  record KindChanged(String variable, VariableKind from, VariableKind to) implements SchemaChange {
    /** Checks for null. @throws NullPointerException if an argument is null */
    public KindChanged {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * The default de-identification role of a matched variable changed.
   *
   * @param variable the name in the newer schema
   * @param from the role in the older schema
   * @param to the role in the newer schema
   */
  record RoleChanged(String variable, Role from, Role to) implements SchemaChange {
    /** Checks for null. @throws NullPointerException if an argument is null */
    public RoleChanged {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * A matched variable became multi-valued, or stopped being so.
   *
   * @param variable the name in the newer schema
   * @param from whether it was multi-valued in the older schema
   * @param to whether it is multi-valued in the newer schema
   */
  record MultiValuedChanged(String variable, boolean from, boolean to) implements SchemaChange {
    /** Checks for null. @throws NullPointerException if the variable is null */
    public MultiValuedChanged {
      Objects.requireNonNull(variable, "variable");
    }
  }

  /**
   * The codes of a matched closed variable changed, compared code by code.
   *
   * @param variable the name in the newer schema
   * @param added codes only in the newer value set, in its order
   * @param removed codes only in the older value set, in its order
   * @param relabelled codes in both whose label changed, in the newer value set's order
   */
  record ValueSetChanged(String variable, List<String> added, List<String> removed, List<String> relabelled)
      implements SchemaChange {
    /** Checks and copies. @throws NullPointerException if an argument is null */
    public ValueSetChanged {
      Objects.requireNonNull(variable, "variable");
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      relabelled = List.copyOf(relabelled);
    }
  }

  /**
   * The codes of a matched closed variable were replaced by another coding of the same things: most codes
   * differ, but most pair up by equal label (ISO 3166-1 alpha-2 to alpha-3, for example). Reported once per
   * variable, instead of a {@link ValueSetChanged}.
   *
   * @param variable the name in the newer schema
   * @param fromValueSet the older value set's name, empty for an inline value set
   * @param toValueSet the newer value set's name, empty for an inline value set
   * @param matched how many codes paired up by equal label
   * @param unmatchedFrom older codes whose label has no partner, in the older value set's order
   * @param unmatchedTo newer codes whose label has no partner, in the newer value set's order
   */
  record ValueSetRecoded(
      String variable,
      String fromValueSet,
      String toValueSet,
      int matched,
      List<String> unmatchedFrom,
      List<String> unmatchedTo)
      implements SchemaChange {
    /**
     * Checks and copies.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code matched} is negative
     */
    public ValueSetRecoded {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(fromValueSet, "fromValueSet");
      Objects.requireNonNull(toValueSet, "toValueSet");
      if (matched < 0) {
        throw new IllegalArgumentException("matched must not be negative");
      }
      unmatchedFrom = List.copyOf(unmatchedFrom);
      unmatchedTo = List.copyOf(unmatchedTo);
    }
  }

  /**
   * The release format changed: missing tokens, flag tokens, separator or delimiter.
   *
   * @param details one human-readable line per changed property, such as
   *     {@code flagFalse "0" -> ""}; at least one
   */
  record ReleaseFormatChanged(List<String> details) implements SchemaChange {
    /**
     * Checks and copies.
     *
     * @throws NullPointerException if the list is null
     * @throws IllegalArgumentException if the list is empty
     */
    public ReleaseFormatChanged {
      details = List.copyOf(details);
      if (details.isEmpty()) {
        throw new IllegalArgumentException("a release format change has at least one detail");
      }
    }
  }
}
