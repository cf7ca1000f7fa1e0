package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.ProtectionLevel;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableException;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableReport;

/** Primary + secondary suppression + check, and the assembly of the results. Stateless. */
public final class SuppressionRun {
  private SuppressionRun() {}

  /**
   * Runs suppression on linked tables.
   *
   * @param tables the tables
   * @param rules the rules
   * @param lpLimit the largest LP for exact intervals
   * @return tables and reports
   */
  public static TableProtection run(List<Table> tables, SuppressionRules rules, int lpLimit) {
    return run(tables, rules, lpLimit, Ticker.none());
  }

  /**
   * Runs suppression on linked tables with progress and cancellation checkpoints: primary cells processed by
   * the hypercube search, out of their number; the signal is also checked before and during the check.
   *
   * @param tables the tables
   * @param rules the rules
   * @param lpLimit the largest LP for exact intervals
   * @param ticker the checkpoints
   * @return tables and reports
   */
  public static TableProtection run(List<Table> tables, SuppressionRules rules, int lpLimit, Ticker ticker) {
    ticker.check();
    Problem p = new Problem(tables, rules);
    List<Hypercube.Witness> ws = new Hypercube(p).run(ticker);
    ticker.check();
    Minimiser.Outcome mo = Minimiser.run(p, lpLimit, ticker);
    Map<Long, double[]> iv = new HashMap<>();
    Map<Long, String> source = new HashMap<>();
    IntervalCheck chk = new IntervalCheck(p);
    if (mo.ran() && chk.variableCount() > lpLimit) {
      throw new IllegalStateException("the minimisation pass enlarged the attacker's system");
    }
    if (chk.variableCount() <= lpLimit) {
      for (IntervalCheck.Interval i : chk.intervals()) {
        if (i.exposed()) {
          throw new TableException("check failed: primary cell " + p.grids.get(i.grid()).label(i.cell())
              + (i.bySingleton() ? " can be narrowed by a singleton respondent, who knows its own cell,"
                  + " below its required width or protection levels"
                  : " has an attacker interval narrower than its required width (" + i.required()
                  + ") or not reaching its protection levels") + "; nothing is released");
        }
        long key = ((long) i.grid() << 32) | i.cell();
        iv.put(key, new double[] {i.lower(), i.upper()});
        source.put(key, "lp");
      }
    } else {
      Map<Long, List<Hypercube.Witness>> byPrimary = new java.util.LinkedHashMap<>();
      for (Hypercube.Witness w : ws) {
        byPrimary.computeIfAbsent(((long) p.grids.indexOf(w.grid()) << 32) | w.cell(), k -> new ArrayList<>()).add(w);
      }
      for (List<Hypercube.Witness> all : byPrimary.values()) {
        ticker.check();
        Hypercube.Witness w = all.get(0);
        double[] range = WitnessCheck.range(p, all);
        WitnessCheck.singletons(p, all);
        for (int gj = 0; gj < p.grids.size(); gj++) {
          int c = p.counterpart(w.grid(), w.cell(), p.grids.get(gj));
          if (c >= 0) {
            long key = ((long) gj << 32) | c;
            iv.put(key, range);
            source.put(key, "witness");
          }
        }
      }
    }
    ticker.end();
    List<ProtectedTable> out = new ArrayList<>();
    List<TableReport> reports = new ArrayList<>();
    List<List<ProtectionLevel>> levels = new ArrayList<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      levels.add(levels(g));
      List<ProtectedTable.Cell> cells = new ArrayList<>();
      List<TableReport.PrimaryCell> prim = new ArrayList<>();
      List<TableReport.SecondaryCell> sec = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      EnumMap<CellStatus, Integer> counts = new EnumMap<>(CellStatus.class);
      for (int c : publishedOrder(g)) {
        CellStatus s = g.status[c];
        counts.merge(s, 1, Integer::sum);
        cells.add(new ProtectedTable.Cell(g.nodes(c), s, s.isSuppressed() ? OptionalLong.empty()
            : OptionalLong.of(g.value[c])));
        long key = ((long) gi << 32) | c;
        if (s == CellStatus.PRIMARY) {
          double[] r = iv.get(key);
          if (r == null) {
            throw new TableException("check failed: primary cell " + g.label(c) + " has no audited interval");
          }
          prim.add(new TableReport.PrimaryCell(g.nodes(c), g.rule[c], r[0], r[1], rules.requiredWidth(g.value[c]),
              Objects.requireNonNull(source.get(key)))); // put with the interval
        } else if (s == CellStatus.SECONDARY) {
          sec.add(new TableReport.SecondaryCell(g.nodes(c), g.reason[c]));
        } else if (s == CellStatus.FORCED_PUBLISH && g.rule[c] != null) {
          notes.add("cell " + String.join("|", g.nodes(c)) + " is published by configuration although it breaks: "
              + g.rule[c]);
        }
      }
      if (!levels.get(gi).isEmpty()) {
        notes.add("protection levels: " + g.def.name() + ".levels.json holds each primary's value, levels and singleton"
            + " respondent for the audit; it is confidential: never publish it");
      }
      out.add(new ProtectedTable(g.def, "suppression", cells));
      TableReport.Minimisation min = mo.ran()
          ? new TableReport.Minimisation(mo.complete() ? TableReport.Minimisation.Status.RAN
              : TableReport.Minimisation.Status.STOPPED, mo.secondaries()[gi][0],
              mo.secondaries()[gi][1])
          : new TableReport.Minimisation(TableReport.Minimisation.Status.SKIPPED, 0, 0);
      reports.add(new TableReport(g.def.name(), "suppression", describe(rules, g.table.kind()), counts, prim, sec,
          notes, min));
    }
    return new TableProtection(out, reports, levels);
  }

  /** A magnitude table's primaries with their levels and singleton respondents (numbered in cell order). */
  private static List<ProtectionLevel> levels(Grid g) {
    List<ProtectionLevel> out = new ArrayList<>();
    if (g.table.kind() != Table.Kind.MAGNITUDE) {
      return out;
    }
    Map<Integer, Integer> numbers = new HashMap<>();
    for (int c : publishedOrder(g)) {
      if (g.status[c] == CellStatus.PRIMARY) {
        int r = g.respondent[c] < 0 ? -1 : numbers.computeIfAbsent(g.respondent[c], k -> numbers.size());
        out.add(new ProtectionLevel(g.nodes(c), g.value[c], g.lowerLevel(c), g.level[c], r));
      }
    }
    return out;
  }

  /** Published cell ids, row-major over each dimension's published nodes in pre-order. */
  static int[] publishedOrder(Grid g) {
    int n = g.h.length;
    int[][] nodes = new int[n][];
    for (int d = 0; d < n; d++) {
      List<Integer> l = new ArrayList<>();
      for (String name : g.def.dimensions().get(d).nodes()) {
        int node = Objects.requireNonNull(g.h[d].index.get(name)); // every node of the dimension is indexed
        if (g.pub[d][node]) {
          l.add(node);
        }
      }
      nodes[d] = l.stream().mapToInt(Integer::intValue).toArray();
    }
    int total = 1;
    for (int[] l : nodes) {
      total *= l.length;
    }
    int[] out = new int[total];
    int[] idx = new int[n];
    int kept = 0;
    for (int t = 0; t < total; t++) {
      int c = 0;
      for (int d = 0; d < n; d++) {
        c += nodes[d][idx[d]] * g.stride[d];
      }
      if (g.isPublished(c)) {
        out[kept++] = c;
      }
      for (int d = n - 1; d >= 0; d--) {
        if (++idx[d] < nodes[d].length) {
          break;
        }
        idx[d] = 0;
      }
    }
    return java.util.Arrays.copyOf(out, kept);
  }

  static List<String> describe(SuppressionRules r, Table.Kind kind) {
    List<String> out = new ArrayList<>();
    String what = kind == Table.Kind.COUNT ? "count" : "number of contributors";
    if (r.threshold() > 0) {
      out.add("threshold: a " + what + " " + r.bound().symbol() + " " + r.threshold() + " is primary");
    }
    out.add(r.protectZeros()
        ? "zeros: protected as primary cells (a published zero discloses that no record has the attributes)"
        : "zeros: published as empty cells (a published zero discloses that no record has the attributes)");
    if (kind == Table.Kind.MAGNITUDE) {
      if (r.dominanceN() > 0) {
        out.add("(" + r.dominanceN() + "," + Grid.fmt(r.dominanceK()) + ")-dominance");
      }
      if (r.pPercent() > 0) {
        out.add("p%-rule with p = " + Grid.fmt(r.pPercent()));
      }
      if (r.minContributors() > 0) {
        out.add("few contributors: fewer than " + r.minContributors());
      }
    }
    out.add("protection: attacker interval at least max(" + r.minWidth() + ", " + Grid.fmt(r.minWidthPercent())
        + "% of the value) wide");
    out.add("secondary: hierarchical hypercubes, cost = value + 1 per new cell");
    if (r.forceGrandTotal()) {
      out.add("grand total always published");
    }
    return out;
  }
}
