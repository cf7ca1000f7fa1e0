package org.ctdc.deid.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctdc.deid.audit.internal.TableCsv;

/**
 * The outcome of {@link TableAudit#audit}: the attacker interval and verdict of every suppressed cell, in
 * the order of the tables and their rows, and whether the release passes (no primary cell exposed).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AuditResult {
  private final List<String> tables;
  private final List<CellInterval> cells;
  private final int linearPrograms;
  private final int determinedByRank;

  /**
   * Creates a result (used by the audit; public for tests of reporting code).
   *
   * @param tables the names of the audited tables
   * @param cells the intervals of the suppressed cells
   * @param linearPrograms the number of linear programs solved
   * @param determinedByRank the number of cells found exactly determined by the rank test
   */
  public AuditResult(List<String> tables, List<CellInterval> cells, int linearPrograms, int determinedByRank) {
    this.tables = List.copyOf(tables);
    this.cells = List.copyOf(cells);
    this.linearPrograms = linearPrograms;
    this.determinedByRank = determinedByRank;
  }

  /**
   * Every suppressed cell's interval (primary and secondary).
   *
   * @return an immutable list in table and row order
   */
  public List<CellInterval> cells() {
    return cells;
  }

  /**
   * The primary cells' intervals.
   *
   * @return an immutable list
   */
  public List<CellInterval> primaries() {
    return cells.stream().filter(c -> c.status() == PublishedStatus.PRIMARY).toList();
  }

  /**
   * The exposed primary cells.
   *
   * @return an immutable list, empty when the release passes
   */
  public List<CellInterval> exposedPrimaries() {
    return cells.stream().filter(c -> c.status() == PublishedStatus.PRIMARY && c.exposed()).toList();
  }

  /**
   * The interval of a suppressed cell.
   *
   * @param cell the cell
   * @return its interval, or empty when the cell is not a suppressed cell of the audited tables
   */
  public Optional<CellInterval> interval(CellRef cell) {
    return cells.stream().filter(c -> c.cell().equals(cell)).findFirst();
  }

  /**
   * Whether no primary cell is exposed.
   *
   * @return true when the release passes the audit
   */
  public boolean passed() {
    return exposedPrimaries().isEmpty();
  }

  /**
   * The number of linear programs solved (for diagnostics).
   *
   * @return the count
   */
  public int linearPrograms() {
    return linearPrograms;
  }

  /**
   * The number of suppressed cells found exactly determined by the rank test, without linear programming.
   *
   * @return the count
   */
  public int determinedByRank() {
    return determinedByRank;
  }

  /**
   * The verdict in one line (issue 16): the tables audited, the suppressed cells (primary and secondary), how
   * many primaries are exposed, and {@code PASSED} or {@code FAILED}; the first of {@link #reportLines()}.
   * Names only tables and counts, never a cell's value.
   *
   * @return the line, without a line break
   */
  public String summary() {
    return reportLines().get(0);
  }

  /**
   * The report: a summary line, then one line per primary cell with its interval and verdict (never its
   * true value), then a line counting exposed secondary cells.
   *
   * @return the lines
   */
  public List<String> reportLines() {
    List<CellInterval> prim = primaries();
    long secondaries = cells.size() - prim.size();
    long exposedSecondaries =
        cells.stream().filter(c -> c.status() == PublishedStatus.SECONDARY && c.exposed()).count();
    List<String> out = new ArrayList<>();
    out.add("audit of " + String.join(", ", tables) + ": " + cells.size() + " suppressed cells (" + prim.size()
        + " primary, " + secondaries + " secondary); " + exposedPrimaries().size() + " primary exposed; "
        + (passed() ? "PASSED" : "FAILED"));
    for (CellInterval c : prim) {
      out.add(c.cell() + ": primary: interval [" + TableCsv.number(c.min()) + ", " + number(c.max()) + "]: "
          + (c.exposed() ? "EXPOSED (" + c.exposure().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"
              : "protected"));
    }
    out.add(exposedSecondaries + " of " + secondaries + " secondary cells exactly determined or too narrow"
        + " (not a failure: secondaries protect primaries)");
    return List.copyOf(out);
  }

  /**
   * The report as text, lines ending in {@code \n}.
   *
   * @return the report
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    reportLines().forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  private static String number(double v) {
    return Double.isInfinite(v) ? "unbounded" : TableCsv.number(v);
  }
}
