package org.ctdc.deid.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.ctdc.deid.DeidException;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.jspecify.annotations.Nullable;

/**
 * The level-0 frequency table behind {@code org.ctdc.deid.FrequencyTable}: the distinct combinations of the
 * quasi-identifiers' level-0 ids (hierarchy leaves, then one missing slot per {@link MissingReason}), packed
 * into {@code long} keys with fixed bit widths (the first quasi-identifier in the highest bits) and sorted
 * ascending, their record counts, and per sensitive channel the flat histogram of sensitive ids per
 * combination. Built from a dataset (one pass and one radix sort), from rows given by code, or by merging
 * tables. Immutable once built.
 */
public final class LevelZeroTable {

  /** A sensitive channel: a variable, with a hierarchy for the hierarchical t-closeness distance or not. */
  public record Channel(String variable, @Nullable Hierarchy hierarchy, boolean integer, List<String> labels) {
    /** Copies. */
    public Channel {
      labels = List.copyOf(labels);
    }

    /** @return the number of ids: the labels (or leaves), then the missing slots */
    int domain() {
      return (hierarchy == null ? labels.size() : hierarchy.leaves().size()) + QiCoding.MISSING_SLOTS;
    }

    boolean sameShape(Channel o) {
      return variable.equals(o.variable) && Objects.equals(hierarchy, o.hierarchy) && integer == o.integer
          && (integer || labels.equals(o.labels));
    }
  }

  final String schemaId;
  final List<String> qiNames;
  final List<Hierarchy> hierarchies;
  final List<Channel> channels;
  final int[] bits;
  final int[] shift;
  final int[] fieldMask;
  final long[] key;
  final int[] count;
  /** per channel, {@code combination * domain + id}. */
  final int[][] hist;
  final long rows;

  LevelZeroTable(String schemaId, List<String> qiNames, List<Hierarchy> hierarchies, List<Channel> channels,
      long[] key, int[] count, int[][] hist) {
    this.schemaId = schemaId;
    this.qiNames = List.copyOf(qiNames);
    this.hierarchies = List.copyOf(hierarchies);
    this.channels = List.copyOf(channels);
    int m = qiNames.size();
    this.bits = new int[m];
    this.shift = new int[m];
    this.fieldMask = new int[m];
    layout(qiNames, hierarchies, bits, shift, fieldMask);
    this.key = key;
    this.count = count;
    this.hist = hist;
    long n = 0;
    for (int c : count) {
      n += c;
    }
    if (n > Integer.MAX_VALUE) {
      throw new DeidException("the frequency table holds " + n + " records, more than " + Integer.MAX_VALUE);
    }
    this.rows = n;
  }

  /** The bit layout of packed keys: the last quasi-identifier in the lowest bits. */
  static void layout(List<String> names, List<Hierarchy> hs, int[] bits, int[] shift, int[] fieldMask) {
    int totalBits = 0;
    for (int i = names.size() - 1; i >= 0; i--) {
      int domain0 = hs.get(i).leaves().size() + QiCoding.MISSING_SLOTS;
      bits[i] = Math.max(1, 32 - Integer.numberOfLeadingZeros(domain0 - 1));
      shift[i] = totalBits;
      fieldMask[i] = (1 << bits[i]) - 1;
      totalBits += bits[i];
      if (totalBits > 63) {
        throw new DeidException(
            "the quasi-identifiers' value sets are too large to combine in a 63-bit key (at '" + names.get(i)
                + "'); use fewer quasi-identifiers or coarser level-0 values");
      }
    }
  }

  /**
   * The sensitive channels the models need, in the order the engine compiles them: one per sensitive
   * variable, and one more per hierarchy of a hierarchical t-closeness model.
   *
   * @param models the models
   * @return per channel the variable and its hierarchy, if any
   */
  static List<Map.Entry<String, @Nullable Hierarchy>> channelSpecs(List<PrivacyModel> models) {
    Map<String, Map.Entry<String, @Nullable Hierarchy>> byKey = new LinkedHashMap<>();
    for (PrivacyModel pm : models) {
      if (pm instanceof PrivacyModel.KAnonymity) {
        continue;
      }
      String var = pm.sensitive().orElseThrow();
      Hierarchy h =
          pm instanceof PrivacyModel.TCloseness tc && tc.hierarchy().isPresent() ? tc.hierarchy().get() : null;
      byKey.putIfAbsent(channelKey(var, h), new java.util.AbstractMap.SimpleImmutableEntry<>(var, h));
    }
    return new ArrayList<>(byKey.values());
  }

  static String channelKey(String var, @Nullable Hierarchy h) {
    return var + (h == null ? "" : "\u0000" + h.name() + "\u0000" + h.rows().hashCode());
  }

  /**
   * The table of a dataset: one pass per quasi-identifier and per channel, one radix sort of the packed
   * keys.
   *
   * @param data the dataset
   * @param qiNames the quasi-identifiers
   * @param hierarchies their hierarchies
   * @param models the privacy models, for the sensitive channels
   * @return the table
   */
  public static LevelZeroTable of(Dataset data, List<String> qiNames, List<Hierarchy> hierarchies,
      List<PrivacyModel> models) {
    int m = qiNames.size();
    int[] bits = new int[m];
    int[] shift = new int[m];
    int[] fieldMask = new int[m];
    QiCoding[] qis = new QiCoding[m];
    for (int i = 0; i < m; i++) {
      qis[i] = new QiCoding(data, qiNames.get(i), hierarchies.get(i));
    }
    layout(qiNames, hierarchies, bits, shift, fieldMask);
    List<Channel> channels = new ArrayList<>();
    List<SensitiveChannel> sens = new ArrayList<>();
    for (Map.Entry<String, @Nullable Hierarchy> spec : channelSpecs(models)) {
      SensitiveChannel ch = new SensitiveChannel(data, spec.getKey(), spec.getValue());
      sens.add(ch);
      channels.add(new Channel(spec.getKey(), spec.getValue(), ch.integer, ch.labels));
    }
    int rows = data.rowCount();
    long[] rowKeys = new long[rows];
    for (int i = 0; i < m; i++) {
      int[] id = qis[i].ids(data);
      int sh = shift[i];
      for (int r = 0; r < rows; r++) {
        rowKeys[r] |= (long) id[r] << sh;
      }
    }
    long[] sorted = sens.isEmpty() ? rowKeys : rowKeys.clone();
    Engine.radixSort(sorted, Arrays.stream(bits).sum());
    int size = 0;
    for (int r = 0; r < rows; r++) {
      if (r == 0 || sorted[r] != sorted[r - 1]) {
        size++;
      }
    }
    long[] key = new long[size];
    int[] count = new int[size];
    int e = -1;
    for (int r = 0; r < rows; r++) {
      if (r == 0 || sorted[r] != sorted[r - 1]) {
        key[++e] = sorted[r];
      }
      count[e]++;
    }
    int[][] hist = new int[sens.size()][];
    if (!sens.isEmpty()) {
      LongIntMap index = new LongIntMap(size);
      for (int c = 0; c < size; c++) {
        index.getOrPut(key[c], c);
      }
      for (int ch = 0; ch < sens.size(); ch++) {
        hist[ch] = new int[Math.multiplyExact(size, sens.get(ch).domain)];
      }
      for (int r = 0; r < rows; r++) {
        int c = index.get(rowKeys[r]);
        for (int ch = 0; ch < sens.size(); ch++) {
          SensitiveChannel s = sens.get(ch);
          hist[ch][c * s.domain + s.ids[r]]++;
        }
      }
    }
    return new LevelZeroTable(data.schema().id(), qiNames, hierarchies, channels, key, count, hist);
  }

  /**
   * Merges tables of the same shape (schema, quasi-identifiers, hierarchies and channels): the counts and
   * histograms of equal combinations add up; the values of integer channels are united.
   *
   * @param tables the tables, at least one
   * @return the merged table
   * @throws IllegalArgumentException if the list is empty or the tables differ in shape
   */
  public static LevelZeroTable merge(List<LevelZeroTable> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("tables: at least one table is needed to merge");
    }
    LevelZeroTable first = tables.get(0);
    int chans = first.channels.size();
    for (LevelZeroTable t : tables) {
      if (!t.schemaId.equals(first.schemaId) || !t.qiNames.equals(first.qiNames)
          || !t.hierarchies.equals(first.hierarchies) || t.channels.size() != chans) {
        throw new IllegalArgumentException("tables: the tables differ in schema, quasi-identifiers or hierarchies");
      }
      for (int ch = 0; ch < chans; ch++) {
        if (!t.channels.get(ch).sameShape(first.channels.get(ch))) {
          throw new IllegalArgumentException("tables: the tables differ in the sensitive variable '"
              + first.channels.get(ch).variable() + "'");
        }
      }
    }
    // united channels and, per table and channel, the map of its ids to the united ids
    List<Channel> channels = new ArrayList<>();
    int[][][] remap = new int[tables.size()][chans][];
    for (int ch = 0; ch < chans; ch++) {
      Channel c0 = first.channels.get(ch);
      List<String> labels = c0.labels();
      if (c0.integer() && c0.hierarchy() == null) {
        TreeSet<Integer> all = new TreeSet<>();
        for (LevelZeroTable t : tables) {
          for (String l : t.channels.get(ch).labels()) {
            all.add(Integer.parseInt(l));
          }
        }
        labels = all.stream().map(String::valueOf).toList();
      }
      Channel united = new Channel(c0.variable(), c0.hierarchy(), c0.integer(), labels);
      channels.add(united);
      for (int t = 0; t < tables.size(); t++) {
        Channel own = tables.get(t).channels.get(ch);
        int[] map = new int[own.domain()];
        int ownLabels = own.domain() - QiCoding.MISSING_SLOTS;
        int unitedLabels = united.domain() - QiCoding.MISSING_SLOTS;
        for (int id = 0; id < map.length; id++) {
          if (id >= ownLabels) {
            map[id] = unitedLabels + (id - ownLabels);
          } else if (united.hierarchy() == null && united.integer()) {
            map[id] = indexOfNumber(united.labels(), own.labels().get(id));
          } else {
            map[id] = id;
          }
        }
        remap[t][ch] = map;
      }
    }
    Map<Long, Integer> index = new HashMap<>();
    List<Long> keys = new ArrayList<>();
    for (LevelZeroTable t : tables) {
      for (long k : t.key) {
        if (index.putIfAbsent(k, keys.size()) == null) {
          keys.add(k);
        }
      }
    }
    long[] key = keys.stream().mapToLong(Long::longValue).sorted().toArray();
    for (int c = 0; c < key.length; c++) {
      index.put(key[c], c);
    }
    int[] count = new int[key.length];
    int[][] hist = new int[chans][];
    for (int ch = 0; ch < chans; ch++) {
      hist[ch] = new int[Math.multiplyExact(key.length, channels.get(ch).domain())];
    }
    for (int t = 0; t < tables.size(); t++) {
      LevelZeroTable tab = tables.get(t);
      for (int e = 0; e < tab.key.length; e++) {
        int c = Objects.requireNonNull(index.get(tab.key[e])); // every key was indexed
        count[c] = Math.addExact(count[c], tab.count[e]);
        for (int ch = 0; ch < chans; ch++) {
          int own = tab.channels.get(ch).domain();
          int united = channels.get(ch).domain();
          for (int id = 0; id < own; id++) {
            hist[ch][c * united + remap[t][ch][id]] += tab.hist[ch][e * own + id];
          }
        }
      }
    }
    return new LevelZeroTable(first.schemaId, first.qiNames, first.hierarchies, channels, key, count, hist);
  }

  /** The index of a label in a list of integer labels sorted numerically. */
  private static int indexOfNumber(List<String> sortedNumeric, String label) {
    int i = java.util.Collections.binarySearch(sortedNumeric, label,
        (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    if (i < 0) {
      throw new IllegalStateException("label not united");
    }
    return i;
  }

  /**
   * Starts a table given combination by combination, without a dataset.
   *
   * @param schema the schema of the records counted
   * @param qiNames the quasi-identifiers
   * @param hierarchies their hierarchies
   * @param models the privacy models, for the sensitive channels
   * @return the builder
   */
  public static Builder builder(Schema schema, List<String> qiNames, List<Hierarchy> hierarchies,
      List<PrivacyModel> models) {
    return new Builder(schema, qiNames, hierarchies, models);
  }

  /** Adds combinations by code. Not thread-safe. */
  public static final class Builder {
    private final Schema schema;
    private final List<String> qiNames;
    private final List<Hierarchy> hierarchies;
    private final List<String> sensitive = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    /** per channel, the index of its variable in {@link #sensitive}. */
    private final List<Integer> channelVariable = new ArrayList<>();
    /** per sensitive variable, its labels in the order first given. */
    private final List<LinkedHashMap<String, Integer>> given = new ArrayList<>();
    private final List<@Nullable Variable> variables = new ArrayList<>();
    private final int[] bits;
    private final int[] shift;
    private final int[] fieldMask;
    private final Map<Long, Integer> index = new HashMap<>();
    private final List<Long> keys = new ArrayList<>();
    private final List<long[]> counts = new ArrayList<>();
    /** per combination, per sensitive variable: value code (given order, missing -1 - reason) to count. */
    private final List<List<Map<Integer, Long>>> values = new ArrayList<>();

    private Builder(Schema schema, List<String> qiNames, List<Hierarchy> hierarchies, List<PrivacyModel> models) {
      this.schema = schema;
      this.qiNames = List.copyOf(qiNames);
      this.hierarchies = List.copyOf(hierarchies);
      int m = qiNames.size();
      bits = new int[m];
      shift = new int[m];
      fieldMask = new int[m];
      for (String q : qiNames) {
        variable(schema, q, "quasi-identifier");
      }
      layout(this.qiNames, this.hierarchies, bits, shift, fieldMask);
      for (Map.Entry<String, @Nullable Hierarchy> spec : channelSpecs(models)) {
        String var = spec.getKey();
        Variable v = variable(schema, var, "sensitive variable");
        if (!sensitive.contains(var)) {
          sensitive.add(var);
          given.add(new LinkedHashMap<>());
          variables.add(v);
        }
        channelVariable.add(sensitive.indexOf(var));
        List<String> labels = v.kind().isClosed() && spec.getValue() == null
            ? v.values().codes().stream().map(org.ctdc.schema.Code::code).toList() : List.of();
        channels.add(new Channel(var, spec.getValue(), v.kind().isInteger(), labels));
      }
    }

    private static Variable variable(Schema schema, String name, String what) {
      int c = schema.indexOf(name);
      if (c < 0) {
        throw new IllegalArgumentException(what + " '" + name + "' is not in schema " + schema.id());
      }
      Variable v = schema.variables().get(c);
      if (v.isMultiValued() || v.kind().isText()) {
        throw new IllegalArgumentException(what + " '" + name
            + "' must be a single-valued closed, year or count variable");
      }
      return v;
    }

    /** @return the sensitive variables, in the order of {@link #add}'s sensitive codes */
    public List<String> sensitiveVariables() {
      return List.copyOf(sensitive);
    }

    /**
     * The level-0 code of a quasi-identifier's value.
     *
     * @param qi the quasi-identifier
     * @param label a leaf (level-0 value) of its hierarchy
     * @return the code
     */
    public int code(String qi, String label) {
      int i = qi(qi);
      int leaf = hierarchies.get(i).indexOf(0, label);
      if (leaf < 0) {
        throw new IllegalArgumentException("code: the value is not a level-0 value of the hierarchy of '" + qi + "'");
      }
      return leaf;
    }

    /**
     * The level-0 code of a quasi-identifier's missing value.
     *
     * @param qi the quasi-identifier
     * @param reason why it is missing
     * @return the code
     */
    public int missingCode(String qi, MissingReason reason) {
      return hierarchies.get(qi(qi)).leaves().size() + reason.ordinal();
    }

    private int qi(String qi) {
      int i = qiNames.indexOf(qi);
      if (i < 0) {
        throw new IllegalArgumentException("'" + qi + "' is not a quasi-identifier of the configuration");
      }
      return i;
    }

    private int sens(String variable) {
      int i = sensitive.indexOf(variable);
      if (i < 0) {
        throw new IllegalArgumentException("'" + variable + "' is not a sensitive variable of the models");
      }
      return i;
    }

    /**
     * The code of a sensitive variable's value.
     *
     * @param variable the sensitive variable
     * @param label its value: a code of its value set, or an integer
     * @return the code
     */
    public int sensitiveCode(String variable, String label) {
      int s = sens(variable);
      Variable v = Objects.requireNonNull(variables.get(s));
      if (v.kind().isInteger()) {
        try {
          label = String.valueOf(Integer.parseInt(label.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("sensitiveCode: '" + variable + "' takes integers");
        }
      } else if (v.values().indexOf(label) < 0) {
        throw new IllegalArgumentException("sensitiveCode: the value is not a code of '" + variable + "'");
      }
      LinkedHashMap<String, Integer> g = given.get(s);
      Integer id = g.get(label);
      if (id == null) {
        id = g.size();
        g.put(label, id);
      }
      return id;
    }

    /**
     * The code of a sensitive variable's missing value.
     *
     * @param variable the sensitive variable
     * @param reason why it is missing
     * @return the code (negative)
     */
    public int sensitiveMissingCode(String variable, MissingReason reason) {
      sens(variable);
      return -1 - reason.ordinal();
    }

    /**
     * Adds records.
     *
     * @param qiCodes the level-0 code of each quasi-identifier, in configuration order
     * @param sensitiveCodes the code of each sensitive variable, in {@link #sensitiveVariables()} order
     * @param records how many records have these values, at least 1
     * @return this builder
     */
    public Builder add(int[] qiCodes, int[] sensitiveCodes, long records) {
      if (qiCodes.length != qiNames.size()) {
        throw new IllegalArgumentException("add: " + qiCodes.length + " quasi-identifier codes for "
            + qiNames.size() + " quasi-identifiers");
      }
      if (sensitiveCodes.length != sensitive.size()) {
        throw new IllegalArgumentException("add: " + sensitiveCodes.length + " sensitive codes for "
            + sensitive.size() + " sensitive variables");
      }
      if (records < 1) {
        throw new IllegalArgumentException("add: records must be at least 1, is " + records);
      }
      long k = 0;
      for (int i = 0; i < qiCodes.length; i++) {
        int domain0 = hierarchies.get(i).leaves().size() + QiCoding.MISSING_SLOTS;
        if (qiCodes[i] < 0 || qiCodes[i] >= domain0) {
          throw new IllegalArgumentException("add: code " + qiCodes[i] + " of '" + qiNames.get(i)
              + "' is outside [0, " + domain0 + ")");
        }
        k |= (long) qiCodes[i] << shift[i];
      }
      for (int s = 0; s < sensitiveCodes.length; s++) {
        int sc = sensitiveCodes[s];
        if (sc >= given.get(s).size() || sc < -MissingReason.values().length) {
          throw new IllegalArgumentException("add: code " + sc + " of '" + sensitive.get(s)
              + "' is not given by sensitiveCode or sensitiveMissingCode");
        }
      }
      Integer c = index.get(k);
      if (c == null) {
        c = keys.size();
        index.put(k, c);
        keys.add(k);
        counts.add(new long[1]);
        List<Map<Integer, Long>> perVar = new ArrayList<>();
        for (int s = 0; s < sensitive.size(); s++) {
          perVar.add(new HashMap<>());
        }
        values.add(perVar);
      }
      counts.get(c)[0] += records;
      for (int s = 0; s < sensitiveCodes.length; s++) {
        values.get(c).get(s).merge(sensitiveCodes[s], records, Long::sum);
      }
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table
     */
    public LevelZeroTable build() {
      List<Channel> united = new ArrayList<>();
      int chans = channels.size();
      int[][] idOf = new int[chans][];
      for (int ch = 0; ch < chans; ch++) {
        Channel c0 = channels.get(ch);
        int s = channelVariable.get(ch);
        List<String> labels = c0.labels();
        if (c0.integer() && c0.hierarchy() == null) {
          labels = given.get(s).keySet().stream().map(Integer::parseInt).sorted().map(String::valueOf).toList();
        }
        Channel u = new Channel(c0.variable(), c0.hierarchy(), c0.integer(), labels);
        united.add(u);
        int[] map = new int[given.get(s).size()];
        for (Map.Entry<String, Integer> e : given.get(s).entrySet()) {
          int id;
          Hierarchy h = u.hierarchy();
          if (h != null) {
            id = h.indexOf(0, e.getKey());
            if (id < 0) {
              throw new IllegalArgumentException("a value of '" + u.variable()
                  + "' is not a level-0 value of its t-closeness hierarchy " + h.name());
            }
          } else {
            id = u.labels().indexOf(e.getKey());
          }
          map[e.getValue()] = id;
        }
        idOf[ch] = map;
      }
      long[] key = keys.stream().mapToLong(Long::longValue).sorted().toArray();
      int[] count = new int[key.length];
      int[][] hist = new int[chans][];
      for (int ch = 0; ch < chans; ch++) {
        hist[ch] = new int[Math.multiplyExact(key.length, united.get(ch).domain())];
      }
      for (int c = 0; c < key.length; c++) {
        int src = Objects.requireNonNull(index.get(key[c])); // every key was indexed
        count[c] = Math.toIntExact(counts.get(src)[0]);
        for (int ch = 0; ch < chans; ch++) {
          Channel u = united.get(ch);
          int d = u.domain();
          int labels = d - QiCoding.MISSING_SLOTS;
          for (Map.Entry<Integer, Long> e : values.get(src).get(channelVariable.get(ch)).entrySet()) {
            int code = e.getKey();
            // a missing value: its reason's slot under a hierarchy, otherwise the one missing slot
            int id = code >= 0 ? idOf[ch][code] : u.hierarchy() != null ? labels + (-code - 1) : labels;
            hist[ch][c * d + id] += Math.toIntExact(e.getValue());
          }
        }
      }
      return new LevelZeroTable(schema.id(), qiNames, hierarchies, united, key, count, hist);
    }
  }

  /** @return the schema id of the records counted */
  public String schemaId() {
    return schemaId;
  }

  /** @return the quasi-identifiers */
  public List<String> quasiIdentifiers() {
    return qiNames;
  }

  /** @return their hierarchies */
  public List<Hierarchy> hierarchies() {
    return hierarchies;
  }

  /** @return the sensitive channels */
  public List<Channel> channels() {
    return channels;
  }

  /** @return the number of combinations */
  public int size() {
    return key.length;
  }

  /** @return the number of records */
  public long rows() {
    return rows;
  }

  /**
   * @param c a combination
   * @return its record count
   */
  public int count(int c) {
    return count[c];
  }

  /**
   * @param c a combination
   * @param qi a quasi-identifier's index
   * @return its level-0 code in the combination
   */
  public int code(int c, int qi) {
    return (int) (key[c] >>> shift[qi]) & fieldMask[qi];
  }

  /**
   * @param c a combination
   * @param channel a channel's index
   * @return the combination's histogram of the channel's ids, a new array
   */
  public int[] histogram(int c, int channel) {
    int d = channels.get(channel).domain();
    return Arrays.copyOfRange(hist[channel], c * d, (c + 1) * d);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LevelZeroTable t && schemaId.equals(t.schemaId) && qiNames.equals(t.qiNames)
        && hierarchies.equals(t.hierarchies) && channels.equals(t.channels) && Arrays.equals(key, t.key)
        && Arrays.equals(count, t.count) && Arrays.deepEquals(hist, t.hist);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schemaId, qiNames, Arrays.hashCode(key), Arrays.hashCode(count));
  }
}
