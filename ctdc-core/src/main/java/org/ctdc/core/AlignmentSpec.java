package org.ctdc.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ctdc.core.internal.SpecValidator;
import org.ctdc.schema.Schema;

/**
 * A declarative description of how one partner's records become rows of a target {@link Schema}: the
 * partner's {@link SourceConventions}, the columns that must never be read (identifiers, free text), and
 * one {@link TargetRule} per target variable. Read one from YAML or JSON with {@link Specs}
 * ({@code alignmentFormat: 1}, {@code docs/alignment-spec.md}) or build one with {@link #builder}.
 *
 * <p>A spec is validated when built: every rule names a variable of the target schema, maps only onto
 * codes of its value set, uses known normalisers and reads no identifier or free-text column; derived
 * variables form no cycle; every target variable has a rule, except those the schema derives (such as
 * {@code *Concatenated} columns and {@code majorityStatus}), which are derived automatically.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AlignmentSpec {

  private final String origin;
  private final String name;
  private final String partner;
  private final String description;
  private final Schema target;
  private final SourceConventions conventions;
  private final SourceFormats formats;
  private final List<String> identifierColumns;
  private final List<String> freeTextColumns;
  private final List<TargetRule> rules;
  private final List<String> notes;

  private AlignmentSpec(Builder b, List<TargetRule> completed) {
    this.origin = b.origin;
    this.name = b.name;
    this.partner = b.partner;
    this.description = b.description;
    this.target = b.target;
    this.conventions = b.conventions;
    this.formats = b.formats;
    this.identifierColumns = List.copyOf(b.identifierColumns);
    this.freeTextColumns = List.copyOf(b.freeTextColumns);
    this.rules = List.copyOf(completed);
    this.notes = List.copyOf(b.notes);
  }

  /**
   * Starts a spec.
   *
   * @param name the spec's name, such as {@code hotline-to-kanon-2020}
   * @param target the target schema
   * @return a new builder, not thread-safe
   */
  public static Builder builder(String name, Schema target) {
    return new Builder(name, target);
  }

  /** @return where the spec was read from (file or resource name), or {@code <builder>} */
  public String origin() {
    return origin;
  }

  /** @return the spec's name */
  public String name() {
    return name;
  }

  /** @return the partner id, kept as provenance when datasets are merged */
  public String partner() {
    return partner;
  }

  /** @return the description, possibly empty */
  public String description() {
    return description;
  }

  /** @return the target schema */
  public Schema target() {
    return target;
  }

  /** @return the partner's conventions */
  public SourceConventions conventions() {
    return conventions;
  }

  /** @return how the partner writes dates and ages (the {@code formats} section) */
  public SourceFormats formats() {
    return formats;
  }

  /** @return columns holding identifiers: never read, never copied, listed as dropped */
  public List<String> identifierColumns() {
    return identifierColumns;
  }

  /** @return columns holding free text (names, addresses, narratives): never read, listed as dropped */
  public List<String> freeTextColumns() {
    return freeTextColumns;
  }

  /**
   * The rules, one per target variable, in the target schema's variable order; includes the derived
   * rules added for variables the schema derives and the spec did not mention.
   *
   * @return the rules
   */
  public List<TargetRule> rules() {
    return rules;
  }

  /** @return free notes documenting the mapping decisions */
  public List<String> notes() {
    return notes;
  }

  @Override
  public String toString() {
    return "AlignmentSpec[" + name + " -> " + target.id() + ", " + rules.size() + " rules]";
  }

  /**
   * Builds an {@link AlignmentSpec}. Not thread-safe. Every setter returns this builder.
   */
  public static final class Builder {
    private final String name;
    private final Schema target;
    private String origin = "<builder>";
    private String partner;
    private String description = "";
    private SourceConventions conventions = SourceConventions.DEFAULTS;
    private SourceFormats formats = SourceFormats.DEFAULTS;
    private final List<String> identifierColumns = new ArrayList<>();
    private final List<String> freeTextColumns = new ArrayList<>();
    private final List<TargetRule> rules = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(String name, Schema target) {
      this.name = nonBlank(name, "name");
      this.target = Objects.requireNonNull(target, "target");
      this.partner = name;
    }

    private static String nonBlank(String value, String setting) {
      Objects.requireNonNull(value, setting);
      if (value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank");
      }
      return value;
    }

    /**
     * @param origin the file or resource name used in error messages (default {@code <builder>})
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder origin(String origin) {
      this.origin = nonBlank(origin, "origin");
      return this;
    }

    /**
     * @param partner the partner id (default: the spec's name)
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder partner(String partner) {
      this.partner = nonBlank(partner, "partner");
      return this;
    }

    /** @param description a description @return this builder */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** @param conventions the partner's conventions @return this builder */
    public Builder conventions(SourceConventions conventions) {
      this.conventions = Objects.requireNonNull(conventions, "conventions");
      return this;
    }

    /** @param formats how the partner writes dates and ages @return this builder */
    public Builder formats(SourceFormats formats) {
      this.formats = Objects.requireNonNull(formats, "formats");
      return this;
    }

    /**
     * @param columns identifier columns, never read (appended)
     * @return this builder
     * @throws IllegalArgumentException if a column name is blank
     */
    public Builder identifierColumns(List<String> columns) {
      columns.forEach(c -> this.identifierColumns.add(nonBlank(c, "identifierColumns")));
      return this;
    }

    /**
     * @param columns free-text columns, never read (appended)
     * @return this builder
     * @throws IllegalArgumentException if a column name is blank
     */
    public Builder freeTextColumns(List<String> columns) {
      columns.forEach(c -> this.freeTextColumns.add(nonBlank(c, "freeTextColumns")));
      return this;
    }

    /**
     * @param rule a rule for one target variable, such as one of {@link TargetRule}'s factories makes
     * @return this builder
     */
    public Builder rule(TargetRule rule) {
      this.rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Adds the rule a rule builder builds, such as
     * {@code rule(TargetRule.flagWhen("isSexualExploit").from("Type").when("Sex"))}.
     *
     * @param rule the rule's builder, built now
     * @return this builder
     * @throws IllegalStateException when the rule builder lacks a required setting ({@link TargetRule.RuleBuilder#build()})
     */
    public Builder rule(TargetRule.RuleBuilder<?> rule) {
      return rule(rule.build());
    }

    /**
     * {@code rule(TargetRule.constant(target, value))}.
     *
     * @param target the variable
     * @param value its constant value
     * @return this builder
     * @throws IllegalArgumentException if {@code target} is blank
     */
    public Builder constant(String target, String value) {
      return rule(TargetRule.constant(target, value));
    }

    /**
     * {@code rule(TargetRule.notCollected(target))} for each target.
     *
     * @param targets variables this source does not collect
     * @return this builder
     * @throws IllegalArgumentException if a target is blank
     */
    public Builder notCollected(String... targets) {
      for (String t : targets) {
        rule(TargetRule.notCollected(t));
      }
      return this;
    }

    /**
     * A value read from a column through a map, rejecting unmapped values:
     * {@code rule(TargetRule.mapped(target).from(column).map(map))}.
     *
     * @param target the variable
     * @param column the source column
     * @param map source value to target code
     * @return this builder
     * @throws IllegalArgumentException if {@code target} or {@code column} is blank
     * @throws IllegalStateException if two keys of {@code map} compared alike map onto different codes
     */
    public Builder map(String target, String column, java.util.Map<String, String> map) {
      return rule(TargetRule.mapped(target).from(column).map(map));
    }

    /** @param note a note documenting a mapping decision @return this builder */
    public Builder note(String note) {
      this.notes.add(Objects.requireNonNull(note, "note"));
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the spec
     * @throws AlignmentSpecException naming the origin, the rule's path and the broken rule
     */
    public AlignmentSpec build() {
      List<TargetRule> completed =
          SpecValidator.validate(
              origin, target, conventions, identifierColumns, freeTextColumns, rules);
      return new AlignmentSpec(this, completed);
    }
  }
}
