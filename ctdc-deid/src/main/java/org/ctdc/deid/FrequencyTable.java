package org.ctdc.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ctdc.deid.internal.LevelZeroTable;
import org.ctdc.deid.transform.TopBottomCoding;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The frequency table the generalisation search runs on: the distinct combinations of the
 * quasi-identifiers' level-0 values, the number of records of each, and per combination the distribution of
 * each sensitive variable a privacy model names. Nothing else of the records is in it, and the search
 * ({@link Deidentifier#plan(FrequencyTable)}) needs nothing else.
 *
 * <p>Three ways to make one:
 *
 * <ul>
 *   <li>{@link #of(Dataset, DeidConfig)}: one pass over a dataset (after the configuration's top and bottom
 *       codings, as a run applies them);
 *   <li>{@link #merge(List)}: the sum of tables of parts of the records, for example built on the workers of
 *       a cluster and collected on one machine; the merged table equals the table of all the records, so the
 *       search over it finds the same node;
 *   <li>{@link #builder(Schema, DeidConfig)}: combinations given by code, for example the rows of a
 *       group-by over the quasi-identifiers and the sensitive variables, without a {@link Dataset}.
 * </ul>
 *
 * <p>Codes: the level-0 code of a quasi-identifier's value is the index of its leaf in the hierarchy
 * ({@link Hierarchy#leaves()}); a missing value has code {@code leaves + reason.ordinal()} (see {@link
 * Builder#missingCode}). Combinations are in ascending order of their codes, the first quasi-identifier
 * most significant.
 *
 * <p>This class is immutable and thread-safe. Its {@link Builder} is not thread-safe.
 */
public final class FrequencyTable {
  private final LevelZeroTable table;
  private final DeidConfig config;
  private final Schema schema;

  private FrequencyTable(LevelZeroTable table, DeidConfig config, Schema schema) {
    this.table = table;
    this.config = config;
    this.schema = schema;
  }

  /**
   * The table of a dataset: the configuration's top and bottom codings are applied first, as a run applies
   * them.
   *
   * @param data the records
   * @param config the configuration: its quasi-identifiers, hierarchies, models and codings
   * @return the table
   * @throws HierarchyException if a hierarchy does not cover a value of the data
   * @throws DeidException if the configuration does not fit the data
   */
  public static FrequencyTable of(Dataset data, DeidConfig config) {
    Dataset coded = data;
    for (DeidConfig.Coding c : config.codings()) {
      if (data.schema().indexOf(c.variable()) < 0) {
        throw new DeidException("configuration codes variable '" + c.variable() + "', which schema "
            + data.schema().id() + " lacks");
      }
      coded = (c.top() ? TopBottomCoding.top(coded, c.variable(), c.threshold())
          : TopBottomCoding.bottom(coded, c.variable(), c.threshold())).dataset();
    }
    return new FrequencyTable(
        LevelZeroTable.of(coded, config.quasiIdentifiers(), config.hierarchies(), config.models()), config,
        data.schema());
  }

  /**
   * Merges tables of parts of the same records' set: equal combinations add their counts and distributions.
   *
   * @param tables tables made for the same schema and configuration (quasi-identifiers, hierarchies and
   *     models)
   * @return the table of all their records
   * @throws IllegalArgumentException if the list is empty or the tables' schemas or configurations differ
   */
  public static FrequencyTable merge(List<FrequencyTable> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("tables: at least one table is needed to merge");
    }
    FrequencyTable first = tables.get(0);
    List<LevelZeroTable> parts = new ArrayList<>();
    for (FrequencyTable t : tables) {
      if (!t.schema.id().equals(first.schema.id()) || !t.config.models().equals(first.config.models())) {
        throw new IllegalArgumentException("tables: the tables are made for different schemas or models");
      }
      parts.add(t.table);
    }
    return new FrequencyTable(LevelZeroTable.merge(parts), first.config, first.schema);
  }

  /**
   * Starts a table given combination by combination.
   *
   * @param schema the schema of the records counted: the kinds and value sets of the variables
   * @param config the configuration: its quasi-identifiers, hierarchies and models
   * @return a builder
   * @throws IllegalArgumentException if a quasi-identifier or a sensitive variable is not in the schema, or
   *     is multi-valued or text
   */
  public static Builder builder(Schema schema, DeidConfig config) {
    return new Builder(schema, config);
  }

  /** @return the schema of the records counted */
  public Schema schema() {
    return schema;
  }

  /** @return the configuration the table is made for */
  public DeidConfig config() {
    return config;
  }

  /** @return the quasi-identifiers, in configuration order */
  public List<String> quasiIdentifiers() {
    return table.quasiIdentifiers();
  }

  /** @return the sensitive variables whose distributions are counted, in the order of the models */
  public List<String> sensitiveVariables() {
    return config.sensitiveVariables();
  }

  /** @return the number of distinct combinations */
  public int size() {
    return table.size();
  }

  /** @return the number of records counted */
  public long records() {
    return table.rows();
  }

  /**
   * The number of records of a combination.
   *
   * @param combination the combination's index, in [0, {@link #size()})
   * @return its count, at least 1
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public long count(int combination) {
    Objects.checkIndex(combination, size());
    return table.count(combination);
  }

  /**
   * The level-0 code of a quasi-identifier in a combination.
   *
   * @param combination the combination's index
   * @param quasiIdentifier the quasi-identifier's index, in configuration order
   * @return the code: a leaf index, or {@code leaves + reason.ordinal()} for a missing value
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public int code(int combination, int quasiIdentifier) {
    Objects.checkIndex(combination, size());
    Objects.checkIndex(quasiIdentifier, quasiIdentifiers().size());
    return table.code(combination, quasiIdentifier);
  }

  /**
   * The distribution of a sensitive variable over the records of a combination.
   *
   * @param combination the combination's index
   * @param variable one of {@link #sensitiveVariables()}
   * @return per value present (a code of its value set, a level-0 value of its t-closeness hierarchy, or an
   *     integer as text) the number of records, in value order; the records where it is missing are the
   *     combination's {@link #count} minus their sum
   * @throws IndexOutOfBoundsException if the index is out of range
   * @throws IllegalArgumentException if the variable is not sensitive
   */
  public java.util.Map<String, Long> distribution(int combination, String variable) {
    Objects.checkIndex(combination, size());
    List<LevelZeroTable.Channel> channels = table.channels();
    for (int ch = 0; ch < channels.size(); ch++) {
      LevelZeroTable.Channel c = channels.get(ch);
      if (c.variable().equals(variable)) {
        Hierarchy h = c.hierarchy();
        List<String> labels = h == null ? c.labels() : h.leaves();
        int[] hist = table.histogram(combination, ch);
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (int v = 0; v < labels.size(); v++) {
          if (hist[v] > 0) {
            out.put(labels.get(v), (long) hist[v]);
          }
        }
        return java.util.Collections.unmodifiableMap(out);
      }
    }
    throw new IllegalArgumentException("variable: '" + variable + "' is not a sensitive variable of the models");
  }

  /** The table behind this one, for the library's own use. */
  LevelZeroTable levelZero() {
    return table;
  }

  /**
   * Two tables are equal when they count the same combinations with the same distributions for the same
   * schema, quasi-identifiers, hierarchies and sensitive variables.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FrequencyTable t && table.equals(t.table);
  }

  @Override
  public int hashCode() {
    return table.hashCode();
  }

  /** @return the size, never a value */
  @Override
  public String toString() {
    return "FrequencyTable[schema=" + schema.id() + ", quasiIdentifiers=" + quasiIdentifiers() + ", combinations="
        + size() + ", records=" + records() + "]";
  }

  /**
   * Adds combinations by code: take each value's code from {@link #code}, {@link #missingCode}, {@link
   * #sensitiveCode} or {@link #sensitiveMissingCode}, then {@link #add} the records having them. Adding the
   * same combination twice adds up. Not thread-safe.
   */
  public static final class Builder {
    private final LevelZeroTable.Builder b;
    private final DeidConfig config;
    private final Schema schema;

    private Builder(Schema schema, DeidConfig config) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.config = Objects.requireNonNull(config, "config");
      this.b = LevelZeroTable.builder(schema, config.quasiIdentifiers(), config.hierarchies(), config.models());
    }

    /**
     * The level-0 code of a quasi-identifier's value.
     *
     * @param quasiIdentifier the quasi-identifier
     * @param label a level-0 value (leaf) of its hierarchy
     * @return the code
     * @throws IllegalArgumentException if the variable is not a quasi-identifier or the label not a leaf
     */
    public int code(String quasiIdentifier, String label) {
      return b.code(quasiIdentifier, label);
    }

    /**
     * The level-0 code of a quasi-identifier's missing value.
     *
     * @param quasiIdentifier the quasi-identifier
     * @param reason why it is missing
     * @return the code
     * @throws IllegalArgumentException if the variable is not a quasi-identifier
     */
    public int missingCode(String quasiIdentifier, MissingReason reason) {
      return b.missingCode(quasiIdentifier, reason);
    }

    /**
     * The code of a sensitive variable's value (for a year or count, the integer as text).
     *
     * @param variable a sensitive variable of the models
     * @param label its value
     * @return the code
     * @throws IllegalArgumentException if the variable is not sensitive or the value not one of its values
     */
    public int sensitiveCode(String variable, String label) {
      return b.sensitiveCode(variable, label);
    }

    /**
     * The code of a sensitive variable's missing value.
     *
     * @param variable a sensitive variable of the models
     * @param reason why it is missing
     * @return the code
     * @throws IllegalArgumentException if the variable is not sensitive
     */
    public int sensitiveMissingCode(String variable, MissingReason reason) {
      return b.sensitiveMissingCode(variable, reason);
    }

    /**
     * Adds records with the same values.
     *
     * @param quasiIdentifierCodes the level-0 code of each quasi-identifier, in configuration order
     * @param sensitiveCodes the code of each sensitive variable, in {@link FrequencyTable#sensitiveVariables()}
     *     order (empty without sensitive models)
     * @param records how many records have these values, at least 1
     * @return this builder
     * @throws IllegalArgumentException if a code is out of range or the arrays' lengths are wrong
     */
    public Builder add(int[] quasiIdentifierCodes, int[] sensitiveCodes, long records) {
      b.add(quasiIdentifierCodes, sensitiveCodes, records);
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table, immutable and thread-safe
     * @throws IllegalArgumentException if a value of a hierarchical t-closeness variable is not a leaf of its
     *     hierarchy
     * @throws DeidException if the table counts more than {@link Integer#MAX_VALUE} records
     */
    public FrequencyTable build() {
      return new FrequencyTable(b.build(), config, schema);
    }
  }
}
