package org.ctdc.deid.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.ctdc.deid.verify.internal.HierarchyTable;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Variable;
import org.jspecify.annotations.Nullable;

/**
 * The independent verifier: checks a released {@link Dataset} against a {@link VerificationSpec}. It shares
 * no code with the generalisation search or the local suppression, so that a bug in one does not hide
 * in the other.
 *
 * <p>Cells are compared as the release writes them ({@link Dataset#token(int, int)}); a missing cell is
 * missing whatever its reason. The checks, each reported as a {@link Violation.Rule}:
 *
 * <ol>
 *   <li>Hierarchies: every non-missing value of a quasi-identifier with a declared hierarchy is a value of
 *       that hierarchy at some level, and all values of the column share at least one level (full-domain
 *       generalisation). Missing cells are not checked against hierarchies.
 *   <li>Suppressed records: release rows fewer than the original rows count as removed. With missing as
 *       its own value (ARX), a record whose every quasi-identifier is missing with reason
 *       {@link MissingReason#SUPPRESSED} counts as suppressed and is left out of the class checks. Under
 *       the wildcard rule such records stay (they are compatible with every record, as in sdcMicro).
 *       Removed plus suppressed records must be at most &lfloor;share &times; original rows&rfloor;,
 *       computed in decimal.
 *   <li>k: with missing as its own value every equivalence class (equal release values) has at least k
 *       records; under the wildcard rule every record has at least k compatible records (itself included),
 *       two records being compatible when every quasi-identifier is equal or missing in either. The
 *       wildcard check compares distinct combinations pairwise: O(d&sup2;) in the number d of distinct
 *       combinations.
 *   <li>Sensitive criteria are checked in the equivalence classes of equal release values (missing as a
 *       value of its own, also under the wildcard rule). A missing sensitive value counts as the value
 *       {@code ""}. Tolerance 1e-9 on entropy and distances.
 * </ol>
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Verifier {

  private static final double EPS = 1e-9;

  private Verifier() {}

  /**
   * Verifies a release.
   *
   * @param release the released dataset
   * @param spec what it must satisfy
   * @return the result, passed or with violations
   * @throws VerificationException when the release lacks a variable the specification names, or has more
   *     rows than the declared original row count
   */
  public static VerificationResult verify(Dataset release, VerificationSpec spec) {
    return new Run(release, spec).run();
  }

  /** One column's cells as dense ids; id 0 is missing. Values of a text column are never shown. */
  private record Encoded(int[] ids, List<String> dict, boolean text) {}

  private static final class Run {
    private final Dataset release;
    private final VerificationSpec spec;
    private final int n;
    private final List<Violation> listed = new ArrayList<>();
    private final EnumMap<Violation.Rule, Long> counts = new EnumMap<>(Violation.Rule.class);
    private final Map<String, Integer> levels = new LinkedHashMap<>();

    Run(Dataset release, VerificationSpec spec) {
      this.release = release;
      this.spec = spec;
      this.n = release.rowCount();
    }

    private void violation(Violation v) {
      long c = counts.merge(v.rule(), 1L, Long::sum);
      if (c <= VerificationResult.LISTED_PER_RULE) {
        listed.add(v);
      }
    }

    private int columnOf(String name, String role) {
      int c = release.schema().indexOf(name);
      if (c < 0) {
        throw new VerificationException(
            "the release (schema " + release.schema().id() + ") has no " + role + " variable '" + name + "'");
      }
      return c;
    }

    private Encoded encode(int col) {
      Variable v = release.variable(col);
      int[] ids = new int[n];
      List<String> dict = new ArrayList<>();
      dict.add(null);
      if (v.kind().isClosed() && !v.isMultiValued()) {
        int[] codes = release.codes(col);
        int[] idOfCode = new int[v.values().size()];
        for (int r = 0; r < n; r++) {
          int c = codes[r];
          if (c < 0) {
            continue;
          }
          if (idOfCode[c] == 0) {
            idOfCode[c] = dict.size();
            dict.add(release.token(r, col));
          }
          ids[r] = idOfCode[c];
        }
      } else {
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < n; r++) {
          if (release.isMissing(r, col)) {
            continue;
          }
          String t = release.token(r, col);
          Integer id = index.get(t);
          if (id == null) {
            id = dict.size();
            index.put(t, id);
            dict.add(t);
          }
          ids[r] = id;
        }
      }
      return new Encoded(ids, java.util.Collections.unmodifiableList(dict), v.kind().isText());
    }

    VerificationResult run() {
      List<String> qis = spec.quasiIdentifiers();
      int m = qis.size();
      int[] qiCols = new int[m];
      Encoded[] enc = new Encoded[m];
      for (int j = 0; j < m; j++) {
        qiCols[j] = columnOf(qis.get(j), "quasi-identifier");
      }
      for (VerificationSpec.Criterion c : spec.criteria()) {
        columnOf(c.sensitive(), "sensitive");
      }
      for (int j = 0; j < m; j++) {
        enc[j] = encode(qiCols[j]);
      }
      for (int j = 0; j < m; j++) {
        final int jj = j;
        spec.hierarchy(qis.get(j)).ifPresent(rows -> checkHierarchy(qis.get(jj), enc[jj], rows));
      }

      // suppressed records
      boolean[] suppressed = new boolean[n];
      long suppressedRows = 0;
      if (!spec.missingAsWildcard() && m > 0) {
        for (int r = 0; r < n; r++) {
          boolean all = true;
          for (int j = 0; j < m && all; j++) {
            all = release.missingReason(r, qiCols[j]).orElse(null) == MissingReason.SUPPRESSED;
          }
          if (all) {
            suppressed[r] = true;
            suppressedRows++;
          }
        }
      }
      long allowed = -1;
      long totalSuppressed = suppressedRows;
      if (spec.originalRows().isPresent()) {
        int original = spec.originalRows().getAsInt();
        if (n > original) {
          throw new VerificationException(
              "the release has " + n + " rows, more than the " + original + " original rows declared");
        }
        totalSuppressed += original - n;
        allowed = new BigDecimal(Double.toString(spec.suppressionShare()))
            .multiply(BigDecimal.valueOf(original)).setScale(0, RoundingMode.FLOOR).longValueExact();
        if (totalSuppressed > allowed) {
          violation(new Violation(Violation.Rule.SUPPRESSION_LIMIT, List.of(), totalSuppressed, List.of(),
              totalSuppressed, allowed,
              (original - n) + " records removed and " + suppressedRows + " suppressed, " + allowed
                  + " allowed (" + spec.suppressionShare() + " of " + original + ")"));
        }
      }

      // equivalence classes over exact values (missing = id 0)
      int[] classOf = new int[n];
      int classCount = groupRows(enc, suppressed, classOf);
      long[] size = new long[classCount];
      int[] firstRow = new int[classCount];
      Arrays.fill(firstRow, -1);
      for (int r = 0; r < n; r++) {
        if (!suppressed[r]) {
          int c = classOf[r];
          size[c]++;
          if (firstRow[c] < 0) {
            firstRow[c] = r;
          }
        }
      }
      long smallest;
      if (spec.missingAsWildcard()) {
        smallest = checkWildcard(enc, size, firstRow, qis);
      } else {
        smallest = classCount == 0 ? 0 : Long.MAX_VALUE;
        for (int c = 0; c < classCount; c++) {
          smallest = Math.min(smallest, size[c]);
          if (size[c] < spec.k()) {
            violation(new Violation(Violation.Rule.CLASS_TOO_SMALL, qis, size[c], describe(enc, firstRow[c]),
                size[c], spec.k(), "a class of " + size[c] + " records, k = " + spec.k()));
          }
        }
      }
      for (VerificationSpec.Criterion crit : spec.criteria()) {
        checkCriterion(crit, classOf, classCount, size, firstRow, suppressed, enc, qis);
      }
      List<Violation> ordered = new ArrayList<>(listed);
      ordered.sort(java.util.Comparator.comparing(Violation::rule));
      return new VerificationResult(ordered, counts, n, classCount, smallest, totalSuppressed, allowed, levels);
    }

    private List<String> describe(Encoded[] enc, int row) {
      List<String> out = new ArrayList<>(enc.length);
      for (Encoded e : enc) {
        int id = e.ids()[row];
        out.add(id == 0 ? Violation.MISSING : e.text() ? Violation.WITHHELD : e.dict().get(id));
      }
      return out;
    }

    private void checkHierarchy(String qi, Encoded e, List<List<String>> rows) {
      HierarchyTable h = HierarchyTable.parse(qi, rows);
      int d = e.dict().size();
      long[] cells = new long[d];
      int[] first = new int[d];
      Arrays.fill(first, -1);
      int[] ids = e.ids();
      for (int r = 0; r < n; r++) {
        cells[ids[r]]++;
        if (first[ids[r]] < 0) {
          first[ids[r]] = r;
        }
      }
      long common = -1L;
      long outsideCells = 0;
      int outsideFirst = Integer.MAX_VALUE;
      TreeSet<String> seen = new TreeSet<>();
      for (int id = 1; id < d; id++) {
        long mask = h.levels(e.dict().get(id));
        if (mask == 0) {
          outsideCells += cells[id];
          outsideFirst = Math.min(outsideFirst, first[id]);
        } else {
          common &= mask;
          seen.add(levelsOf(mask));
        }
      }
      if (outsideCells > 0) {
        violation(new Violation(Violation.Rule.VALUE_OUTSIDE_HIERARCHY, List.of(qi), outsideCells, List.of(),
            outsideCells, 0,
            outsideCells + " cells of '" + qi + "' hold values that are not in its hierarchy at any level"
                + " (first at row " + (outsideFirst + 1) + ")"));
      }
      if (seen.isEmpty()) {
        return;
      }
      if (common == 0) {
        violation(new Violation(Violation.Rule.MIXED_LEVELS, List.of(qi), 0, List.of(), seen.size(), 1,
            "values of '" + qi + "' come from levels " + String.join(" and ", seen)
                + " with no level in common (full-domain generalisation needs one level per column)"));
      } else if (outsideCells == 0) {
        levels.put(qi, Long.numberOfTrailingZeros(common));
      }
    }

    private static String levelsOf(long mask) {
      StringBuilder sb = new StringBuilder("{");
      for (long rest = mask; rest != 0; rest &= rest - 1) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(Long.numberOfTrailingZeros(rest));
      }
      return sb.append('}').toString();
    }

    /**
     * Groups rows by their id vectors, refining one column at a time; suppressed rows get class -1 and are
     * left out. Class numbers follow the lexicographic order of the id vectors.
     */
    private int groupRows(Encoded[] enc, boolean[] suppressed, int[] classOf) {
      long[] key = new long[n];
      int count = 1;
      for (int r = 0; r < n; r++) {
        classOf[r] = suppressed[r] ? -1 : 0;
      }
      // as many columns at a time as their ids fit in one long beside the class so far (mixed radix, so the
      // order of the keys is the lexicographic order of the id vectors): one sort for all the quasi-identifiers
      // of a generalised release instead of one per column (issue 19)
      int j = 0;
      while (j < enc.length) {
        int from = j;
        long bound = count;
        while (j < enc.length && bound <= Long.MAX_VALUE / Math.max(1, enc[j].dict().size())) {
          bound *= Math.max(1, enc[j].dict().size());
          j++;
        }
        if (j == from) {
          j++; // a single column beyond the bound cannot occur (ids and classes are ints), but never loop
        }
        int live = 0;
        for (int r = 0; r < n; r++) {
          if (classOf[r] >= 0) {
            long k = classOf[r];
            for (int c = from; c < j; c++) {
              k = k * enc[c].dict().size() + enc[c].ids()[r];
            }
            key[live++] = k;
          }
        }
        long[] sorted = Arrays.copyOf(key, live);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < live; i++) {
          if (i == 0 || sorted[i] != sorted[i - 1]) {
            sorted[distinct++] = sorted[i];
          }
        }
        int i = 0;
        for (int r = 0; r < n; r++) {
          if (classOf[r] >= 0) {
            classOf[r] = Arrays.binarySearch(sorted, 0, distinct, key[i++]);
          }
        }
        count = distinct;
      }
      boolean any = false;
      for (int r = 0; r < n && !any; r++) {
        any = classOf[r] >= 0;
      }
      return any ? count : 0;
    }

    /** The wildcard rule, pairwise over distinct combinations; returns the smallest compatible count. */
    private long checkWildcard(Encoded[] enc, long[] size, int[] firstRow, List<String> qis) {
      int d = size.length;
      int m = enc.length;
      int[][] combo = new int[d][m];
      for (int c = 0; c < d; c++) {
        for (int j = 0; j < m; j++) {
          combo[c][j] = enc[j].ids()[firstRow[c]];
        }
      }
      Integer[] bySize = new Integer[d];
      for (int c = 0; c < d; c++) {
        bySize[c] = c;
      }
      Arrays.sort(bySize, (a, b) -> size[a] != size[b] ? Long.compare(size[b], size[a]) : Integer.compare(a, b));
      long smallest = d == 0 ? 0 : Long.MAX_VALUE;
      for (int c = 0; c < d; c++) {
        long compatible = 0;
        boolean early = false;
        for (int o : bySize) {
          if (compatible(combo[c], combo[o])) {
            compatible += size[o];
            if (compatible >= spec.k() && compatible >= smallest) {
              early = true;
              break;
            }
          }
        }
        if (!early) {
          smallest = Math.min(smallest, compatible);
        }
        if (compatible < spec.k()) {
          violation(new Violation(Violation.Rule.CLASS_TOO_SMALL, qis, compatible, describe(enc, firstRow[c]),
              compatible, spec.k(),
              size[c] + " records with " + compatible + " compatible records under the wildcard rule, k = "
                  + spec.k()));
        }
      }
      return smallest;
    }

    private static boolean compatible(int[] a, int[] b) {
      for (int j = 0; j < a.length; j++) {
        if (a[j] != b[j] && a[j] != 0 && b[j] != 0) {
          return false;
        }
      }
      return true;
    }

    private void checkCriterion(
        VerificationSpec.Criterion crit,
        int[] classOf,
        int classCount,
        long[] size,
        int[] firstRow,
        boolean[] suppressed,
        Encoded[] enc,
        List<String> qis) {
      String s = crit.sensitive();
      Encoded se = encode(columnOf(s, "sensitive"));
      // dict for the sensitive values: "" for missing
      List<String> dict = new ArrayList<>(se.dict());
      dict.set(0, "");
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < dict.size(); i++) {
        index.putIfAbsent(dict.get(i), i);
      }
      int[] sid = se.ids();
      // a real value "" would collide with missing: fold it into id 0
      Integer emptyId = null;
      for (int i = 1; i < dict.size(); i++) {
        if (dict.get(i).isEmpty()) {
          emptyId = i;
        }
      }
      // reference distribution
      double[] q;
      Map<String, Long> ref = spec.tClosenessReference(s).orElse(null);
      if (ref != null) {
        for (String v : ref.keySet()) {
          if (!index.containsKey(v)) {
            index.put(v, dict.size());
            dict.add(v);
          }
        }
      }
      int vs = dict.size();
      long[] refCount = new long[vs];
      if (ref != null) {
        ref.forEach((v, c) -> refCount[Objects.requireNonNull(index.get(v))] += c); // every value was indexed
      } else {
        for (int r = 0; r < n; r++) {
          if (!suppressed[r]) {
            refCount[canon(sid[r], emptyId)]++;
          }
        }
      }
      long refTotal = 0;
      for (long c : refCount) {
        refTotal += c;
      }
      q = new double[vs];
      for (int i = 0; i < vs; i++) {
        q[i] = refTotal == 0 ? 0 : (double) refCount[i] / refTotal;
      }
      HierarchyTable h = null;
      int[] leafOf = null;
      if (crit instanceof VerificationSpec.TClosenessHierarchical th) {
        h = HierarchyTable.parse(s, th.hierarchy());
        leafOf = new int[vs];
        long outside = 0;
        long[] present = new long[vs];
        for (int r = 0; r < n; r++) {
          if (!suppressed[r]) {
            present[canon(sid[r], emptyId)]++;
          }
        }
        for (int i = 0; i < vs; i++) {
          leafOf[i] = h.index(0, dict.get(i));
          if (leafOf[i] < 0 && (present[i] > 0 || refCount[i] > 0)) {
            outside += present[i] + refCount[i];
          }
        }
        if (outside > 0) {
          violation(new Violation(Violation.Rule.VALUE_OUTSIDE_HIERARCHY, List.of(s), outside, List.of(), outside,
              0, "values of sensitive '" + s + "' (release or reference) are not leaves of its hierarchy"));
          return;
        }
      }
      // sort rows by (class, value)
      long[] pairs = new long[n];
      int live = 0;
      for (int r = 0; r < n; r++) {
        if (!suppressed[r]) {
          pairs[live++] = ((long) classOf[r] << 32) | canon(sid[r], emptyId);
        }
      }
      Arrays.sort(pairs, 0, live);
      long[] valCounts = new long[vs];
      int[] valIds = new int[vs];
      int i = 0;
      while (i < live) {
        int cls = (int) (pairs[i] >>> 32);
        int distinct = 0;
        while (i < live && (int) (pairs[i] >>> 32) == cls) {
          int v = (int) pairs[i];
          long c = 0;
          while (i < live && pairs[i] == (((long) cls << 32) | v)) {
            c++;
            i++;
          }
          valIds[distinct] = v;
          valCounts[distinct] = c;
          distinct++;
        }
        evaluate(crit, cls, size[cls], valIds, valCounts, distinct, q, h, leafOf, enc, firstRow[cls], qis);
      }
    }

    private static int canon(int id, @Nullable Integer emptyId) {
      return emptyId != null && id == emptyId ? 0 : id;
    }

    private void evaluate(
        VerificationSpec.Criterion crit,
        int cls,
        long total,
        int[] valIds,
        long[] valCounts,
        int distinct,
        double[] q,
        @Nullable HierarchyTable h,
        int @Nullable [] leafOf,
        Encoded[] enc,
        int firstRow,
        List<String> qis) {
      List<String> vars = new ArrayList<>(qis);
      vars.add(crit.sensitive());
      if (crit instanceof VerificationSpec.DistinctL d) {
        if (distinct < d.l()) {
          violation(new Violation(Violation.Rule.DISTINCT_L_DIVERSITY, vars, total, describe(enc, firstRow),
              distinct, d.l(), "a class of " + total + " records has " + distinct + " distinct values of '"
                  + crit.sensitive() + "', l = " + d.l()));
        }
      } else if (crit instanceof VerificationSpec.EntropyL e) {
        double entropy = 0;
        for (int i = 0; i < distinct; i++) {
          double p = (double) valCounts[i] / total;
          entropy -= p * Math.log(p);
        }
        if (entropy < Math.log(e.l()) - EPS) {
          violation(new Violation(Violation.Rule.ENTROPY_L_DIVERSITY, vars, total, describe(enc, firstRow),
              entropy, Math.log(e.l()), String.format(java.util.Locale.ROOT,
                  "a class of %d records has entropy %.6f of '%s', below log(%s) = %.6f", total, entropy,
                  crit.sensitive(), e.l(), Math.log(e.l()))));
        }
      } else if (crit instanceof VerificationSpec.RecursiveCL rc) {
        long[] sorted = Arrays.copyOf(valCounts, distinct);
        Arrays.sort(sorted);
        // descending: r1 = sorted[distinct-1], r_l = sorted[distinct-l]
        long tail = 0;
        for (int i = distinct - rc.l(); i >= 0; i--) {
          tail += sorted[i];
        }
        long r1 = distinct == 0 ? 0 : sorted[distinct - 1];
        if (!(r1 < rc.c() * tail)) {
          violation(new Violation(Violation.Rule.RECURSIVE_CL_DIVERSITY, vars, total, describe(enc, firstRow),
              r1, rc.c() * tail, "a class of " + total + " records breaks recursive (" + rc.c() + ","
                  + rc.l() + ")-diversity of '" + crit.sensitive() + "'"));
        }
      } else if (crit instanceof VerificationSpec.TClosenessEqual t) {
        double sum = 0;
        double qIn = 0;
        for (int i = 0; i < distinct; i++) {
          double p = (double) valCounts[i] / total;
          sum += Math.abs(p - q[valIds[i]]);
          qIn += q[valIds[i]];
        }
        double emd = 0.5 * (sum + Math.max(0, 1 - qIn));
        if (emd > t.t() + EPS) {
          violation(new Violation(Violation.Rule.T_CLOSENESS_EQUAL, vars, total, describe(enc, firstRow), emd,
              t.t(), String.format(java.util.Locale.ROOT,
                  "a class of %d records is at distance %.6f from the distribution of '%s', t = %s", total, emd,
                  crit.sensitive(), t.t())));
        }
      } else if (crit instanceof VerificationSpec.TClosenessHierarchical t) {
        // both are made for a hierarchical t-closeness criterion
        double emd = hierarchicalEmd(Objects.requireNonNull(h), Objects.requireNonNull(leafOf), valIds, valCounts, distinct, total, q);
        if (emd > t.t() + EPS) {
          violation(new Violation(Violation.Rule.T_CLOSENESS_HIERARCHICAL, vars, total, describe(enc, firstRow),
              emd, t.t(), String.format(java.util.Locale.ROOT,
                  "a class of %d records is at hierarchical distance %.6f from the distribution of '%s', t = %s",
                  total, emd, crit.sensitive(), t.t())));
        }
      }
    }

    /** Li, Li and Venkatasubramanian: sum over inner nodes of height/H times min(positive, negative extra). */
    private static double hierarchicalEmd(
        HierarchyTable h, int[] leafOf, int[] valIds, long[] valCounts, int distinct, long total, double[] q) {
      int height = h.height();
      if (height == 0) {
        return 0;
      }
      double[] extra = new double[h.size(0)];
      for (int v = 0; v < q.length; v++) {
        if (q[v] != 0 && leafOf[v] >= 0) {
          extra[leafOf[v]] -= q[v];
        }
      }
      for (int i = 0; i < distinct; i++) {
        extra[leafOf[valIds[i]]] += (double) valCounts[i] / total;
      }
      double emd = 0;
      for (int level = 0; level < height; level++) {
        int up = h.size(level + 1);
        double[] pos = new double[up];
        double[] neg = new double[up];
        for (int node = 0; node < extra.length; node++) {
          int p = h.parent(level, node);
          if (extra[node] > 0) {
            pos[p] += extra[node];
          } else {
            neg[p] -= extra[node];
          }
        }
        double[] next = new double[up];
        for (int p = 0; p < up; p++) {
          emd += (double) (level + 1) / height * Math.min(pos[p], neg[p]);
          next[p] = pos[p] - neg[p];
        }
        extra = next;
      }
      return emd;
    }
  }
}
