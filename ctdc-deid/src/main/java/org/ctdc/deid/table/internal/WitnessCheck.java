package org.ctdc.deid.table.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.deid.table.TableException;

/**
 * Verifies a primary's witness direction from scratch: every published cell whose sum under the direction
 * is non-zero must be suppressed, shared cells must have equal sums in every table, the primary's own sum
 * must be non-zero, and the corners must stay non-negative over the claimed steps. Stateless.
 */
final class WitnessCheck {
  private WitnessCheck() {}

  /** @return the witness's own inner bound of the attacker interval, {lower, upper} (unchecked against the requirements) */
  static double[] verify(Problem p, Hypercube.Witness w) {
    List<Map<Integer, Long>> sums = new java.util.ArrayList<>();
    for (int i = 0; i < p.grids.size(); i++) {
      sums.add(new HashMap<>());
    }
    for (int[] s : w.support()) {
      Grid g = p.grids.get(s[0]);
      long v = g.value[s[1]];
      if ((s[2] > 0 && v < w.tMinus()) || (s[2] < 0 && v < w.tPlus())) {
        throw fail(w, "a corner would become negative");
      }
      for (int a : IntervalCheck.ancestors(g, s[1])) {
        sums.get(s[0]).merge(a, (long) s[2], Long::sum);
      }
    }
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (Map.Entry<Integer, Long> e : sums.get(gi).entrySet()) {
        if (e.getValue() == 0 || !g.isPublished(e.getKey())) {
          continue;
        }
        if (!g.suppressed(e.getKey())) {
          throw fail(w, "published cell " + g.label(e.getKey()) + " would change");
        }
        for (int gj = 0; gj < p.grids.size(); gj++) {
          int b = p.counterpart(g, e.getKey(), p.grids.get(gj));
          if (b >= 0 && !e.getValue().equals(sums.get(gj).getOrDefault(b, 0L))) {
            throw fail(w, "shared cell " + g.label(e.getKey()) + " would differ between tables");
          }
        }
      }
    }
    int gi = p.grids.indexOf(w.grid());
    long own = Math.abs(sums.get(gi).getOrDefault(w.cell(), 0L));
    if (own == 0) {
      throw fail(w, "the direction does not move the primary");
    }
    double v = w.grid().value[w.cell()];
    double lo = w.tMinus() == Long.MAX_VALUE ? Double.NEGATIVE_INFINITY : v - (double) w.tMinus() * own;
    double hi = w.tPlus() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v + (double) w.tPlus() * own;
    return new double[] {lo, hi};
  }

  /**
   * The certified inner bound of a primary's attacker interval from all its witnesses, each verified by
   * {@link #verify}: the sum of their steps when no corner gives more than its value over all of them (moving
   * along the sum of the directions is then feasible), otherwise the widest single one; it must reach the
   * required width and the protection levels.
   *
   * @return {lower, upper}
   * @throws TableException naming the primary when a witness is invalid or the bound falls short
   */
  static double[] range(Problem p, List<Hypercube.Witness> all) {
    Hypercube.Witness w = all.get(0);
    Grid g = w.grid();
    double v = g.value[w.cell()];
    double hullLo = Double.POSITIVE_INFINITY;
    double hullHi = Double.NEGATIVE_INFINITY;
    double sumLo = v;
    double sumHi = v;
    Map<Long, Long> takeMinus = new HashMap<>();
    Map<Long, Long> takePlus = new HashMap<>();
    boolean feasible = true;
    for (Hypercube.Witness each : all) {
      double[] r = verify(p, each);
      hullLo = Math.min(hullLo, r[0]);
      hullHi = Math.max(hullHi, r[1]);
      sumLo -= v - r[0];
      sumHi += r[1] - v;
      for (int[] s : each.support()) {
        long t = s[2] > 0 ? each.tMinus() : each.tPlus();
        if (t == Long.MAX_VALUE) {
          continue;
        }
        long taken = (s[2] > 0 ? takeMinus : takePlus).merge(((long) s[0] << 32) | s[1], t, Long::sum);
        feasible &= taken <= p.grids.get(s[0]).value[s[1]];
      }
    }
    double lo = feasible ? sumLo : hullLo;
    double hi = feasible ? sumHi : hullHi;
    if (hi - lo < p.rules.requiredWidth(g.value[w.cell()])) {
      throw fail(w, "the certified interval is too narrow");
    }
    if (hi < v + g.level[w.cell()] || lo > v - g.lowerLevel(w.cell())) {
      throw fail(w, "the certified interval does not reach the protection levels");
    }
    return new double[] {Math.max(lo, 0), hi};
  }

  /**
   * Checks the singleton attacker over all witnesses of one primary: for every singleton respondent other
   * than the primary's whose cells some witness moves, another witness must move none of them (that
   * respondent, knowing its cells, can rule out only the directions that move them).
   *
   * @throws TableException naming the primary when some respondent is moved by every witness
   */
  static void singletons(Problem p, List<Hypercube.Witness> ofOnePrimary) {
    java.util.Set<Integer> moved = new java.util.TreeSet<>();
    List<java.util.Set<Integer>> each = new java.util.ArrayList<>();
    for (Hypercube.Witness w : ofOnePrimary) {
      java.util.Set<Integer> m = Hypercube.movedRespondents(p, w);
      each.add(m);
      moved.addAll(m);
    }
    for (int r : moved) {
      if (each.stream().allMatch(m -> m.contains(r))) {
        throw fail(ofOnePrimary.get(0), "a singleton respondent, who knows its own cell, can narrow it");
      }
    }
  }

  private static TableException fail(Hypercube.Witness w, String why) {
    return new TableException("check failed for primary cell " + w.grid().label(w.cell()) + ": " + why
        + "; nothing is released");
  }
}
