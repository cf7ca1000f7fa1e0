package org.ctdc.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.jspecify.annotations.Nullable;

/**
 * One alignment run: stages each row's cells, appends aligned rows, counts rejects, coverage, unmapped
 * values and fuzzy matches. Memory grows with the output columns (the dataset) only: caches and value
 * counts are bounded. Not thread-safe; not API.
 */
public final class Run {

  private static final int MEMO_LIMIT = 8192;
  private static final int DISTINCT_LIMIT = 10_000;

  /** The missing reason of each missing constant {@code m}, at index {@code -m}. */
  private static final MissingReason[] REASONS = reasons();

  /** The dataset's missing constant of each reason, by ordinal. */
  private static final int[] MISSING_CODE = missingCodes();

  private static int[] missingCodes() {
    int[] c = new int[MissingReason.values().length];
    for (MissingReason r : MissingReason.values()) {
      c[r.ordinal()] = Dataset.missingCode(r);
    }
    return c;
  }

  private static MissingReason[] reasons() {
    int lowest = Math.min(
        Math.min(Dataset.MISSING_UNKNOWN, Dataset.MISSING_NOT_COLLECTED),
        Math.min(Dataset.MISSING_NOT_APPLICABLE, Dataset.MISSING_SUPPRESSED));
    MissingReason[] r = new MissingReason[1 - lowest];
    for (int i = 1; i < r.length; i++) {
      r[i] = Plan.reasonOf(-i);
    }
    return r;
  }

  private final Plan plan;
  private final String source;
  private final AlignmentMode mode;
  private final int rowsListed;
  private final int showMinCount;
  private final Dataset.Appender appender;
  private final int n;

  final int[] val;
  final long[] mask;
  final int[] miss;
  /** The missing constant of each cell of the row appended, 0 when present. */
  private final int[] missOut;
  /** Per target of the row: 1 + the ordinal of the reason its unreadable value was turned missing, or 0. */
  private final byte[] turnedRow;
  /** Per target and reject reason: cells turned missing by {@code onUnmapped: missing}. */
  private final long[][] turnedBy;
  private static final int REASON_COUNT = RejectReason.values().length;
  private static final RejectReason[] REJECT_REASONS = RejectReason.values();

  private final List<Map<String, Resolution>> memo = new ArrayList<>();
  /** Per picklist column: raw value to parsed value (bounded). */
  private final List<Map<String, Picked>> pickedMemo = new ArrayList<>();
  /** Per picklist column: one part of a raw value to its bit (bounded). */
  private final List<Map<String, Integer>> partMemo = new ArrayList<>();
  /** Per picklist column: the raw value last parsed (by identity) and its parse, shared in a row. */
  private final String[] lastPickedRaw;
  private final Picked[] lastPicked;
  private final long[] present;
  private final long[][] missingBy;
  private final List<Map<String, long[]>> unmapped = new ArrayList<>();
  /** Per target: suggested code of unmapped values → rows (issue 15: candidates shown, values never). */
  private final List<Map<String, Long>> suggested = new ArrayList<>();
  private final long[] unmappedOverflow;
  private final long[] fuzzyOverflow;
  private final List<Map<String, Fuzzy>> fuzzy = new ArrayList<>();
  private final Map<String, RejectCounter> rejects = new TreeMap<>();
  private final Set<String> dropped = new LinkedHashSet<>();
  private final Set<String> seenColumns = new java.util.HashSet<>();

  /** The source column of the current reject, set by targets that read several columns. */
  String rejectColumn = "";

  private long rowsRead;
  private long rowsAligned;
  private long blankLines;
  private boolean stopped;

  /** Progress is reported, and cancellation checked, each time this many rows have been read. */
  public static final int PROGRESS_INTERVAL = 8192;

  /** The stage word of the progress reports. */
  public static final String STAGE = "aligning";

  private ProgressListener progress = ProgressListener.none();
  private Cancellation cancellation = Cancellation.none();
  private long total = -1;

  private static final class Fuzzy {
    final String value;
    final int code;
    final double score;
    long count;

    Fuzzy(String value, int code, double score) {
      this.value = value;
      this.code = code;
      this.score = score;
    }
  }

  private static final class RejectCounter {
    final RejectReason reason;
    final String column;
    final String target;
    long count;
    final List<Long> rows = new ArrayList<>();

    RejectCounter(RejectReason reason, String column, String target) {
      this.reason = reason;
      this.column = column;
      this.target = target;
    }
  }

  /**
   * Starts a run.
   *
   * @param plan the compiled spec
   * @param source the input's name
   * @param mode lenient or strict
   * @param rowsListed the most row numbers listed per reject group
   * @param showMinCount the fewest rows a source value needs to be shown (the release threshold k)
   */
  public Run(Plan plan, String source, AlignmentMode mode, int rowsListed, int showMinCount) {
    this.plan = plan;
    this.source = source;
    this.mode = mode;
    this.rowsListed = rowsListed;
    this.showMinCount = showMinCount;
    this.appender = Dataset.appender(plan.spec.target());
    this.n = plan.targets.length;
    this.val = new int[n];
    this.mask = new long[n];
    this.miss = new int[n];
    this.missOut = new int[n];
    this.turnedRow = new byte[n];
    this.turnedBy = new long[n][REASON_COUNT];
    this.present = new long[n];
    this.missingBy = new long[n][MissingReason.values().length];
    this.unmappedOverflow = new long[n];
    this.fuzzyOverflow = new long[n];
    int pc = plan.picklists.length;
    this.lastPickedRaw = new String[pc];
    this.lastPicked = new Picked[pc];
    for (int i = 0; i < pc; i++) {
      pickedMemo.add(new HashMap<>());
      partMemo.add(new HashMap<>());
    }
    for (int i = 0; i < n; i++) {
      memo.add(new HashMap<>());
      unmapped.add(new HashMap<>());
      suggested.add(new TreeMap<>());
      fuzzy.add(new HashMap<>());
    }
    int progs = plan.programs.length;
    @SuppressWarnings("unchecked")
    ValueTable<Result>[] tabs = new ValueTable[progs];
    for (int i = 0; i < progs; i++) {
      tabs[i] = new ValueTable<>(MEMO_LIMIT);
    }
    this.tables = tabs;
    this.absentResults = new Result[progs][REASONS.length];
    this.lastRaw = new String[progs];
    this.lastResult = new Result[progs];
    this.current = new Result[progs];
    // constant targets, and derived targets of constants only, are staged once: nothing else writes them
    // (a row evaluated rule by rule writes the same values again)
    String[] none = new String[plan.slots.length];
    for (int t : plan.constants) {
      plan.targets[t].eval(this, none);
    }
  }

  // ------------------------------------------------------------------------- per-value results

  /**
   * What one raw value of a column gives every target of its {@link Plan.ColumnProgram}: the staged
   * cells, the reports' notes to make per occurrence, or the reject that sends the row through the
   * rule-by-rule evaluation. Immutable once built.
   */
  static final class Result {
    final int[] val;
    final long[] mask;
    final int[] miss;
    /** Non-null: a rule rejects the value; the row is evaluated rule by rule instead. */
    @Nullable RejectReason reject;
    /** Per member: 1 + the ordinal of the reason its value was turned missing, or 0. */
    final byte[] turned;
    /** Per note: the member index (a map or flag target), ascending. */
    int[] noteMember = NO_INTS;
    /** Per note: the fuzzy match to count, an unmapped resolution with a suggestion, or null to count an unmapped value. */
    @Nullable Resolution[] noteFuzzy = NO_RESOLUTIONS;
    /** The stripped raw value, as the notes count it (set when there are notes). */
    String stripped = "";
    /** Whether the run holds this result until it finishes (then its cells are counted by {@link #hits}). */
    boolean held;
    /** The aligned rows that took their cells from this result, when held. */
    long hits;

    Result(int members) {
      this.val = new int[members];
      this.mask = new long[members];
      this.miss = new int[members];
      this.turned = new byte[members];
    }

    void note(int member, @Nullable Resolution fuzzyMatch, String strippedValue) {
      int k = noteMember.length;
      noteMember = java.util.Arrays.copyOf(noteMember, k + 1);
      noteFuzzy = java.util.Arrays.copyOf(noteFuzzy, k + 1);
      noteMember[k] = member;
      noteFuzzy[k] = fuzzyMatch;
      stripped = strippedValue;
    }
  }

  private static final int[] NO_INTS = new int[0];
  private static final Resolution[] NO_RESOLUTIONS = new Resolution[0];

  /** Per program: raw value to result (bounded). */
  private final ValueTable<Result>[] tables;
  /** Per program: the result of an absent cell, by minus its missing constant. */
  private final @Nullable Result[][] absentResults;
  /** Per program: the raw value last looked up (by identity) and its result. */
  private final @Nullable String[] lastRaw;
  private final @Nullable Result[] lastResult;
  /** Per program: the result of the row being aligned. */
  private final @Nullable Result[] current;

  private Result result(Plan.ColumnProgram p, @Nullable String s) {
    int id = p.id;
    if (s != null && lastRaw[id] == s) {
      return lastResult[id];
    }
    Result r;
    int a = Plan.absentOf(s);
    if (a != 0 || s == null) {
      r = absentResults[id][-a];
      if (r == null) {
        r = absentResults[id][-a] = compile(p, "", a);
        r.held = true;
      }
      return r;
    }
    ValueTable<Result> tab = tables[id];
    r = tab.get(s);
    if (r == null) {
      r = compile(p, s, 0);
      int before = tab.size();
      tab.put(s, r);
      r.held = tab.size() > before;
    }
    lastRaw[id] = s;
    lastResult[id] = r;
    return r;
  }

  /**
   * Resolves one raw value for every target of a program, as the rules' own evaluation would: map
   * targets through {@link #memo}, flag targets through the shared parse of their picklist column; then
   * the derived targets of the program from the staged cells.
   *
   * @param absent the missing constant of an absent cell, or 0
   */
  private Result compile(Plan.ColumnProgram p, String raw, int absent) {
    int[] members = p.members;
    Result out = new Result(members.length);
    Target[] targets = plan.targets;
    for (int k = 0; k < p.directCount; k++) {
      int t = members[k];
      if (absent != 0) {
        out.miss[k] = absent;
        continue;
      }
      Resolution res;
      boolean rejectUnmapped;
      // no per-rule memo here: the result itself is memoised
      if (targets[t] instanceof FlagWhenTarget f) {
        res = f.flagOf(parsed(f.picklist, raw));
        rejectUnmapped = f.reject;
      } else {
        MappedTarget m = (MappedTarget) targets[t];
        res = m.resolve(raw);
        rejectUnmapped = m.reject;
      }
      switch (res.kind) {
        case Resolution.VALUE -> {
          out.val[k] = res.code;
          out.mask[k] = res.mask;
          if (res.isFuzzy()) {
            out.note(k, res, raw.strip());
          }
        }
        case Resolution.MISSING -> out.miss[k] = res.code;
        case Resolution.UNMAPPED -> {
          if (rejectUnmapped) {
            out.reject = RejectReason.UNMAPPED_VALUE;
            return out;
          }
          out.note(k, res.suggestion == null ? null : res, raw.strip());
          out.miss[k] = Plan.MU;
          out.turned[k] = turnedCode(RejectReason.UNMAPPED_VALUE);
        }
        default -> {
          if (rejectUnmapped || res.reject == null || !res.reject.isUnreadableValue()) {
            out.reject = res.reject;
            return out;
          }
          out.note(k, null, raw.strip());
          out.miss[k] = Plan.MU;
          out.turned[k] = turnedCode(res.reject);
        }
      }
    }
    if (members.length > p.directCount) {
      for (int k = 0; k < p.directCount; k++) {
        int t = members[k];
        val[t] = out.val[k];
        mask[t] = out.mask[k];
        miss[t] = out.miss[k];
      }
      for (int k = p.directCount; k < members.length; k++) {
        int t = members[k];
        targets[t].eval(this, NO_RAW);
        out.val[k] = val[t];
        out.mask[k] = mask[t];
        out.miss[k] = miss[t];
      }
    }
    return out;
  }

  private static final String[] NO_RAW = new String[0];

  /**
   * Sets where progress goes and the signal that stops the run; by default none.
   *
   * @param listener receives {@link #STAGE} reports every {@link #PROGRESS_INTERVAL} rows read and once
   *     at the end
   * @param signal checked at the same points; when raised the run throws
   *     {@link OperationCancelledException}
   * @return this run
   */
  public Run watch(ProgressListener listener, Cancellation signal) {
    this.progress = listener;
    this.cancellation = signal;
    return this;
  }

  /**
   * Sets the number of rows the input holds, when known before reading it.
   *
   * @param rows the count, or negative when unknown (the default)
   */
  public void total(long rows) {
    this.total = rows < 0 ? -1 : rows;
  }

  /** Reports progress and checks the cancellation signal (every {@link #PROGRESS_INTERVAL} rows). */
  private void checkpoint() {
    progress.onProgress(STAGE, rowsRead, total);
    cancellation.throwIfCancelled("alignment");
  }

  /** @return the source columns the plan reads, in slot order */
  public String[] slots() {
    return plan.slots;
  }

  /** @return whether the run has stopped (strict mode after a reject) */
  public boolean stopped() {
    return stopped;
  }

  /**
   * Notes a column seen in the input; columns no rule reads are listed as dropped.
   *
   * @param column the column name
   */
  public void seeColumn(@Nullable String column) {
    // a null key of a partner's map is no column
    if (column != null && seenColumns.add(column) && !plan.isRead(column)) {
      dropped.add(column);
    }
  }

  // ------------------------------------------------------------------------- staging, used by targets

  void stage(int t, Resolution r) {
    if (r.kind == Resolution.MISSING) {
      miss[t] = r.code;
    } else {
      miss[t] = 0;
      val[t] = r.code;
      mask[t] = r.mask;
    }
  }

  void stageMissing(int t, int reason) {
    miss[t] = reason;
  }

  private static byte turnedCode(RejectReason reason) {
    return (byte) (reason.ordinal() + 1);
  }

  /**
   * Leaves a cell missing (unknown) because its value cannot be read and the rule says
   * {@code onUnmapped: missing}; counted by reason in the report.
   */
  void turnMissing(int t, RejectReason reason) {
    miss[t] = Plan.MU;
    turnedRow[t] = turnedCode(reason);
  }

  private final Map<String, org.ctdc.core.normalize.DatePatterns.Reading> dateMemo = new HashMap<>();

  /** A date read with the spec's patterns (memoised, bounded). */
  org.ctdc.core.normalize.DatePatterns.Reading date(String raw) {
    org.ctdc.core.normalize.DatePatterns.Reading r = dateMemo.get(raw);
    if (r == null) {
      r = plan.readDate(raw);
      if (dateMemo.size() < MEMO_LIMIT) {
        dateMemo.put(raw, r);
      }
    }
    return r;
  }

  void stageMask(int t, long m) {
    miss[t] = 0;
    mask[t] = m;
  }

  Resolution memo(Target target, String raw) {
    Map<String, Resolution> m = memo.get(target.index);
    Resolution r = m.get(raw);
    if (r == null) {
      r = target.resolve(raw);
      if (m.size() < MEMO_LIMIT) {
        m.put(raw, r);
      }
    }
    return r;
  }

  /**
   * The parse of a raw value of a picklist column: the same string object as the previous call on the
   * column reuses its parse (so the rules reading one column share it within a row); else the bounded
   * memo; else a parse.
   */
  Picked picked(PicklistColumn c, String raw) {
    int id = c.id;
    if (lastPickedRaw[id] == raw) {
      return lastPicked[id];
    }
    Map<String, Picked> m = pickedMemo.get(id);
    Picked p = m.get(raw);
    if (p == null) {
      p = c.parse(raw, this);
      if (p.state == Picked.VALUES) {
        p.flags = c.flagsOf(p);
      }
      if (m.size() < MEMO_LIMIT) {
        m.put(raw, p);
      }
    }
    lastPickedRaw[id] = raw;
    lastPicked[id] = p;
    return p;
  }

  /** The parse of a raw value of a picklist column, shared by the column's rules (not memoised). */
  private Picked parsed(PicklistColumn c, String raw) {
    int id = c.id;
    if (lastPickedRaw[id] == raw) {
      return lastPicked[id];
    }
    Picked p = c.parse(raw, this);
    if (p.state == Picked.VALUES) {
      p.flags = c.flagsOf(p);
    }
    lastPickedRaw[id] = raw;
    lastPicked[id] = p;
    return p;
  }

  /** The memoised bit of one part of a picklist value. */
  int partBit(PicklistColumn c, String part) {
    Map<String, Integer> m = partMemo.get(c.id);
    Integer b = m.get(part);
    if (b == null) {
      b = c.partBit(part);
      if (m.size() < MEMO_LIMIT) {
        m.put(part, b);
      }
    }
    return b;
  }

  private final List<Map<String, Resolution>> memoBand = new ArrayList<>();

  Resolution memoBand(AgeTarget target, String raw) {
    while (memoBand.size() <= target.index) {
      memoBand.add(new HashMap<>());
    }
    Map<String, Resolution> m = memoBand.get(target.index);
    Resolution r = m.get(raw);
    if (r == null) {
      r = target.resolveBand(raw);
      if (m.size() < MEMO_LIMIT) {
        m.put(raw, r);
      }
    }
    return r;
  }

  @Nullable RejectReason apply(int t, Resolution r, String raw, boolean rejectUnmapped) {
    switch (r.kind) {
      case Resolution.VALUE -> {
        stage(t, r);
        if (r.isFuzzy()) {
          noteFuzzy(t, raw.strip(), r);
        }
        return null;
      }
      case Resolution.MISSING -> {
        miss[t] = r.code;
        return null;
      }
      case Resolution.UNMAPPED -> {
        noteUnmapped(t, raw.strip(), r);
        if (rejectUnmapped) {
          rejectColumn = plan.targets[t].column;
          return RejectReason.UNMAPPED_VALUE;
        }
        turnMissing(t, RejectReason.UNMAPPED_VALUE);
        return null;
      }
      default -> {
        if (!rejectUnmapped && r.reject != null && r.reject.isUnreadableValue()) {
          noteUnmapped(t, raw.strip(), null);
          turnMissing(t, r.reject);
          return null;
        }
        rejectColumn = plan.targets[t].column;
        return r.reject;
      }
    }
  }

  /** The suggested codes of a target's unmapped values with their rows, most frequent first, then by code. */
  private List<AlignmentReport.ValueCount> suggestions(int t) {
    List<AlignmentReport.ValueCount> out = new ArrayList<>();
    suggested.get(t).forEach((code, rows) -> out.add(new AlignmentReport.ValueCount(code, rows)));
    out.sort(Comparator.comparingLong(AlignmentReport.ValueCount::count).reversed()
        .thenComparing(AlignmentReport.ValueCount::value));
    return out;
  }

  void noteUnmapped(int t, String value, @Nullable Resolution r) {
    if (r != null && r.suggestion != null) {
      suggested.get(t).merge(r.suggestion, 1L, Long::sum);
    }
    Map<String, long[]> m = unmapped.get(t);
    long[] c = m.get(value);
    if (c == null) {
      if (m.size() >= DISTINCT_LIMIT) {
        unmappedOverflow[t]++;
        return;
      }
      m.put(value, c = new long[1]);
    }
    c[0]++;
  }

  private void noteFuzzy(int t, String value, Resolution r) {
    Map<String, Fuzzy> m = fuzzy.get(t);
    Fuzzy f = m.get(value);
    if (f == null) {
      if (m.size() >= DISTINCT_LIMIT) {
        fuzzyOverflow[t]++;
        return;
      }
      m.put(value, f = new Fuzzy(value, r.code, r.score));
    }
    f.count++;
  }

  // ------------------------------------------------------------------------- rows

  /**
   * Aligns one row whose fields are given per slot (null when the input lacks the column).
   *
   * @param raw one value per slot
   * @param row the 1-based row number
   */
  public void row(@Nullable String[] raw, long row) {
    if ((++rowsRead & (PROGRESS_INTERVAL - 1)) == 0) {
      checkpoint();
    }
    if (ruleByRuleOnly) {
      ruleByRule(raw, row);
      return;
    }
    Plan.ColumnProgram[] programs = plan.programs;
    @Nullable Result[] cur = current;
    for (Plan.ColumnProgram p : programs) {
      Result r = result(p, raw[p.slot]);
      if (r.reject != null) {
        // a rejected value: the rules in their order decide which reject is reported and which notes
        // are made before it
        ruleByRule(raw, row);
        return;
      }
      cur[p.id] = r;
    }
    Target[] targets = plan.targets;
    int[] others = plan.others;
    for (int t : others) {
      turnedRow[t] = 0;
    }
    for (int i = 0; i < others.length; i++) {
      Target target = targets[others[i]];
      rejectColumn = "";
      RejectReason r = target.eval(this, raw);
      if (r != null) {
        notes(cur, plan.othersPos[i]);
        reject(r, rejectColumn.isEmpty() ? target.column : rejectColumn,
            plan.variables.get(target.index).name(), row);
        return;
      }
    }
    int[] v = val;
    long[] mk = mask;
    int[] ms = miss;
    for (Plan.ColumnProgram p : programs) {
      Result r = cur[p.id];
      int[] members = p.members;
      int[] rv = r.val;
      long[] rm = r.mask;
      int[] rs = r.miss;
      for (int k = 0; k < members.length; k++) {
        int t = members[k];
        v[t] = rv[k];
        mk[t] = rm[k];
        ms[t] = rs[k];
      }
      if (r.noteMember.length != 0) {
        note(p, r, Integer.MAX_VALUE);
      }
    }
    for (int t : plan.derivedRest) {
      targets[t].eval(this, raw);
    }
    cells();
    // coverage: the cells of held results are counted when the run finishes, by their hits; constants
    // by the rows aligned here
    for (int t : plan.rowCounted) {
      count(t, ms[t], 1);
      if (turnedRow[t] != 0) {
        turnedBy[t][turnedRow[t] - 1]++;
      }
    }
    for (Plan.ColumnProgram p : programs) {
      Result r = cur[p.id];
      if (r.held) {
        r.hits++;
      } else {
        count(p, r, 1);
      }
    }
    fastRows++;
    appender.appendRow(val, mask, missOut);
    rowsAligned++;
  }

  /** The rows aligned through the per-value results (whose constant cells are counted at the end). */
  private long fastRows;

  private void count(int t, int m, long rows) {
    if (m != 0) {
      MissingReason reason = m < 0 && -m < REASONS.length ? REASONS[-m] : Plan.reasonOf(m);
      missingBy[t][reason.ordinal()] += rows;
    } else {
      present[t] += rows;
    }
  }

  private void count(Plan.ColumnProgram p, Result r, long rows) {
    int[] members = p.members;
    for (int k = 0; k < members.length; k++) {
      count(members[k], r.miss[k], rows);
      if (r.turned[k] != 0) {
        turnedBy[members[k]][r.turned[k] - 1] += rows;
      }
    }
  }

  private boolean ruleByRuleOnly;

  /**
   * For tests: evaluates every row rule by rule, the reference the per-value results must agree with.
   *
   * @return this run
   */
  Run ruleByRuleOnly() {
    ruleByRuleOnly = true;
    return this;
  }

  /** Makes the notes of the row's results for the map and flag targets before a position in the order. */
  private void notes(@Nullable Result[] cur, int before) {
    for (Plan.ColumnProgram p : plan.programs) {
      Result r = cur[p.id];
      if (r.noteMember.length != 0) {
        note(p, r, before);
      }
    }
  }

  private void note(Plan.ColumnProgram p, Result r, int before) {
    for (int i = 0; i < r.noteMember.length; i++) {
      int k = r.noteMember[i];
      if (p.position[k] >= before) {
        continue;
      }
      Resolution f = r.noteFuzzy[i];
      if (f == null || f.kind == Resolution.UNMAPPED) {
        noteUnmapped(p.members[k], r.stripped, f);
      } else {
        noteFuzzy(p.members[k], r.stripped, f);
      }
    }
  }

  /** Aligns one row rule by rule, in the rules' order (the reference the per-value results agree with). */
  private void ruleByRule(@Nullable String[] raw, long row) {
    Target[] targets = plan.targets;
    byte[] kinds = plan.evalKind;
    java.util.Arrays.fill(turnedRow, (byte) 0);
    for (int t : plan.direct) {
      Target target = targets[t];
      rejectColumn = "";
      // a switch on the rule kind with exact casts: each kind's eval can be inlined, where a virtual
      // call over six target classes cannot
      RejectReason r =
          switch (kinds[t]) {
            case Plan.EVAL_FLAG_WHEN -> ((FlagWhenTarget) target).eval(this, raw);
            case Plan.EVAL_MAPPED -> ((MappedTarget) target).eval(this, raw);
            case Plan.EVAL_CONSTANT -> ((ConstantTarget) target).eval(this, raw);
            default -> target.eval(this, raw);
          };
      if (r != null) {
        reject(r, rejectColumn.isEmpty() ? target.column : rejectColumn,
            plan.variables.get(target.index).name(), row);
        return;
      }
    }
    for (int t : plan.derivedOrder) {
      targets[t].eval(this, raw);
    }
    append();
  }

  /**
   * Rejects a whole row (a ragged or malformed record).
   *
   * @param reason why
   * @param row the 1-based row number
   */
  public void rejectRow(RejectReason reason, long row) {
    if ((++rowsRead & (PROGRESS_INTERVAL - 1)) == 0) {
      checkpoint();
    }
    reject(reason, "*", "*", row);
  }

  /** Counts a blank line of the input, skipped: no row, no row number. */
  public void blankLine() {
    blankLines++;
  }

  /**
   * The failure of a reader that cannot go on: no result, and a message saying how far the run got (issue
   * 14). The rows read so far are aligned + rejected; the row that stopped the reader and the rest of the
   * input are not read.
   *
   * @param file the input's name
   * @param row the 1-based row the reader could not read
   * @param rule why, free of record values
   * @param cause the underlying failure, or null
   * @return the exception to throw
   */
  public InputStoppedException stoppedAt(String file, long row, String rule, @Nullable Throwable cause) {
    return InputStoppedException.at(
        file, row, rule, rowsRead, rowsRead - rowsAligned, "aligned", "rejected", cause);
  }

  private void reject(RejectReason reason, String column, String target, long row) {
    String key = String.format("%02d|%s|%s", reason.ordinal(), column, target);
    RejectCounter c = rejects.computeIfAbsent(key, k -> new RejectCounter(reason, column, target));
    c.count++;
    if (c.rows.size() < rowsListed) {
      c.rows.add(row);
    }
    if (mode == AlignmentMode.STRICT) {
      stopped = true;
    }
  }

  private void append() {
    cells();
    for (int t = 0; t < n; t++) {
      count(t, miss[t], 1);
      if (turnedRow[t] != 0) {
        turnedBy[t][turnedRow[t] - 1]++;
      }
    }
    appender.appendRow(val, mask, missOut);
    rowsAligned++;
  }

  /** The dataset's missing constant of each staged cell, 0 when present. */
  private void cells() {
    byte[] kind = plan.appendKind;
    int[] out = missOut;
    for (int t = 0; t < n; t++) {
      int m = miss[t];
      if (m != 0) {
        MissingReason reason = m < 0 && -m < REASONS.length ? REASONS[-m] : Plan.reasonOf(m);
        out[t] = MISSING_CODE[reason.ordinal()];
      } else {
        // a present cell of a free-text target stays missing (unknown), as the aligner never copies text
        out[t] = kind[t] == Plan.APPEND_NONE ? Dataset.MISSING_UNKNOWN : 0;
      }
    }
  }

  // ------------------------------------------------------------------------- result

  /**
   * Ends the run: reports progress a last time and checks the cancellation signal.
   *
   * @return the dataset and the report
   * @throws OperationCancelledException if the signal has been raised
   */
  public AlignmentResult finish() {
    checkpoint();
    for (int t : plan.constants) {
      count(t, miss[t], fastRows);
    }
    fastRows = 0;
    for (Plan.ColumnProgram p : plan.programs) {
      tables[p.id].forEachValue(r -> {
        count(p, r, r.hits);
        r.hits = 0;
      });
      for (Result r : absentResults[p.id]) {
        if (r != null) {
          count(p, r, r.hits);
          r.hits = 0;
        }
      }
    }
    List<AlignmentReport.RejectGroup> groups = new ArrayList<>();
    for (RejectCounter c : rejects.values()) {
      groups.add(new AlignmentReport.RejectGroup(c.reason, c.column, c.target, c.count, c.rows));
    }
    List<AlignmentReport.TargetCoverage> cov = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Target target = plan.targets[t];
      Variable v = plan.variables.get(t);
      Map<MissingReason, Long> missing = new EnumMap<>(MissingReason.class);
      for (MissingReason r : MissingReason.values()) {
        if (missingBy[t][r.ordinal()] > 0) {
          missing.put(r, missingBy[t][r.ordinal()]);
        }
      }
      Map<RejectReason, Long> turned = new EnumMap<>(RejectReason.class);
      for (int k = 0; k < REASON_COUNT; k++) {
        if (turnedBy[t][k] > 0) {
          turned.put(REJECT_REASONS[k], turnedBy[t][k]);
        }
      }
      boolean mayShow = SafeValues.mayShowValuesOf(plan.spec, v, target.columns());
      List<AlignmentReport.ValueCount> shown = new ArrayList<>();
      long withheld = unmappedOverflow[t];
      long withheldDistinct = 0;
      for (Map.Entry<String, long[]> e : unmapped.get(t).entrySet()) {
        if (mayShow && SafeValues.isShowable(e.getKey(), e.getValue()[0], showMinCount)) {
          shown.add(new AlignmentReport.ValueCount(e.getKey(), e.getValue()[0]));
        } else {
          withheld += e.getValue()[0];
          withheldDistinct++;
        }
      }
      shown.sort(
          Comparator.comparingLong(AlignmentReport.ValueCount::count).reversed()
              .thenComparing(AlignmentReport.ValueCount::value));
      List<AlignmentReport.FuzzyMatch> fz = new ArrayList<>();
      long fzWithheld = fuzzyOverflow[t];
      long fzWithheldDistinct = 0;
      for (Fuzzy f : fuzzy.get(t).values()) {
        if (mayShow && SafeValues.isShowable(f.value, f.count, showMinCount)) {
          fz.add(new AlignmentReport.FuzzyMatch(f.value, codeOf(v, f.code), f.score, f.count));
        } else {
          fzWithheld += f.count;
          fzWithheldDistinct++;
        }
      }
      fz.sort(
          Comparator.comparingLong(AlignmentReport.FuzzyMatch::count).reversed()
              .thenComparing(AlignmentReport.FuzzyMatch::value));
      cov.add(
          new AlignmentReport.TargetCoverage(
              v.name(), ruleName(target.rule), target.columns(), present[t], missing,
              rowsAligned == 0 ? 0 : (double) present[t] / rowsAligned, shown, withheld, withheldDistinct,
              fz, fzWithheld, fzWithheldDistinct, turned, suggestions(t)));
    }
    AlignmentReport report =
        new AlignmentReport(
            plan.spec.name(), plan.spec.partner(), source, plan.spec.target().id(), mode, rowsRead,
            rowsAligned, stopped, blankLines, showMinCount, groups, cov, List.copyOf(dropped));
    return new AlignmentResult(appender.build(), report);
  }

  private static String codeOf(Variable v, int code) {
    if (v.kind() == VariableKind.FLAG || v.kind().isInteger() || !v.kind().isClosed()) {
      return Integer.toString(code);
    }
    return v.values().code(code).code();
  }

  private static String ruleName(TargetRule r) {
    if (r instanceof TargetRule.Constant) {
      return "constant";
    } else if (r instanceof TargetRule.NotCollected) {
      return "notCollected";
    } else if (r instanceof TargetRule.Mapped) {
      return "map";
    } else if (r instanceof TargetRule.FlagWhen) {
      return "flagWhen";
    } else if (r instanceof TargetRule.AnyOf) {
      return "anyOf";
    } else if (r instanceof TargetRule.Age) {
      return "age";
    }
    return "derived:" + switch (((TargetRule.Derived) r).kind()) {
      case JOINED_LABELS -> "joinedLabels";
      case MAJORITY_FROM_AGE_BAND -> "majorityFromAgeBand";
      case ANY_OF -> "anyOf";
      case ALL_OF -> "allOf";
    };
  }
}
