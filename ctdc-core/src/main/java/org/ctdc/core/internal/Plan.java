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
      return new ConstantTarget(this, t, r, res);
    } else if (r instanceof TargetRule.NotCollected) {
      return new ConstantTarget(this, t, r, Resolution.missing(MNC));
    } else if (r instanceof TargetRule.Mapped m) {
      return new MappedTarget(this, t, m, slot(m.column(), slotIndex), v);
    } else if (r instanceof TargetRule.FlagWhen f) {
      int slot = slot(f.column(), slotIndex);
      Set<String> vocabulary = Objects.requireNonNull(vocab.get(f.column())); // collected for every FlagWhen column
      PicklistColumn pc =
          picks.computeIfAbsent(
              (f.split() ? "split:" : "whole:") + f.column(),
              k -> new PicklistColumn(this, picks.size(), slot, f.split(), vocabulary));
      return new FlagWhenTarget(this, t, f, slot, vocabulary, pc);
    } else if (r instanceof TargetRule.AnyOf a) {
      int[] s = a.columns().stream().mapToInt(col -> slot(col, slotIndex)).toArray();
      return new AnyOfTarget(this, t, a, s);
    } else if (r instanceof TargetRule.Age a) {
      return new AgeTarget(this, 
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
      return new DerivedTarget(this, t, d, from, v);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // resolution of one value

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
