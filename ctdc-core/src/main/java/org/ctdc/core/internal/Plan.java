package org.ctdc.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.RejectReason;
import org.ctdc.core.SourceConventions;
import org.ctdc.core.TargetRule;
import org.ctdc.core.normalize.Ages;
import org.ctdc.core.normalize.DatePatterns;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.jspecify.annotations.Nullable;

/**
 * An alignment spec compiled for fast row-by-row evaluation: the source columns it reads become slots,
 * each target variable a {@link Target} with memoised value resolution. Immutable apart from the
 * memo caches, which are per {@link Run}; thread-safe. Not API.
 */
public final class Plan {

  /** A missing cell read from a dataset whose reason is not collected (compared by identity). */
  @SuppressWarnings("StringOperationCanBeSimplified")
  public static final String NOT_COLLECTED_TOKEN = new String("");

  /** A missing cell read from a dataset whose reason is not applicable (compared by identity). */
  @SuppressWarnings("StringOperationCanBeSimplified")
  public static final String NOT_APPLICABLE_TOKEN = new String("");

  /** A missing cell read from a dataset whose reason is suppressed (compared by identity). */
  @SuppressWarnings("StringOperationCanBeSimplified")
  public static final String SUPPRESSED_TOKEN = new String("");

  static final int MU = Dataset.MISSING_UNKNOWN;
  static final int MNC = Dataset.MISSING_NOT_COLLECTED;
  static final int MNA = Dataset.MISSING_NOT_APPLICABLE;

  final AlignmentSpec spec;
  final List<Variable> variables;
  /** The source columns read, in order of first use. */
  final String[] slots;
  final Target[] targets;
  /** Derived targets in dependency order. */
  final int[] derivedOrder;
  /** The targets evaluated per row, in order: every target but the derived ones. */
  final int[] direct;
  /** Per target: its class, for a dispatch the compiler can inline (see {@link #EVAL_FLAG_WHEN}). */
  final byte[] evalKind;
  /** Per target: how its present value is appended (see {@link #APPEND_CODE} and the others). */
  final byte[] appendKind;
  /** The picklist columns read by flag-from-picklist rules, one per column and split setting. */
  final PicklistColumn[] picklists;
  final Set<String> missingTokens;
  final Set<String> flagTrue;
  final Set<String> flagFalse;
  final String[] separators;
  /** The partner's declared date patterns (ISO only by default). */
  final DatePatterns dates;
  /** The partner's declared age words (none by default). */
  final Ages.AgeWords ageWords;

  /**
   * Compiles a spec.
   *
   * @param spec the validated spec
   */
  public Plan(AlignmentSpec spec) {
    this.spec = spec;
    this.variables = spec.target().variables();
    SourceConventions c = spec.conventions();
    this.missingTokens = Set.copyOf(c.missing());
    this.flagTrue = lower(c.flagTrue());
    this.flagFalse = lower(c.flagFalse());
    this.separators =
        c.separators().stream().sorted((a, b) -> b.length() - a.length()).toArray(String[]::new);
    this.dates = spec.formats().datePatterns();
    this.ageWords = spec.formats().ageWords();
    Map<String, Integer> slotIndex = new LinkedHashMap<>();
    // per column read by FlagWhen rules: the vocabulary
    Map<String, Set<String>> vocab = new HashMap<>();
    for (TargetRule r : spec.rules()) {
      if (r instanceof TargetRule.FlagWhen f) {
        Set<String> s = vocab.computeIfAbsent(f.column(), k -> new HashSet<>());
        for (List<String> l : List.of(f.when(), f.unknownWhen(), f.otherValues())) {
          l.forEach(v -> s.add(NormalizerRegistry.fold(v)));
        }
      }
    }
    List<TargetRule> rules = spec.rules();
    this.targets = new Target[rules.size()];
    Map<String, PicklistColumn> picks = new LinkedHashMap<>();
    for (int t = 0; t < rules.size(); t++) {
      targets[t] = compile(t, rules.get(t), slotIndex, vocab, picks);
    }
    this.picklists = picks.values().toArray(PicklistColumn[]::new);
    this.slots = slotIndex.keySet().toArray(String[]::new);
    this.derivedOrder = derivedOrder(rules);
    List<Integer> d = new ArrayList<>();
    this.appendKind = new byte[targets.length];
    this.evalKind = new byte[targets.length];
    for (int t = 0; t < targets.length; t++) {
      if (!(rules.get(t) instanceof TargetRule.Derived)) {
        d.add(t);
      }
      evalKind[t] =
          targets[t] instanceof FlagWhenTarget ? EVAL_FLAG_WHEN
              : targets[t] instanceof MappedTarget ? EVAL_MAPPED
              : targets[t] instanceof ConstantTarget ? EVAL_CONSTANT
              : EVAL_OTHER;
      Variable v = variables.get(t);
      appendKind[t] =
          v.kind().isInteger() ? APPEND_INT
              : v.isMultiValued() ? APPEND_MASK
              : v.kind().isClosed() ? APPEND_CODE
              : APPEND_NONE;
    }
    this.direct = d.stream().mapToInt(Integer::intValue).toArray();
    // ---- column programs: the map and flag rules of one source column, resolved at once per value
    int[] owner = new int[targets.length]; // program id, or OWNER_CONSTANT, or OWNER_ROW
    Arrays.fill(owner, OWNER_ROW);
    Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
    List<Integer> oth = new ArrayList<>();
    List<Integer> othPos = new ArrayList<>();
    List<Integer> cons = new ArrayList<>();
    for (int p = 0; p < direct.length; p++) {
      int t = direct[p];
      if (targets[t] instanceof MappedTarget m) {
        bySlot.computeIfAbsent(m.slot, k -> new ArrayList<>()).add(p);
      } else if (targets[t] instanceof FlagWhenTarget f) {
        bySlot.computeIfAbsent(f.slot, k -> new ArrayList<>()).add(p);
      } else if (targets[t] instanceof ConstantTarget) {
        owner[t] = OWNER_CONSTANT;
        cons.add(t);
      } else {
        oth.add(t);
        othPos.add(p);
      }
    }
    List<List<Integer>> members = new ArrayList<>();
    List<Integer> progSlots = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : bySlot.entrySet()) {
      List<Integer> mem = new ArrayList<>();
      for (int p : e.getValue()) {
        mem.add(direct[p]);
        owner[direct[p]] = members.size();
      }
      members.add(mem);
      progSlots.add(e.getKey());
    }
    // derived targets whose sources are all constant, or of one program (or constant): folded there
    List<Integer> rest = new ArrayList<>();
    for (int t : derivedOrder) {
      int o = OWNER_CONSTANT;
      for (int s : ((DerivedTarget) targets[t]).from) {
        int so = owner[s];
        if (so == OWNER_CONSTANT) {
          continue;
        }
        if (so == OWNER_ROW || (o != OWNER_CONSTANT && o != so)) {
          o = OWNER_ROW;
          break;
        }
        o = so;
      }
      owner[t] = o;
      if (o == OWNER_CONSTANT) {
        cons.add(t);
      } else if (o == OWNER_ROW) {
        rest.add(t);
      } else {
        members.get(o).add(t);
      }
    }
    this.programs = new ColumnProgram[members.size()];
    for (int i = 0; i < programs.length; i++) {
      List<Integer> mem = members.get(i);
      // every program's slot has its direct targets listed
      List<Integer> direct = Objects.requireNonNull(bySlot.get(progSlots.get(i)));
      int directCount = direct.size();
      int[] pos = direct.stream().mapToInt(Integer::intValue).toArray();
      programs[i] = new ColumnProgram(i, progSlots.get(i), mem.stream().mapToInt(Integer::intValue).toArray(),
          directCount, pos);
    }
    this.others = oth.stream().mapToInt(Integer::intValue).toArray();
    this.othersPos = othPos.stream().mapToInt(Integer::intValue).toArray();
    this.constants = cons.stream().mapToInt(Integer::intValue).toArray();
    this.derivedRest = rest.stream().mapToInt(Integer::intValue).toArray();
    this.rowCounted = java.util.stream.IntStream.concat(Arrays.stream(others), Arrays.stream(derivedRest)).toArray();
  }

  /** The targets whose cells are counted row by row in the per-value evaluation: others and derivedRest. */
  final int[] rowCounted;

  private static final int OWNER_CONSTANT = -1;
  private static final int OWNER_ROW = -2;

  /**
   * The map and flag rules reading one source column, and the derived targets computed from them (and
   * from constants) alone: one raw value of the column gives all their cells at once (see
   * {@link Run}'s per-value results).
   */
  static final class ColumnProgram {
    final int id;
    final int slot;
    /** The targets filled: the column's map and flag targets in evaluation order, then folded derived ones. */
    final int[] members;
    /** How many of {@link #members} are map and flag targets (the rest are derived). */
    final int directCount;
    /** Per map and flag member: its position in {@link #direct}, which orders side effects before a reject. */
    final int[] position;

    ColumnProgram(int id, int slot, int[] members, int directCount, int[] position) {
      this.id = id;
      this.slot = slot;
      this.members = members;
      this.directCount = directCount;
      this.position = position;
    }
  }

  /** The column programs, one per column read by map or flag rules. */
  final ColumnProgram[] programs;
  /** The direct targets evaluated one by one per row (age and anyOf rules), in order. */
  final int[] others;
  /** Per target of {@link #others}: its position in {@link #direct}. */
  final int[] othersPos;
  /** Constant targets, then derived targets of constants only (in dependency order): staged once per run. */
  final int[] constants;
  /** Derived targets evaluated per row (not folded into a program, not constant), in dependency order. */
  final int[] derivedRest;

  static final byte EVAL_OTHER = 0;
  static final byte EVAL_FLAG_WHEN = 1;
  static final byte EVAL_MAPPED = 2;
  static final byte EVAL_CONSTANT = 3;

  static final byte APPEND_NONE = 0;
  static final byte APPEND_INT = 1;
  static final byte APPEND_MASK = 2;
  static final byte APPEND_CODE = 3;

  /**
   * A source column read by flag-from-picklist rules with one split setting: its vocabulary (the folded
   * values of every such rule reading the column), each value numbered by a bit. A raw value is parsed
   * once per row into a {@link Picked} set of bits that every rule on the column then tests.
   */
  final class PicklistColumn {
    final int id;
    final int slot;
    final boolean split;
    final Map<String, Integer> bit = new HashMap<>();
    final int words;
    /** The flag rules reading the column with this split setting, each at its {@code rank}. */
    final List<FlagWhenTarget> rules = new ArrayList<>();

    PicklistColumn(int id, int slot, boolean split, Set<String> vocabulary) {
      this.id = id;
      this.slot = slot;
      this.split = split;
      for (String v : vocabulary.stream().sorted().toList()) {
        bit.put(v, bit.size());
      }
      this.words = Math.max(1, (bit.size() + 63) >>> 6);
    }

    /** The flag of every rule of the column for a parsed value holding vocabulary values. */
    Resolution[] flagsOf(Picked p) {
      Resolution[] f = new Resolution[rules.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = rules.get(i).of(p);
      }
      return f;
    }

    long[] bits(Set<String> folded) {
      long[] b = new long[words];
      for (String f : folded) {
        int i = Objects.requireNonNull(bit.get(f)); // the folded values are the vocabulary's
        b[i >>> 6] |= 1L << i;
      }
      return b;
    }

    /**
     * The bit of one part of a raw value: {@link Picked#PART_MISSING} when the part is a missing token,
     * {@link Picked#PART_UNMAPPED} when it is outside the vocabulary.
     */
    int partBit(String part) {
      if (missingOf(part) != 0) {
        return Picked.PART_MISSING;
      }
      Integer i = bit.get(NormalizerRegistry.fold(part));
      return i == null ? Picked.PART_UNMAPPED : i;
    }

    /** Parses a raw value that is not absent; the run memoises parts and values. */
    Picked parse(String raw, Run run) {
      if (missingOf(raw) != 0) {
        return Picked.NONE;
      }
      if (!split) {
        return Picked.of(run.partBit(this, raw), words);
      }
      long[] b = null;
      int from = 0;
      int n = raw.length();
      String[] seps = separators;
      outer:
      for (int i = 0; i < n; ) {
        for (String sep : seps) {
          if (raw.startsWith(sep, i)) {
            int pb = run.partBit(this, raw.substring(from, i));
            if (pb == Picked.PART_UNMAPPED) {
              return Picked.UNMAPPED;
            }
            if (pb >= 0) {
              b = b == null ? new long[words] : b;
              b[pb >>> 6] |= 1L << pb;
            }
            i += sep.length();
            from = i;
            continue outer;
          }
        }
        i++;
      }
      int pb = run.partBit(this, raw.substring(from));
      if (pb == Picked.PART_UNMAPPED) {
        return Picked.UNMAPPED;
      }
      if (pb >= 0) {
        b = b == null ? new long[words] : b;
        b[pb >>> 6] |= 1L << pb;
      }
      return b == null ? Picked.NONE : new Picked(Picked.VALUES, b);
    }
  }

  /** A raw value of a picklist column parsed: the vocabulary values it holds, or why it holds none. */
  static final class Picked {
    static final int PART_MISSING = -1;
    static final int PART_UNMAPPED = -2;
    static final int VALUES = 0;
    static final int NO_VALUE = 1;
    static final int NOT_IN_VOCABULARY = 2;
    static final Picked NONE = new Picked(NO_VALUE, new long[0]);
    static final Picked UNMAPPED = new Picked(NOT_IN_VOCABULARY, new long[0]);

    final int state;
    final long[] bits;
    /** With {@link #VALUES}: the flag of each rule of the column by rank, set by the run. */
    Resolution[] flags = NO_FLAGS;

    private static final Resolution[] NO_FLAGS = new Resolution[0];

    Picked(int state, long[] bits) {
      this.state = state;
      this.bits = bits;
    }

    static Picked of(int partBit, int words) {
      if (partBit == PART_MISSING) {
        return NONE;
      }
      if (partBit == PART_UNMAPPED) {
        return UNMAPPED;
      }
      long[] b = new long[words];
      b[partBit >>> 6] |= 1L << partBit;
      return new Picked(VALUES, b);
    }

    boolean intersects(long[] other) {
      for (int i = 0; i < other.length; i++) {
        if ((bits[i] & other[i]) != 0) {
          return true;
        }
      }
      return false;
    }
  }

  private static Set<String> lower(List<String> l) {
    Set<String> s = new HashSet<>();
    l.forEach(x -> s.add(x.strip().toLowerCase(Locale.ROOT)));
    return Set.copyOf(s);
  }

  private int[] derivedOrder(List<TargetRule> rules) {
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      idx.put(variables.get(i).name(), i);
    }
    List<Integer> order = new ArrayList<>();
    boolean[] done = new boolean[rules.size()];
    for (int t = 0; t < rules.size(); t++) {
      visit(t, rules, idx, done, order);
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  private void visit(int t, List<TargetRule> rules, Map<String, Integer> idx, boolean[] done, List<Integer> order) {
    if (done[t] || !(rules.get(t) instanceof TargetRule.Derived d)) {
      return;
    }
    done[t] = true; // acyclic: checked by SpecValidator
    for (String s : d.from()) {
      visit(Objects.requireNonNull(idx.get(s)), rules, idx, done, order); // names checked by SpecValidator
    }
    order.add(t);
  }

  private int slot(String column, Map<String, Integer> slotIndex) {
    return slotIndex.computeIfAbsent(column, k -> slotIndex.size());
  }

  private Target compile(
      int t, TargetRule r, Map<String, Integer> slotIndex, Map<String, Set<String>> vocab,
      Map<String, PicklistColumn> picks) {
    Variable v = variables.get(t);
    if (r instanceof TargetRule.Constant c) {
      Resolution res = resolveTargetValue(v, c.value());
      return new ConstantTarget(t, r, res);
    } else if (r instanceof TargetRule.NotCollected) {
      return new ConstantTarget(t, r, Resolution.missing(MNC));
    } else if (r instanceof TargetRule.Mapped m) {
      return new MappedTarget(t, m, slot(m.column(), slotIndex), v);
    } else if (r instanceof TargetRule.FlagWhen f) {
      int slot = slot(f.column(), slotIndex);
      Set<String> vocabulary = Objects.requireNonNull(vocab.get(f.column())); // collected for every FlagWhen column
      PicklistColumn pc =
          picks.computeIfAbsent(
              (f.split() ? "split:" : "whole:") + f.column(),
              k -> new PicklistColumn(picks.size(), slot, f.split(), vocabulary));
      return new FlagWhenTarget(t, f, slot, vocabulary, pc);
    } else if (r instanceof TargetRule.AnyOf a) {
      int[] s = a.columns().stream().mapToInt(col -> slot(col, slotIndex)).toArray();
      return new AnyOfTarget(t, a, s);
    } else if (r instanceof TargetRule.Age a) {
      return new AgeTarget(
          t, a,
          a.exact().map(x -> slot(x, slotIndex)).orElse(-1),
          a.birthDate().map(x -> slot(x, slotIndex)).orElse(-1),
          a.referenceDate().map(x -> slot(x, slotIndex)).orElse(-1),
          a.band().map(x -> slot(x, slotIndex)).orElse(-1),
          a.majorityColumn().map(x -> slot(x, slotIndex)).orElse(-1),
          v);
    } else {
      TargetRule.Derived d = (TargetRule.Derived) r;
      int[] from = d.from().stream().mapToInt(spec.target()::indexOf).toArray();
      return new DerivedTarget(t, d, from, v);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // resolution of one value

  /** The result of resolving one source value for one target; memoised per raw value. */
  static final class Resolution {
    static final int VALUE = 0;
    static final int MISSING = 1;
    static final int UNMAPPED = 2;
    static final int INVALID = 3;

    final int kind;
    /** A code index, an integer value, or (missing) a negative missing constant. */
    final int code;
    final long mask;
    final double score;
    final @Nullable RejectReason reject;
    /** Unmapped: the closest candidate of the normaliser (a code of a closed set, e.g. a country's alpha-3), or null. */
    final @Nullable String suggestion;

    Resolution(int kind, int code, long mask, double score, @Nullable RejectReason reject) {
      this(kind, code, mask, score, reject, null);
    }

    private Resolution(
        int kind, int code, long mask, double score, @Nullable RejectReason reject, @Nullable String suggestion) {
      this.kind = kind;
      this.code = code;
      this.mask = mask;
      this.score = score;
      this.reject = reject;
      this.suggestion = suggestion;
    }

    /** An unmapped value with the normaliser's suggestions; the first is kept for the report. */
    static Resolution unmapped(List<String> suggestions) {
      return suggestions.isEmpty()
          ? UNMAPPED_VALUE
          : new Resolution(UNMAPPED, 0, 0, 0, RejectReason.UNMAPPED_VALUE, suggestions.get(0));
    }

    static Resolution code(int code, double score) {
      return new Resolution(VALUE, code, 0, score, null);
    }

    static Resolution mask(long mask, double score) {
      return new Resolution(VALUE, 0, mask, score, null);
    }

    static Resolution missing(int reason) {
      return new Resolution(MISSING, reason, 0, 1, null);
    }

    static final Resolution UNKNOWN = missing(MU);
    static final Resolution ONE = code(1, 1);
    static final Resolution ZERO = code(0, 1);
    static final Resolution UNMAPPED_VALUE = new Resolution(UNMAPPED, 0, 0, 0, RejectReason.UNMAPPED_VALUE);

    static Resolution invalid(RejectReason r) {
      return new Resolution(INVALID, 0, 0, 0, r);
    }

    boolean isFuzzy() {
      return kind == VALUE && score < 1.0;
    }
  }

  /** Resolves a value written in the spec (a constant or a map target), already validated. */
  static Resolution resolveTargetValue(Variable v, String value) {
    if (v.kind() == VariableKind.FLAG) {
      return Resolution.code(value.equals("1") ? 1 : 0, 1);
    }
    if (v.kind().isInteger()) {
      return Resolution.code(Integer.parseInt(value), 1);
    }
    int i = v.values().indexOf(value);
    return v.isMultiValued() ? Resolution.mask(1L << i, 1) : Resolution.code(i, 1);
  }

  /**
   * The missing constant of an absent cell or of a missing-reason token of a dataset (compared by
   * identity), or 0 for any other text, which may still be a missing token of the source.
   */
  static int absentOf(@Nullable String raw) {
    if (raw == null) {
      return MU;
    }
    if (raw == NOT_COLLECTED_TOKEN) {
      return MNC;
    }
    if (raw == NOT_APPLICABLE_TOKEN) {
      return MNA;
    }
    if (raw == SUPPRESSED_TOKEN) {
      return Dataset.MISSING_SUPPRESSED;
    }
    return 0;
  }

  /** The missing constant of a raw cell, or 0 when it holds a value. */
  int missingOf(@Nullable String raw) {
    int a = absentOf(raw);
    if (a != 0 || raw == null) {
      return a;
    }
    if (missingTokens.contains(raw)) {
      return MU;
    }
    String s = raw.strip();
    return s.length() != raw.length() && missingTokens.contains(s) ? MU : 0;
  }

  /** Parses a flag with the source's spellings: 1, 0, or -1 when not a flag. */
  int parseFlag(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT);
    if (flagTrue.contains(s)) {
      return 1;
    }
    if (flagFalse.contains(s)) {
      return 0;
    }
    return -1;
  }

  List<String> split(String raw) {
    List<String> out = new ArrayList<>(4);
    int from = 0;
    int n = raw.length();
    outer:
    for (int i = 0; i < n; ) {
      for (String sep : separators) {
        if (raw.startsWith(sep, i)) {
          out.add(raw.substring(from, i));
          i += sep.length();
          from = i;
          continue outer;
        }
      }
      i++;
    }
    out.add(raw.substring(from));
    return out;
  }

  // ------------------------------------------------------------------------------------------------
  // targets

  /** One target variable's compiled rule. */
  abstract static class Target {
    final int index;
    final TargetRule rule;
    /** The column named in rejects, or empty. */
    final String column;

    Target(int index, TargetRule rule, String column) {
      this.index = index;
      this.rule = rule;
      this.column = column;
    }

    /** The source columns read. */
    abstract List<String> columns();

    /**
     * Evaluates the rule on a row, writing into the run's staged cell.
     *
     * @return null when the cell is staged, else why the row is rejected
     */
    abstract @Nullable RejectReason eval(Run run, @Nullable String[] raw);

    /** Resolves one raw value (memoised by the run); only for targets reading one column. */
    Resolution resolve(String raw) {
      throw new IllegalStateException("not a single-column target");
    }
  }

  final class ConstantTarget extends Target {
    final Resolution res;

    ConstantTarget(int t, TargetRule r, Resolution res) {
      super(t, r, "");
      this.res = res;
    }

    @Override
    List<String> columns() {
      return List.of();
    }

    @Override
    @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
      run.stage(index, res);
      return null;
    }
  }

  final class MappedTarget extends Target {
    final int slot;
    final Variable v;
    final NormalizerRegistry.Step[] steps;
    final Map<String, Resolution> mapped = new HashMap<>();
    final Set<String> extraMissing = new HashSet<>();
    final Map<String, Integer> foldedCodes = new HashMap<>();
    final boolean reject;

    MappedTarget(int t, TargetRule.Mapped m, int slot, Variable v) {
      super(t, m, m.column());
      this.slot = slot;
      this.v = v;
      this.steps =
          m.normalizers().stream().map(n -> NormalizerRegistry.compile(n, v, dates, ageWords)).toArray(NormalizerRegistry.Step[]::new);
      for (Map.Entry<String, String> e : m.map().entrySet()) {
        mapped.put(NormalizerRegistry.fold(e.getKey()), resolveTargetValue(v, e.getValue()));
      }
      m.missing().forEach(x -> extraMissing.add(NormalizerRegistry.fold(x)));
      if (v.kind().isClosed() && v.kind() != VariableKind.FLAG) {
        for (int i = 0; i < v.values().size(); i++) {
          foldedCodes.putIfAbsent(NormalizerRegistry.fold(v.values().code(i).code()), i);
        }
        for (int i = 0; i < v.values().size(); i++) {
          for (String a : v.values().code(i).aliases()) {
            foldedCodes.putIfAbsent(NormalizerRegistry.fold(a), i);
          }
        }
      }
      this.reject = m.onUnmapped() == TargetRule.OnUnmapped.REJECT;
    }

    @Override
    List<String> columns() {
      return List.of(column);
    }

    @Override
    @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
      String s = raw[slot];
      int miss = absentOf(s);
      if (miss != 0 || s == null) {
        run.stageMissing(index, miss);
        return null;
      }
      Resolution res = run.memo(this, s);
      return run.apply(index, res, s, reject);
    }

    /** Resolves a raw value that is not absent: a missing token of the source is missing (unknown). */
    @Override
    Resolution resolve(String raw) {
      if (missingOf(raw) != 0) {
        return Resolution.UNKNOWN;
      }
      if (v.isMultiValued()) {
        long mask = 0;
        double score = 1;
        for (String part : split(raw)) {
          if (missingOf(part) != 0) {
            continue;
          }
          Resolution r = resolveOne(part.strip());
          if (r.kind == Resolution.MISSING) {
            continue;
          }
          if (r.kind != Resolution.VALUE) {
            return r;
          }
          mask |= r.kind == Resolution.VALUE ? maskOf(r) : 0;
          score = Math.min(score, r.score);
        }
        return mask == 0 ? Resolution.UNKNOWN : Resolution.mask(mask, score);
      }
      return resolveOne(raw.strip());
    }

    private long maskOf(Resolution r) {
      return r.mask != 0 ? r.mask : 1L << r.code;
    }

    Resolution resolveOne(String value) {
      String s = value;
      double score = 1;
      if (!extraMissing.isEmpty() && extraMissing.contains(NormalizerRegistry.fold(s))) {
        return Resolution.UNKNOWN;
      }
      for (NormalizerRegistry.Step step : steps) {
        NormalizerRegistry.Outcome o = step.apply(s);
        switch (o.kind()) {
          case MISSING:
            return Resolution.UNKNOWN;
          case UNMAPPED:
            return Resolution.unmapped(o.suggestions());
          case INVALID:
            return Resolution.invalid(o.reject());
          default:
            s = o.value();
            score = Math.min(score, o.score());
        }
      }
      String f = NormalizerRegistry.fold(s);
      if (!extraMissing.isEmpty() && extraMissing.contains(f)) {
        return Resolution.UNKNOWN;
      }
      Resolution m = mapped.get(f);
      if (m != null) {
        return score < 1 ? withScore(m, score) : m;
      }
      if (v.kind() == VariableKind.FLAG) {
        int flag = parseFlag(s);
        return flag < 0 ? Resolution.UNMAPPED_VALUE : Resolution.code(flag, score);
      }
      if (v.kind().isInteger()) {
        OptionalInt i = NormalizerRegistry.parseInt(s);
        if (i.isEmpty()) {
          return Resolution.invalid(RejectReason.NOT_A_NUMBER);
        }
        int x = i.getAsInt();
        if (x < v.minimum().orElse(v.kind() == VariableKind.COUNT ? 0 : Integer.MIN_VALUE)
            || x > v.maximum().orElse(Integer.MAX_VALUE)) {
          return Resolution.invalid(RejectReason.OUT_OF_RANGE);
        }
        return Resolution.code(x, score);
      }
      int idx = v.values().indexOf(s);
      if (idx < 0) {
        Integer fi = foldedCodes.get(f);
        idx = fi == null ? -1 : fi;
      }
      if (idx < 0) {
        return Resolution.UNMAPPED_VALUE;
      }
      return v.isMultiValued() ? Resolution.mask(1L << idx, score) : Resolution.code(idx, score);
    }

    private Resolution withScore(Resolution r, double score) {
      return new Resolution(r.kind, r.code, r.mask, score, r.reject);
    }
  }

  final class FlagWhenTarget extends Target {
    final int slot;
    final boolean split;
    final Set<String> when = new HashSet<>();
    final Set<String> unknownWhen = new HashSet<>();
    final Set<String> vocabulary;
    final boolean reject;
    final PicklistColumn picklist;
    final long[] whenBits;
    final long[] unknownBits;

    FlagWhenTarget(
        int t, TargetRule.FlagWhen f, int slot, Set<String> vocabulary, PicklistColumn picklist) {
      super(t, f, f.column());
      this.slot = slot;
      this.split = f.split();
      f.when().forEach(x -> when.add(NormalizerRegistry.fold(x)));
      f.unknownWhen().forEach(x -> unknownWhen.add(NormalizerRegistry.fold(x)));
      this.vocabulary = Set.copyOf(vocabulary);
      this.reject = f.onUnmapped() == TargetRule.OnUnmapped.REJECT;
      this.picklist = picklist;
      this.whenBits = picklist.bits(when);
      this.unknownBits = picklist.bits(unknownWhen);
      this.rank = picklist.rules.size();
      picklist.rules.add(this);
    }

    /** This rule's place among the rules of its picklist column. */
    final int rank;

    /** The flag of a parsed value; the same as {@link #resolve} of the raw value. */
    Resolution of(Picked p) {
      switch (p.state) {
        case Picked.NOT_IN_VOCABULARY:
          return Resolution.UNMAPPED_VALUE;
        case Picked.NO_VALUE:
          return Resolution.UNKNOWN;
        default:
          return p.intersects(whenBits) ? Resolution.ONE
              : p.intersects(unknownBits) ? Resolution.UNKNOWN
              : Resolution.ZERO;
      }
    }

    @Override
    List<String> columns() {
      return List.of(column);
    }

    @Override
    @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
      String s = raw[slot];
      int miss = absentOf(s);
      if (miss != 0 || s == null) {
        run.stageMissing(index, miss);
        return null;
      }
      return run.apply(index, flagOf(run.picked(picklist, s)), s, reject);
    }

    /** The flag of a value parsed by the run: {@link #of}, computed once per distinct value. */
    Resolution flagOf(Picked p) {
      return p.state == Picked.VALUES ? p.flags[rank]
          : p.state == Picked.NO_VALUE ? Resolution.UNKNOWN
          : Resolution.UNMAPPED_VALUE;
    }

    /** Resolves a raw value without the shared parse (the reference the parse must agree with). */
    @Override
    Resolution resolve(String raw) {
      boolean any = false;
      boolean set = false;
      boolean unknown = false;
      for (String part : split ? split(raw) : List.of(raw)) {
        if (missingOf(part) != 0) {
          continue;
        }
        String f = NormalizerRegistry.fold(part);
        if (!vocabulary.contains(f)) {
          return Resolution.UNMAPPED_VALUE;
        }
        any = true;
        set |= when.contains(f);
        unknown |= unknownWhen.contains(f);
      }
      if (!any) {
        return Resolution.UNKNOWN;
      }
      return set ? Resolution.ONE : unknown ? Resolution.UNKNOWN : Resolution.ZERO;
    }
  }

  final class AnyOfTarget extends Target {
    final int[] slotsRead;
    final List<String> cols;

    AnyOfTarget(int t, TargetRule.AnyOf a, int[] slots) {
      super(t, a, a.columns().get(0));
      this.slotsRead = slots;
      this.cols = a.columns();
    }

    @Override
    List<String> columns() {
      return cols;
    }

    @Override
    @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
      boolean allNotCollected = true;
      boolean anyMissing = false;
      for (int i = 0; i < slotsRead.length; i++) {
        String s = raw[slotsRead[i]];
        int miss = missingOf(s);
        if (miss != 0) {
          anyMissing = true;
          allNotCollected &= miss == MNC;
          continue;
        }
        allNotCollected = false;
        int f = parseFlag(s);
        if (f < 0) {
          run.rejectColumn = cols.get(i);
          run.noteUnmapped(index, s, null);
          return RejectReason.UNMAPPED_VALUE;
        }
        if (f == 1) {
          run.stage(index, Resolution.ONE);
          return null;
        }
      }
      if (anyMissing) {
        run.stageMissing(index, allNotCollected ? MNC : MU);
      } else {
        run.stage(index, Resolution.ZERO);
      }
      return null;
    }
  }

  /** The largest age whose resolution an age target keeps in a table. */
  static final int AGE_TABLE = 150;

  final class AgeTarget extends Target {
    final int exact;
    final int birth;
    final int ref;
    final int band;
    final int majority;
    final int maximum;
    final AgeOutput output;
    final Variable v;
    final List<String> cols;
    final boolean reject;
    final boolean exactMayBeBirthDate;
    /** Folded source spelling of a majority status to 1 (Adult) or 2 (Minor). */
    final Map<String, Integer> majorityOf = new HashMap<>();

    AgeTarget(int t, TargetRule.Age a, int exact, int birth, int ref, int band, int majority, Variable v) {
      super(t, a, a.exact().or(a::birthDate).or(a::band).orElse(""));
      this.exact = exact;
      this.birth = birth;
      this.ref = ref;
      this.band = band;
      this.majority = majority;
      this.maximum = a.maximum();
      this.output = AgeOutput.of(v).orElseThrow();
      this.v = v;
      this.reject = a.onUnmapped() == TargetRule.OnUnmapped.REJECT;
      this.exactMayBeBirthDate = a.exactMayBeBirthDate();
      majorityOf.put(NormalizerRegistry.fold("Adult"), 1);
      majorityOf.put(NormalizerRegistry.fold("Minor"), 2);
      a.majorityValues().forEach((k, x) -> majorityOf.put(NormalizerRegistry.fold(k), x.equals("Adult") ? 1 : 2));
      List<String> c = new ArrayList<>();
      for (Optional<String> o : List.of(a.exact(), a.birthDate(), a.referenceDate(), a.band(), a.majorityColumn())) {
        o.ifPresent(c::add);
      }
      this.cols = List.copyOf(c);
      this.byAge = new Resolution[Math.min(maximum, AGE_TABLE) + 1];
      for (int age = 0; age < byAge.length; age++) {
        byAge[age] = withMajority(output.of(age), NormalizerRegistry.majority(age));
      }
    }

    /** The resolution of each age from 0 to the maximum, at most {@link #AGE_TABLE} (immutable). */
    final Resolution[] byAge;

    /** The resolution of an age from 0 to the maximum. */
    Resolution ofAge(int age) {
      return age < byAge.length ? byAge[age]
          : withMajority(output.of(age), NormalizerRegistry.majority(age));
    }

    @Override
    List<String> columns() {
      return cols;
    }

    private String col(int slot) {
      return slots[slot];
    }

    /** Majority of a resolved age, kept in the mask: 1 adult, 2 minor, 0 unknown. */
    private Resolution withMajority(String code, @Nullable String majority) {
      long m = majority == null ? 0 : majority.equals("Adult") ? 1 : 2;
      return new Resolution(Resolution.VALUE, v.values().indexOf(code), m, 1, null);
    }

    /** Resolves an exact age, written with the spec's declared age words. */
    @Override
    Resolution resolve(String raw) {
      String s = raw.strip();
      if (s.startsWith("-") && NormalizerRegistry.parseInt(s.substring(1)).isPresent()) {
        return Resolution.invalid(RejectReason.IMPOSSIBLE_AGE);
      }
      OptionalInt a = ageWords.isEmpty() ? NormalizerRegistry.parseInt(s) : Ages.parseAge(s, ageWords);
      if (a.isEmpty()) {
        return Resolution.invalid(RejectReason.NOT_A_NUMBER);
      }
      if (a.getAsInt() > maximum) {
        return Resolution.invalid(RejectReason.IMPOSSIBLE_AGE);
      }
      return ofAge(a.getAsInt());
    }

    /** Resolves a source band. */
    Resolution resolveBand(String raw) {
      String b = raw.strip();
      Optional<String> out =
          switch (output) {
            case AGE_BROAD -> NormalizerRegistry.ageBroadOfBand(b);
            case MAJORITY -> NormalizerRegistry.majorityOfBand(b);
            case RANGE_ONE -> {
              String f = NormalizerRegistry.band(b);
              yield v.values().indexOf(f) >= 0 ? Optional.of(f) : Optional.empty();
            }
          };
      if (out.isEmpty()) {
        return Resolution.UNMAPPED_VALUE;
      }
      return withMajority(out.get(), NormalizerRegistry.majorityOfBand(b).orElse(null));
    }

    /**
     * The age from a birth date (in the column {@code birthSlot}) on the reference date; sets the run's
     * reject column to the date that cannot be read.
     */
    private Resolution fromDates(Run run, String birthRaw, String refRaw, int birthSlot) {
      int pb = NormalizerRegistry.packedDate(birthRaw);
      int pr = pb < 0 ? -1 : NormalizerRegistry.packedDate(refRaw);
      if (pr >= 0) {
        // both dates in the strict ISO form: the age without LocalDate and Period
        int a = NormalizerRegistry.ageOnPacked(pb, pr);
        return a < 0 || a > maximum ? Resolution.invalid(RejectReason.IMPOSSIBLE_AGE) : ofAge(a);
      }
      DatePatterns.Reading b = run.date(birthRaw);
      if (b.kind() != DatePatterns.Reading.Kind.DATE) {
        run.rejectColumn = col(birthSlot);
        return Resolution.invalid(unreadable(b));
      }
      DatePatterns.Reading r = run.date(refRaw);
      if (r.kind() != DatePatterns.Reading.Kind.DATE) {
        run.rejectColumn = col(ref);
        return Resolution.invalid(unreadable(r));
      }
      OptionalInt a = NormalizerRegistry.ageOn(b.date().orElseThrow(), r.date().orElseThrow());
      if (a.isEmpty() || a.getAsInt() > maximum) {
        return Resolution.invalid(RejectReason.IMPOSSIBLE_AGE);
      }
      return ofAge(a.getAsInt());
    }

    @Override
    @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
      Resolution res = null;
      if (exact >= 0 && missingOf(raw[exact]) == 0) {
        run.rejectColumn = col(exact);
        res = run.memo(this, raw[exact]);
        if (exactMayBeBirthDate && res.kind == Resolution.INVALID && res.reject == RejectReason.NOT_A_NUMBER
            && missingOf(raw[ref]) == 0) {
          // a column mixing ages and birth dates: a value that is not an age may be a birth date
          res = fromDates(run, raw[exact], raw[ref], exact);
        }
      } else if (birth >= 0 && missingOf(raw[birth]) == 0 && missingOf(raw[ref]) == 0) {
        run.rejectColumn = col(birth);
        res = fromDates(run, raw[birth], raw[ref], birth);
      } else if (band >= 0 && missingOf(raw[band]) == 0) {
        run.rejectColumn = col(band);
        res = run.memoBand(this, raw[band]);
        if (res.kind == Resolution.UNMAPPED) {
          run.noteUnmapped(index, raw[band].strip(), null);
        }
      }
      if (res == null) {
        run.stageMissing(index, MU);
        return null;
      }
      if (res.kind != Resolution.VALUE) {
        if (!reject && res.reject != null && res.reject.isUnreadableValue()) {
          if (res.kind != Resolution.UNMAPPED) {
            // counted among the unmapped values like a mapped column's (a band's is counted above)
            String value = raw[slotOf(run.rejectColumn)];
            run.noteUnmapped(index, value == null ? "" : value.strip(), null);
          }
          run.turnMissing(index, res.reject);
          return null;
        }
        return res.reject;
      }
      if (majority >= 0 && res.mask != 0 && missingOf(raw[majority]) == 0) {
        Integer given = majorityOf.get(NormalizerRegistry.fold(raw[majority]));
        if (given == null) {
          run.noteUnmapped(index, raw[majority].strip(), null);
          if (reject) {
            run.rejectColumn = col(majority);
            return RejectReason.UNMAPPED_VALUE;
          }
        } else if (given != res.mask) {
          run.rejectColumn = col(majority);
          return RejectReason.CONTRADICTORY_AGE;
        }
      }
      run.stage(index, res);
      return null;
    }
  }

  /** The slot of a source column read. */
  int slotOf(String column) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i].equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("column not read");
  }

  /** The reject reason of a date that cannot be read. */
  static RejectReason unreadable(DatePatterns.Reading r) {
    return r.kind() == DatePatterns.Reading.Kind.AMBIGUOUS ? RejectReason.AMBIGUOUS_DATE : RejectReason.NOT_A_NUMBER;
  }

  /** Reads a date: ISO first (as the aligner always did), then the declared patterns. */
  DatePatterns.Reading readDate(String raw) {
    Optional<LocalDate> iso = NormalizerRegistry.date(raw);
    if (iso.isPresent()) {
      return new DatePatterns.Reading(DatePatterns.Reading.Kind.DATE, iso);
    }
    return dates.read(raw);
  }

  final class DerivedTarget extends Target {
    final int[] from;
    final TargetRule.Derived d;
    final int adult;
    final int minor;

    /** For majorityFromAgeBand: per source band code, the target code, or -1 when unknown. */
    final int[] majorityOfCode;
    /** For joinedLabels: per source flag, the bit of its code (the value set's order is the written order). */
    final long[] codeBit;

    DerivedTarget(int t, TargetRule.Derived d, int[] from, Variable v) {
      super(t, d, "");
      this.from = from;
      this.d = d;
      this.adult = v.kind().isClosed() ? v.values().indexOf("Adult") : -1;
      this.minor = v.kind().isClosed() ? v.values().indexOf("Minor") : -1;
      if (d.kind() == org.ctdc.schema.DerivationKind.MAJORITY_FROM_AGE_BAND) {
        Variable src = variables.get(from[0]);
        majorityOfCode = new int[src.values().size()];
        for (int i = 0; i < majorityOfCode.length; i++) {
          Optional<String> m = NormalizerRegistry.majorityOfBand(src.values().code(i).code());
          majorityOfCode[i] = m.isEmpty() ? -1 : m.get().equals("Adult") ? adult : minor;
        }
      } else {
        majorityOfCode = new int[0];
      }
      if (d.kind() == org.ctdc.schema.DerivationKind.JOINED_LABELS) {
        int[] codes = SpecValidator.joinedCodes(spec.target(), v, d.from()).orElseThrow();
        codeBit = new long[codes.length];
        for (int i = 0; i < codes.length; i++) {
          codeBit[i] = 1L << codes[i];
        }
      } else {
        codeBit = new long[0];
      }
    }

    @Override
    List<String> columns() {
      return List.of();
    }

    @Override
    @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
      switch (d.kind()) {
        case MAJORITY_FROM_AGE_BAND -> {
          int src = from[0];
          if (run.miss[src] != 0) {
            run.stageMissing(index, run.miss[src]);
          } else {
            int m = majorityOfCode[run.val[src]];
            if (m < 0) {
              run.stageMissing(index, MU);
            } else {
              run.val[index] = m;
              run.miss[index] = 0;
            }
          }
        }
        case JOINED_LABELS -> {
          long mask = 0;
          int missing = 0;
          int common = 0;
          for (int i = 0; i < from.length; i++) {
            int s = from[i];
            if (run.miss[s] != 0) {
              missing++;
              common = missing == 1 ? run.miss[s] : (common == run.miss[s] ? common : MU);
            } else if (run.val[s] == 1) {
              mask |= codeBit[i];
            }
          }
          if (mask != 0) {
            run.stageMask(index, mask);
          } else if (missing == from.length) {
            run.stageMissing(index, common);
          } else {
            run.stageMissing(index, missing > 0 ? MU : MNA);
          }
        }
        case ANY_OF, ALL_OF -> {
          // three-valued OR / AND: one flag at the decisive value (1 for any-of, 0 for all-of) decides
          int decisive = d.kind() == org.ctdc.schema.DerivationKind.ANY_OF ? 1 : 0;
          boolean decided = false;
          int missing = 0;
          boolean allNc = true;
          for (int s : from) {
            if (run.miss[s] != 0) {
              missing++;
              allNc &= run.miss[s] == MNC;
            } else if (run.val[s] == decisive) {
              decided = true;
            }
          }
          if (decided) {
            run.stage(index, decisive == 1 ? Resolution.ONE : Resolution.ZERO);
          } else if (missing > 0) {
            run.stageMissing(index, allNc && missing == from.length ? MNC : MU);
          } else {
            run.stage(index, decisive == 1 ? Resolution.ZERO : Resolution.ONE);
          }
        }
      }
      return null;
    }
  }

  /** @return the source columns read, in order of first use */
  public List<String> slotColumns() {
    return Arrays.asList(slots.clone());
  }

  /** @return whether a column is read by a rule or declared never to be read */
  boolean isRead(String column) {
    for (String s : slots) {
      if (s.equals(column)) {
        return true;
      }
    }
    return false;
  }

  /** Missing reason of a negative missing constant. */
  static MissingReason reasonOf(int miss) {
    return switch (miss) {
      case MNC -> MissingReason.NOT_COLLECTED;
      case MNA -> MissingReason.NOT_APPLICABLE;
      case Dataset.MISSING_SUPPRESSED -> MissingReason.SUPPRESSED;
      default -> MissingReason.UNKNOWN;
    };
  }
}
