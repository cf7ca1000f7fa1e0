package org.ctdc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One shared variable of a {@link Schema}: its name as written in a release header, what it means, its
 * kind and value set, whether it is multi-valued, how it is derived, its default de-identification role,
 * the names it had in earlier schema versions, and free notes such as "collected from 2017".
 *
 * <p>Create one with {@link #builder(String, VariableKind)}. This class is immutable and thread-safe; its
 * {@link Builder} is not thread-safe.
 */
public final class Variable {

  private final String name;
  private final String label;
  private final String definition;
  private final VariableKind kind;
  private final @Nullable ValueSet valueSet;
  private final boolean multiValued;
  private final @Nullable String separator;
  private final @Nullable Integer minimum;
  private final @Nullable Integer maximum;
  private final @Nullable Derivation derivation;
  private final Role role;
  private final List<String> previousNames;
  private final List<String> notes;

  private Variable(Builder b) {
    this.name = b.name;
    this.label = b.label.isBlank() ? b.name : b.label;
    this.definition = b.definition;
    this.kind = b.kind;
    this.multiValued = b.multiValued;
    this.separator = b.separator;
    this.minimum = b.minimum;
    this.maximum = b.maximum;
    this.derivation = b.derivation;
    this.role = b.role;
    this.previousNames = List.copyOf(b.previousNames);
    this.notes = List.copyOf(b.notes);
    String where = "variables." + name;
    if (name.isBlank()) {
      throw new SchemaFormatException("<builder>", "variables", "a variable needs a name");
    }
    if (kind == VariableKind.FLAG) {
      if (b.valueSet != null && !b.valueSet.equals(ValueSet.FLAG)) {
        throw new SchemaFormatException("<builder>", where, "a flag takes no value set of its own");
      }
      this.valueSet = ValueSet.FLAG;
    } else if (kind.isClosed()) {
      if (b.valueSet == null) {
        throw new SchemaFormatException("<builder>", where, "a " + kind + " variable needs a value set");
      }
      this.valueSet = b.valueSet;
    } else {
      if (b.valueSet != null) {
        throw new SchemaFormatException("<builder>", where, "a " + kind + " variable takes no value set");
      }
      this.valueSet = null;
    }
    if (multiValued && (!kind.isClosed() || kind == VariableKind.FLAG)) {
      throw new SchemaFormatException("<builder>", where, "only categorical, band and country variables can be multi-valued");
    }
    if (multiValued && valueSet != null && valueSet.size() > 63) {
      throw new SchemaFormatException("<builder>", where, "a multi-valued variable may have at most 63 codes");
    }
    if (separator != null && (separator.isEmpty() || !multiValued)) {
      throw new SchemaFormatException("<builder>", where, "a separator is only for multi-valued variables and must not be empty");
    }
    if ((minimum != null || maximum != null) && !kind.isInteger()) {
      throw new SchemaFormatException("<builder>", where, "bounds are only for year and count variables");
    }
    if (minimum != null && maximum != null && minimum > maximum) {
      throw new SchemaFormatException("<builder>", where, "minimum is greater than maximum");
    }
    if (previousNames.contains(name)) {
      throw new SchemaFormatException("<builder>", where, "previousNames must not repeat the name");
    }
  }

  /**
   * Starts a variable.
   *
   * @param name the name as written in a release header
   * @param kind its kind
   * @return a new builder
   */
  public static Builder builder(String name, VariableKind kind) {
    return new Builder(name, kind);
  }

  /**
   * A builder preset with every property of this variable, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, kind);
    b.label = label;
    b.definition = definition;
    b.valueSet = kind == VariableKind.FLAG ? null : valueSet;
    b.multiValued = multiValued;
    b.separator = separator;
    b.minimum = minimum;
    b.maximum = maximum;
    b.derivation = derivation;
    b.role = role;
    b.previousNames.addAll(previousNames);
    b.notes.addAll(notes);
    return b;
  }

  /** @return the name as written in a release header */
  public String name() {
    return name;
  }

  /** @return the label; the name when none was given */
  public String label() {
    return label;
  }

  /** @return the definition, possibly empty */
  public String definition() {
    return definition;
  }

  /** @return the kind */
  public VariableKind kind() {
    return kind;
  }

  /** @return the value set of a closed variable ({@link ValueSet#FLAG} for flags), or empty */
  public Optional<ValueSet> valueSet() {
    return Optional.ofNullable(valueSet);
  }

  /**
   * The value set of a closed variable.
   *
   * @return the value set
   * @throws IllegalStateException if the variable is not closed
   */
  public ValueSet values() {
    if (valueSet == null) {
      throw new IllegalStateException("variable " + name + " has no value set");
    }
    return valueSet;
  }

  /** @return whether a value is a set of codes */
  public boolean isMultiValued() {
    return multiValued;
  }

  /**
   * The separator of a multi-valued variable when it differs from the release format's.
   *
   * @return the separator, or empty to use the release format's
   */
  public Optional<String> separator() {
    return Optional.ofNullable(separator);
  }

  /**
   * The separator to use for this variable under a release format.
   *
   * @param format the release format
   * @return this variable's own separator, or the format's
   */
  public String separatorIn(ReleaseFormat format) {
    return separator != null ? separator : format.separator();
  }

  /** @return the smallest allowed value of a year or count, or empty */
  public OptionalInt minimum() {
    return minimum == null ? OptionalInt.empty() : OptionalInt.of(minimum);
  }

  /** @return the largest allowed value of a year or count, or empty */
  public OptionalInt maximum() {
    return maximum == null ? OptionalInt.empty() : OptionalInt.of(maximum);
  }

  /** @return the rule deriving this variable from others, or empty */
  public Optional<Derivation> derivation() {
    return Optional.ofNullable(derivation);
  }

  /** @return the default de-identification role */
  public Role role() {
    return role;
  }

  /** @return the names this variable had in earlier schema versions (several when it merges them) */
  public List<String> previousNames() {
    return previousNames;
  }

  /** @return free notes, such as "collected from 2017" */
  public List<String> notes() {
    return notes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Variable v
        && v.name.equals(name)
        && v.label.equals(label)
        && v.definition.equals(definition)
        && v.kind == kind
        && Objects.equals(v.valueSet, valueSet)
        && v.multiValued == multiValued
        && Objects.equals(v.separator, separator)
        && Objects.equals(v.minimum, minimum)
        && Objects.equals(v.maximum, maximum)
        && Objects.equals(v.derivation, derivation)
        && v.role == role
        && v.previousNames.equals(previousNames)
        && v.notes.equals(notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, valueSet, role, previousNames);
  }

  @Override
  public String toString() {
    return "Variable[" + name + ", " + kind + (multiValued ? ", multi" : "") + ", " + role + "]";
  }

  /**
   * Builds a {@link Variable}. Not thread-safe. Every setter returns this builder.
   */
  public static final class Builder {
    private final String name;
    private final VariableKind kind;
    private String label = "";
    private String definition = "";
    private @Nullable ValueSet valueSet;
    private boolean multiValued;
    private @Nullable String separator;
    private @Nullable Integer minimum;
    private @Nullable Integer maximum;
    private @Nullable Derivation derivation;
    private Role role = Role.INSENSITIVE;
    private final List<String> previousNames = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(String name, VariableKind kind) {
      this.name = name;
      this.kind = kind;
      if (kind == VariableKind.IDENTIFIER) {
        this.role = Role.IDENTIFIER;
      }
    }

    /** @param label the label @return this builder */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /** @param definition the definition @return this builder */
    public Builder definition(String definition) {
      this.definition = definition;
      return this;
    }

    /** @param valueSet the value set of a closed variable @return this builder */
    public Builder values(ValueSet valueSet) {
      this.valueSet = valueSet;
      return this;
    }

    /** @param codes the codes of an inline value set, labels equal to codes @return this builder */
    public Builder values(String... codes) {
      this.valueSet = ValueSet.ofCodes(codes);
      return this;
    }

    /** @param multiValued whether a value is a set of codes @return this builder */
    public Builder multiValued(boolean multiValued) {
      this.multiValued = multiValued;
      return this;
    }

    /** @param separator this variable's own separator for multi-values @return this builder */
    public Builder separator(@Nullable String separator) {
      this.separator = separator;
      return this;
    }

    /** @param minimum the smallest allowed value, or null @return this builder */
    public Builder minimum(@Nullable Integer minimum) {
      this.minimum = minimum;
      return this;
    }

    /** @param maximum the largest allowed value, or null @return this builder */
    public Builder maximum(@Nullable Integer maximum) {
      this.maximum = maximum;
      return this;
    }

    /** @param derivation how the variable is derived, or null @return this builder */
    public Builder derivation(@Nullable Derivation derivation) {
      this.derivation = derivation;
      return this;
    }

    /** @param role the default de-identification role @return this builder */
    public Builder role(Role role) {
      this.role = role;
      return this;
    }

    /** @param names names in earlier schema versions @return this builder */
    public Builder previousNames(List<String> names) {
      this.previousNames.clear();
      this.previousNames.addAll(names);
      return this;
    }

    /** @param notes free notes @return this builder */
    public Builder notes(List<String> notes) {
      this.notes.clear();
      this.notes.addAll(notes);
      return this;
    }

    /** @param note one free note to add @return this builder */
    public Builder note(String note) {
      this.notes.add(note);
      return this;
    }

    /**
     * Builds the variable.
     *
     * @return the variable
     * @throws SchemaFormatException naming the variable and the rule when the settings conflict
     */
    public Variable build() {
      return new Variable(this);
    }
  }
}
