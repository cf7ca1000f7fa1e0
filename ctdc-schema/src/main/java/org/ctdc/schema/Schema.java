package org.ctdc.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned shared-variable schema: a name, a version, a description, the sources its definitions come
 * from, the {@link ReleaseFormat} its releases are written in, and its ordered {@link Variable}s. Every CTDC
 * release is made against one schema; the bundled ones are listed by {@link Schemas}.
 *
 * <p>Create one with {@link #builder(String, String)} or read one with {@link SchemaFiles}. This class is
 * immutable and thread-safe; its {@link Builder} is not thread-safe.
 */
public final class Schema {

  private final String name;
  private final String version;
  private final String description;
  private final List<String> sources;
  private final ReleaseFormat format;
  private final List<Variable> variables;
  private final List<String> notes;
  private final Map<String, Integer> index;

  private Schema(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.description = b.description;
    this.sources = List.copyOf(b.sources);
    this.format = b.format;
    this.variables = List.copyOf(b.variables);
    this.notes = List.copyOf(b.notes);
    String src = b.source;
    if (name.isBlank() || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new SchemaFormatException(src, "name", "a schema name is letters, digits, '.', '_' and '-'");
    }
    if (version.isBlank() || !version.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new SchemaFormatException(src, "version", "a version is letters, digits, '.', '_' and '-'");
    }
    if (variables.isEmpty()) {
      throw new SchemaFormatException(src, "variables", "a schema needs at least one variable");
    }
    Map<String, Integer> idx = new HashMap<>();
    Map<String, ValueSet> shared = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      if (idx.putIfAbsent(v.name(), i) != null) {
        throw new SchemaFormatException(src, "variables[" + i + "]", "duplicate variable '" + v.name() + "'");
      }
      Optional<ValueSet> vs = v.valueSet();
      if (vs.isPresent() && vs.get().isNamed() && v.kind() != VariableKind.FLAG) {
        ValueSet prev = shared.putIfAbsent(vs.get().name(), vs.get());
        if (prev != null && !prev.equals(vs.get())) {
          throw new SchemaFormatException(
              src, "variables[" + i + "]", "two different value sets are both named '" + vs.get().name() + "'");
        }
      }
    }
    this.index = Map.copyOf(idx);
    for (int i = 0; i < variables.size(); i++) {
      Variable v = variables.get(i);
      if (v.derivation().isPresent()) {
        Derivation d = v.derivation().get();
        for (int j = 0; j < d.sources().size(); j++) {
          String s = d.sources().get(j);
          if (!idx.containsKey(s)) {
            throw new SchemaFormatException(
                src,
                "variables[" + i + "].derivedFrom.sources[" + j + "]",
                "derived variable '" + v.name() + "' refers to unknown variable '" + s + "'");
          }
          if (s.equals(v.name())) {
            throw new SchemaFormatException(
                src, "variables[" + i + "].derivedFrom", "variable '" + v.name() + "' is derived from itself");
          }
        }
      }
    }
  }

  /**
   * Starts a schema.
   *
   * @param name the schema name, such as {@code ctdc-global-kanon}
   * @param version the version, such as {@code 2018}
   * @return a new builder
   */
  public static Builder builder(String name, String version) {
    return new Builder(name, version);
  }

  /** @return the name */
  public String name() {
    return name;
  }

  /** @return the version */
  public String version() {
    return version;
  }

  /** @return {@code name@version}, the schema's identity */
  public String id() {
    return name + "@" + version;
  }

  /** @return the description, possibly empty */
  public String description() {
    return description;
  }

  /** @return where the definitions come from (codebooks, standards), in order */
  public List<String> sources() {
    return sources;
  }

  /** @return the release format of this schema's releases */
  public ReleaseFormat format() {
    return format;
  }

  /** @return the variables in release order */
  public List<Variable> variables() {
    return variables;
  }

  /** @return free notes on the schema as a whole */
  public List<String> notes() {
    return notes;
  }

  /** @return the number of variables */
  public int size() {
    return variables.size();
  }

  /**
   * The variable of a name.
   *
   * @param name the exact name
   * @return the variable, or empty
   */
  public Optional<Variable> variable(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(variables.get(i));
  }

  /**
   * The position of a variable.
   *
   * @param name the exact name
   * @return the index, or -1 when there is no such variable
   */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /**
   * The named value sets the variables share, in order of first use.
   *
   * @return value-set name to value set
   */
  public Map<String, ValueSet> sharedValueSets() {
    Map<String, ValueSet> m = new LinkedHashMap<>();
    for (Variable v : variables) {
      if (v.kind() != VariableKind.FLAG) {
        v.valueSet().filter(ValueSet::isNamed).ifPresent(vs -> m.putIfAbsent(vs.name(), vs));
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * A builder preset with every property of this schema, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, version);
    b.description = description;
    b.sources.addAll(sources);
    b.format = format;
    b.variables.addAll(variables);
    b.notes.addAll(notes);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s
        && s.name.equals(name)
        && s.version.equals(version)
        && s.description.equals(description)
        && s.sources.equals(sources)
        && s.format.equals(format)
        && s.variables.equals(variables)
        && s.notes.equals(notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, variables);
  }

  @Override
  public String toString() {
    return "Schema[" + id() + ", " + variables.size() + " variables]";
  }

  /** Builds a {@link Schema}. Not thread-safe. Every setter returns this builder. */
  public static final class Builder {
    private final String name;
    private final String version;
    private String description = "";
    private final List<String> sources = new ArrayList<>();
    private ReleaseFormat format = ReleaseFormat.CTDC_SYNTHETIC;
    private final List<Variable> variables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String source = "<builder>";

    private Builder(String name, String version) {
      this.name = name;
      this.version = version;
    }

    /** @param description the description @return this builder */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** @param sources where the definitions come from @return this builder */
    public Builder sources(List<String> sources) {
      this.sources.clear();
      this.sources.addAll(sources);
      return this;
    }

    /** @param format the release format @return this builder */
    public Builder format(ReleaseFormat format) {
      this.format = format;
      return this;
    }

    /** @param variable a variable to append @return this builder */
    public Builder add(Variable variable) {
      this.variables.add(variable);
      return this;
    }

    /** @param variables variables to append, in order @return this builder */
    public Builder addAll(List<Variable> variables) {
      this.variables.addAll(variables);
      return this;
    }

    /** @param name the variable to remove @return this builder */
    public Builder remove(String name) {
      this.variables.removeIf(v -> v.name().equals(name));
      return this;
    }

    /** @param notes free notes @return this builder */
    public Builder notes(List<String> notes) {
      this.notes.clear();
      this.notes.addAll(notes);
      return this;
    }

    /**
     * Names the file or resource the schema is read from, so that errors found by {@link #build()} name it.
     *
     * @param source a file or resource name
     * @return this builder
     */
    public Builder origin(String source) {
      this.source = source;
      return this;
    }

    /**
     * Builds the schema.
     *
     * @return the schema
     * @throws SchemaFormatException naming the source, the path and the rule when a rule is broken
     */
    public Schema build() {
      return new Schema(this);
    }
  }
}
