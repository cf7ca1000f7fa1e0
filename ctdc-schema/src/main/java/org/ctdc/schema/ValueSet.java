package org.ctdc.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A closed, ordered set of {@link Code}s. A value set may be named, so that several variables of a schema
 * share it (for example every country variable of a release shares {@code iso3166-alpha2}); an inline
 * value set has the empty name. In a {@link Dataset} a value is stored as its code's index in this list.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ValueSet {

  /** The implicit value set of every {@link VariableKind#FLAG} variable: index 0 is no, 1 is yes. */
  public static final ValueSet FLAG = new ValueSet("flag", List.of(Code.of("0", "No"), Code.of("1", "Yes")));

  private final String name;
  private final List<Code> codes;
  private final Map<String, Integer> index;

  private ValueSet(String name, List<Code> codes) {
    this.name = name;
    this.codes = List.copyOf(codes);
    if (this.codes.isEmpty()) {
      throw new SchemaFormatException("<builder>", valueSetPath(name), "a value set must not be empty");
    }
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < this.codes.size(); i++) {
      Code c = this.codes.get(i);
      if (idx.putIfAbsent(c.code(), i) != null) {
        throw new SchemaFormatException(
            "<builder>", valueSetPath(name), "duplicate code '" + c.code() + "'");
      }
    }
    for (int i = 0; i < this.codes.size(); i++) {
      Code c = this.codes.get(i);
      for (String alias : c.aliases()) {
        Integer prev = idx.putIfAbsent(alias, i);
        if (prev != null && prev != i) {
          throw new SchemaFormatException(
              "<builder>",
              valueSetPath(name),
              "alias '" + alias + "' of code '" + c.code() + "' collides with code '"
                  + this.codes.get(prev).code() + "'");
        }
      }
    }
    this.index = Map.copyOf(idx);
  }

  private static String valueSetPath(String name) {
    return name.isEmpty() ? "values" : "valueSets." + name;
  }

  /**
   * An inline (unnamed) value set.
   *
   * @param codes the codes in order; not empty, no duplicates, no alias colliding with another code
   * @return the value set
   * @throws SchemaFormatException if a rule is broken
   */
  public static ValueSet of(List<Code> codes) {
    return new ValueSet("", codes);
  }

  /**
   * A named value set, shared by the variables that refer to it.
   *
   * @param name the name; not blank
   * @param codes the codes in order; not empty, no duplicates, no alias colliding with another code
   * @return the value set
   * @throws SchemaFormatException if a rule is broken
   */
  public static ValueSet named(String name, List<Code> codes) {
    if (name.isBlank()) {
      throw new SchemaFormatException("<builder>", "valueSets", "a named value set needs a name");
    }
    return new ValueSet(name, codes);
  }

  /**
   * An inline value set whose codes are their own labels.
   *
   * @param codes the codes in order
   * @return the value set
   * @throws SchemaFormatException if a rule is broken
   */
  public static ValueSet ofCodes(String... codes) {
    return of(java.util.Arrays.stream(codes).map(Code::of).toList());
  }

  /** @return the name, or the empty string for an inline value set */
  public String name() {
    return name;
  }

  /** @return whether this value set is named (shared) */
  public boolean isNamed() {
    return !name.isEmpty();
  }

  /** @return the codes, in order */
  public List<Code> codes() {
    return codes;
  }

  /** @return the number of codes */
  public int size() {
    return codes.size();
  }

  /**
   * The code at an index.
   *
   * @param index an index from 0 to {@code size() - 1}
   * @return the code
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Code code(int index) {
    return codes.get(index);
  }

  /**
   * The index of a token read from a release: an exact code or one of its aliases.
   *
   * @param token the token as read
   * @return the index, or -1 when the token is neither a code nor an alias
   */
  public int indexOf(String token) {
    Integer i = index.get(token);
    return i == null ? -1 : i;
  }

  /**
   * The code a token stands for.
   *
   * @param token the token as read
   * @return the code, or empty when the token is neither a code nor an alias
   */
  public Optional<Code> find(String token) {
    int i = indexOf(token);
    return i < 0 ? Optional.empty() : Optional.of(codes.get(i));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueSet v && v.name.equals(name) && v.codes.equals(codes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, codes);
  }

  @Override
  public String toString() {
    return "ValueSet[" + (name.isEmpty() ? "inline" : name) + ", " + codes.size() + " codes]";
  }
}
