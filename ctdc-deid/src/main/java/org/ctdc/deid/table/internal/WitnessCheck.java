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

  /** @return the certified inner bound of the attacker interval, {lower, upper} */
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
    double lo = v - (double) w.tMinus() * own;
    double hi = w.tPlus() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : v + (double) w.tPlus() * own;
    if (w.tMinus() == Long.MAX_VALUE) {
      lo = Double.NEGATIVE_INFINITY;
    }
    if (hi - lo < p.rules.requiredWidth(w.grid().value[w.cell()])) {
      throw fail(w, "the certified interval is too narrow");
    }
    Grid g = w.grid();
    if (hi < v + g.level[w.cell()] || lo > v - g.lowerLevel(w.cell())) {
      throw fail(w, "the certified interval does not reach the protection levels");
    }
    for (int gj = 0; gj < p.grids.size(); gj++) {
      Grid y = p.grids.get(gj);
      for (Map.Entry<Integer, Long> e : sums.get(gj).entrySet()) {
        int c = e.getKey();
        if (e.getValue() != 0 && y.suppressed(c) && (y == g ? y.otherSingleton(c, w.cell()) : y.respondent[c] >= 0)) {
          throw fail(w, "the direction moves a singleton of another respondent, who knows its value");
        }
      }
    }
    return new double[] {Math.max(lo, 0), hi};
  }

  private static TableException fail(Hypercube.Witness w, String why) {
    return new TableException("check failed for primary cell " + w.grid().label(w.cell()) + ": " + why
        + "; nothing is released");
  }
}
