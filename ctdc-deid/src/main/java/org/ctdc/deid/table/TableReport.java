package org.ctdc.deid.table;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What protecting one table did: the method, the rules applied, the number of cells per status, each
 * primary cell's audited attacker interval (never its value), why each secondary cell was chosen, and notes
 * (such as a forced cell that breaks a rule). It carries no suppressed value.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param table the table's name
 * @param method the protection method
 * @param rules the rules applied, in words
 * @param statusCounts cells per status (every status present, possibly 0)
 * @param primaries the primary cells with their intervals
 * @param secondaries the secondary cells with the reason each was chosen
 * @param notes anything else worth knowing
 * @param formulaCellsNeutralised cells of the table's CSV files that the formula guard wrote with a
 *     {@code '} in front ({@link TableWriter#neutralisedCells}); 0 until the table is written, and with the
 *     guard off
 * @param minimisation what the minimisation pass after secondary suppression did for this table
 */
public record TableReport(
    String table,
    String method,
    List<String> rules,
    Map<CellStatus, Integer> statusCounts,
    List<PrimaryCell> primaries,
    List<SecondaryCell> secondaries,
    List<String> notes,
    long formulaCellsNeutralised,
    Minimisation minimisation) {

  /**
   * The minimisation pass of cell suppression: after the hypercube search, each secondary cell is published
   * again when the full LP check still passes without it (docs/tables.md).
   *
   * <p>Instances are immutable and thread-safe.
   *
   * @param status whether the pass ran
   * @param secondariesBefore secondary cells of this table after the hypercube search (0 unless it ran)
   * @param secondariesAfter secondary cells of this table after the pass (0 unless it ran)
   */
  public record Minimisation(Status status, int secondariesBefore, int secondariesAfter) {
    /** Whether the pass ran. */
    public enum Status {
      /** The pass ran on this table's linked tables. */
      RAN,
      /** The pass ran but stopped at its work limit: it tried only the largest secondary cells. */
      STOPPED,
      /** The attacker's LP was larger than the exact-check limit, so the pass was skipped. */
      SKIPPED,
      /** Not cell suppression (rounding, cell-key), or a report built without it. */
      NOT_APPLICABLE
    }

    /** Validates. */
    public Minimisation {
      java.util.Objects.requireNonNull(status, "status");
      if (secondariesBefore < 0 || secondariesAfter < 0
          || (status != Status.RAN && status != Status.STOPPED && secondariesBefore + secondariesAfter != 0)) {
        throw new IllegalArgumentException("counts must be 0 unless the pass ran, and never negative");
      }
    }

    /** @return a report of no pass (methods other than suppression) */
    public static Minimisation notApplicable() {
      return new Minimisation(Status.NOT_APPLICABLE, 0, 0);
    }

    /**
     * @return secondary cells the pass saved in this table (before minus after; negative when, across linked
     *     tables, the pass moved suppressions into this table to save more elsewhere)
     */
    public int released() {
      return secondariesBefore - secondariesAfter;
    }
  }

  /**
   * A primary cell and the interval an attacker can derive for it from everything published.
   *
   * @param nodes the cell
   * @param rule the primary rule it breaks
   * @param lower the interval's lower bound
   * @param upper the interval's upper bound, {@code Infinity} when unbounded
   * @param requiredWidth the width the rules require (with {@code minWidthPercent} it depends on the true
   *     value, so {@link TableReport#lines()} never prints it)
   * @param source {@code lp} (exact attacker interval by linear programming) or {@code witness} (an inner
   *     bound: the true attacker interval contains it; it is computed from true values around the cell, so
   *     {@link TableReport#lines()} prints only that the check passed, not its bounds)
   */
  public record PrimaryCell(List<String> nodes, String rule, double lower, double upper, long requiredWidth,
      String source) {
    /** Copies. */
    public PrimaryCell {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * A secondary cell.
   *
   * @param nodes the cell
   * @param reason why it was chosen
   */
  public record SecondaryCell(List<String> nodes, String reason) {
    /** Copies. */
    public SecondaryCell {
      nodes = List.copyOf(nodes);
    }
  }

  /** Copies and validates. */
  public TableReport {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(method, "method");
    rules = List.copyOf(rules);
    EnumMap<CellStatus, Integer> m = new EnumMap<>(CellStatus.class);
    for (CellStatus s : CellStatus.values()) {
      m.put(s, statusCounts.getOrDefault(s, 0));
    }
    statusCounts = java.util.Collections.unmodifiableMap(m);
    primaries = List.copyOf(primaries);
    secondaries = List.copyOf(secondaries);
    notes = List.copyOf(notes);
    Objects.requireNonNull(minimisation, "minimisation");
    if (formulaCellsNeutralised < 0) {
      throw new IllegalArgumentException("formulaCellsNeutralised must not be negative");
    }
  }

  /**
   * A report of a table not yet written (no cell neutralised).
   *
   * @param table the table's name
   * @param method the protection method
   * @param rules the rules applied, in words
   * @param statusCounts cells per status
   * @param primaries the primary cells with their intervals
   * @param secondaries the secondary cells with the reason each was chosen
   * @param notes anything else worth knowing
   */
  public TableReport(String table, String method, List<String> rules, Map<CellStatus, Integer> statusCounts,
      List<PrimaryCell> primaries, List<SecondaryCell> secondaries, List<String> notes) {
    this(table, method, rules, statusCounts, primaries, secondaries, notes, 0, Minimisation.notApplicable());
  }

  /**
   * A report of a table not yet written, with what the minimisation pass did.
   *
   * @param table the table's name
   * @param method the protection method
   * @param rules the rules applied, in words
   * @param statusCounts cells per status
   * @param primaries the primary cells with their intervals
   * @param secondaries the secondary cells with the reason each was chosen
   * @param notes anything else worth knowing
   * @param minimisation what the minimisation pass did
   */
  public TableReport(String table, String method, List<String> rules, Map<CellStatus, Integer> statusCounts,
      List<PrimaryCell> primaries, List<SecondaryCell> secondaries, List<String> notes, Minimisation minimisation) {
    this(table, method, rules, statusCounts, primaries, secondaries, notes, 0, minimisation);
  }

  /**
   * A copy with the count of cells the formula guard neutralised when the table was written.
   *
   * @param cells the count; at least 0
   * @return the report
   */
  public TableReport withFormulaCellsNeutralised(long cells) {
    return new TableReport(table, method, rules, statusCounts, primaries, secondaries, notes, cells, minimisation);
  }

  /**
   * The report as lines of text, for a terminal, a log or the published {@code tables-report.txt}. Only what
   * anyone can derive from the published tables is printed for a primary cell: its LP attacker interval (the
   * interval of source {@code lp}); for source {@code witness} that the check passed, without the bounds
   * (they are built from true values); never the required width, which may be a share of the true value.
   *
   * @return the lines
   */
  public List<String> lines() {
    List<String> out = new java.util.ArrayList<>();
    out.add("table " + table + ": method " + method);
    for (String r : rules) {
      out.add("  rule: " + r);
    }
    StringBuilder sb = new StringBuilder("  cells:");
    statusCounts.forEach((s, n) -> sb.append(' ').append(s.token()).append('=').append(n));
    out.add(sb.toString());
    for (PrimaryCell p : primaries) {
      if (p.source().equals("lp")) {
        out.add("  primary " + String.join("|", p.nodes()) + " (" + p.rule() + "): attacker interval ["
            + num(p.lower()) + ", " + num(p.upper()) + "] (lp)");
      } else {
        out.add("  primary " + String.join("|", p.nodes()) + " (" + p.rule() + "): protected (" + p.source()
            + " check passed: interval at least the required width; run ctdc audit for the exact interval)");
      }
    }
    for (SecondaryCell s : secondaries) {
      out.add("  secondary " + String.join("|", s.nodes()) + ": " + s.reason());
    }
    for (String n : notes) {
      out.add("  note: " + n);
    }
    if (minimisation.status() == Minimisation.Status.RAN || minimisation.status() == Minimisation.Status.STOPPED) {
      out.add("  minimisation: " + minimisation.secondariesBefore() + " secondary cells after the hypercube search, "
          + minimisation.secondariesAfter() + " after the minimisation pass (each release checked with the full LP)"
          + (minimisation.status() == Minimisation.Status.STOPPED ? "; the pass stopped at its work limit" : ""));
    } else if (minimisation.status() == Minimisation.Status.SKIPPED) {
      out.add("  minimisation: skipped (the attacker's LP is larger than the exact-check limit)");
    }
    if (formulaCellsNeutralised > 0) {
      out.add("  formula guard: " + formulaCellsNeutralised + " CSV cells written with a ' in front");
    }
    return out;
  }

  static String num(double d) {
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.3f", d);
  }
}
