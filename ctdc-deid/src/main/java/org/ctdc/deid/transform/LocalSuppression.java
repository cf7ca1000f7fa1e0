package org.ctdc.deid.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.deid.risk.RiskException;
import org.ctdc.deid.risk.internal.CompatIndex;
import org.ctdc.deid.risk.internal.DatasetCopy;
import org.ctdc.deid.risk.internal.QiCodes;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;

/**
 * Local suppression to k-anonymity under sdcMicro's wildcard rule : instead of removing
 * records, single quasi-identifier cells are blanked (set missing with reason
 * {@link org.ctdc.schema.MissingReason#SUPPRESSED}) until every record has at least k compatible records,
 * two records being compatible when each quasi-identifier is equal or missing in either. Missing values
 * already in the data are wildcards too.
 *
 * <p>The heuristic, after sdcMicro's {@code localSuppression}:
 *
 * <ol>
 *   <li>Records with equal quasi-identifier values are handled together (they are indistinguishable, so
 *       sdcMicro makes the same choice for each). Combinations whose fk is below k are taken in order of
 *       decreasing risk: ascending fk, ties by ascending combination key (the codes in value-set order,
 *       the first quasi-identifier varying fastest).
 *   <li>For a violating combination, the nearest other combinations are those that become compatible by
 *       blanking the fewest of its non-missing values. Among the variables on which the nearest
 *       combinations differ, the least important is blanked. This repeats until its fk reaches k.
 *   <li>Importance: by default a quasi-identifier with fewer categories (distinct values present) is more
 *       important and kept longest; ties by the order given. {@link Builder#importance(List)}
 *       overrides it.
 * </ol>
 *
 * <p>Speed: combinations are indexed by their missing-value pattern, so the fk of a combination (and of
 * each candidate blanking) costs one hash lookup per pattern present, instead of a scan of all records.
 * Blanking only ever raises other records' fk, so one pass over the violating combinations suffices.
 *
 * <p>Progress and cancellation are settings of the operation, set as on every long-running operation
 * ({@link OperationBuilder}): {@link #apply(Dataset)} reports stage {@value #SUPPRESSING} (violating
 * combinations processed, out of those below k; on the thread that applies) and stops with {@link OperationCancelledException} when the
 * signal is raised. The result is the same with or without them.
 *
 * <pre>{@code
 * LocalSuppression.Result r = LocalSuppression.builder(qis, 11).importance(order).build().apply(data);
 * }</pre>
 *
 * <p>It is a heuristic, not an optimum. This class is immutable and thread-safe: one object may be applied
 * to many datasets from many threads at once (the listener is then called from each). Its {@link Builder}
 * is not thread-safe.
 */
public final class LocalSuppression {
  /** The progress stage of local suppression. */
  public static final String SUPPRESSING = "suppressing";

  /** The operation named by {@link OperationCancelledException#operation()} when a call is cancelled. */
  public static final String OPERATION = "local suppression";

  private final List<String> quasiIdentifiers;
  private final int k;
  private final List<String> importance;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private LocalSuppression(Builder b) {
    this.quasiIdentifiers = b.quasiIdentifiers;
    this.k = b.k;
    this.importance = b.importance;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * Starts an operation.
   *
   * @param quasiIdentifiers the quasi-identifier names, distinct
   * @param k the k to reach, at least 1
   * @return a builder, not thread-safe
   * @throws IllegalArgumentException if a name repeats or {@code k < 1}
   */
  public static Builder builder(List<String> quasiIdentifiers, int k) {
    return new Builder(quasiIdentifiers, k);
  }

  /**
   * The operation with the default importance order, no listener and no signal.
   *
   * @param quasiIdentifiers the quasi-identifier names, distinct
   * @param k the k to reach, at least 1
   * @return the operation
   * @throws IllegalArgumentException if a name repeats or {@code k < 1}
   */
  public static LocalSuppression of(List<String> quasiIdentifiers, int k) {
    return builder(quasiIdentifiers, k).build();
  }

  /** @return the quasi-identifiers */
  public List<String> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /** @return k */
  public int k() {
    return k;
  }

  /** @return the importance order, most important first, or empty for the default */
  public List<String> importance() {
    return importance;
  }

  /** Builds a {@link LocalSuppression}; each setter checks its argument. Not thread-safe. */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private final List<String> quasiIdentifiers;
    private final int k;
    private List<String> importance = List.of();

    private Builder(List<String> quasiIdentifiers, int k) {
      this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
      if (new java.util.HashSet<>(this.quasiIdentifiers).size() != this.quasiIdentifiers.size()) {
        throw new IllegalArgumentException("quasiIdentifiers must be distinct");
      }
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, is " + k);
      }
      this.k = k;
    }

    /**
     * Overrides the importance order.
     *
     * @param mostImportantFirst every quasi-identifier once, the one to keep longest first
     * @return this builder
     * @throws IllegalArgumentException unless it names every quasi-identifier once
     */
    public Builder importance(List<String> mostImportantFirst) {
      List<String> copy = List.copyOf(mostImportantFirst);
      if (copy.size() != quasiIdentifiers.size() || !new java.util.HashSet<>(copy).equals(
          new java.util.HashSet<>(quasiIdentifiers))) {
        throw new IllegalArgumentException("importance must name every quasi-identifier once");
      }
      this.importance = copy;
      return this;
    }

    /** @return the operation, immutable and thread-safe */
    public LocalSuppression build() {
      return new LocalSuppression(this);
    }
  }

  /**
   * The outcome: the new dataset and the suppressed cells per quasi-identifier.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param dataset the dataset with cells blanked
   * @param suppressedCells cells blanked per quasi-identifier, in the order of {@link LocalSuppression#quasiIdentifiers()}
   * @param importanceOrder the importance order used, most important first
   */
  public record Result(Dataset dataset, Map<String, Long> suppressedCells, List<String> importanceOrder) {
    /** Copies. */
    public Result {
      Objects.requireNonNull(dataset, "dataset");
      suppressedCells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(suppressedCells));
      importanceOrder = List.copyOf(importanceOrder);
    }

    /** @return the total number of cells blanked */
    public long totalSuppressedCells() {
      return suppressedCells.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Suppresses: the signal is checked before the call and at every violating combination; a raised signal
   * stops the call with {@link OperationCancelledException} and the input is left unchanged.
   *
   * @param data the dataset
   * @return the result
   * @throws OperationCancelledException if the signal is raised before the call ends
   * @throws RiskException when a quasi-identifier is unusable, or k exceeds a non-zero row count
   */
  public Result apply(Dataset data) {
    Ticker ticker = new Ticker(SUPPRESSING, OPERATION, progress, cancellation);
    ticker.check();
    List<String> qis = quasiIdentifiers;
    int n = data.rowCount();
    if (n > 0 && n < k) {
      throw new RiskException("k = " + k + " cannot be reached with " + n + " records");
    }
    QiCodes q = new QiCodes(data, qis);
    int m = qis.size();
    int[] rank = importanceRank(q);
    List<String> order = new ArrayList<>(qis);
    order.sort((a, b) -> Integer.compare(rank[qis.indexOf(a)], rank[qis.indexOf(b)]));

    QiCodes.Grouping g = q.group();
    int d = g.keys().length;
    long[] count = new long[d];
    for (int r = 0; r < n; r++) {
      count[g.comboOf()[r]]++;
    }
    long[] keyOf = g.keys().clone();
    HashMap<Long, Integer> idOfKey = new HashMap<>(d * 2);
    CompatIndex index = new CompatIndex(q);
    for (int c = 0; c < d; c++) {
      idOfKey.put(keyOf[c], c);
      index.add(keyOf[c], count[c], 0);
    }
    int[] head = new int[d];
    int[] tail = new int[d];
    int[] next = new int[d];
    int[] blanked = new int[d];
    boolean[] dead = new boolean[d];
    for (int c = 0; c < d; c++) {
      head[c] = c;
      tail[c] = c;
      next[c] = -1;
    }
    double[] out = new double[2];
    long[] queue = new long[d];
    int violating = 0;
    for (int c = 0; c < d; c++) {
      index.query(keyOf[c], out);
      if (out[0] < k) {
        queue[violating++] = ((long) out[0] << 31) | c;
      }
    }
    Arrays.sort(queue, 0, violating);
    long[] cells = new long[m];
    ticker.start(violating);
    for (int qi = 0; qi < violating; qi++) {
      ticker.at(qi);
      int id = (int) (queue[qi] & 0x7FFF_FFFFL);
      if (dead[id]) {
        continue;
      }
      while (true) {
        long cur = keyOf[id];
        index.query(cur, out);
        double f = out[0];
        if (f >= k) {
          break;
        }
        int j = choose(index, cur, f, rank, out);
        long nk = index.blank(cur, j);
        index.remove(cur, count[id], 0);
        index.add(nk, count[id], 0);
        cells[j] += count[id];
        for (int o = head[id]; o >= 0; o = next[o]) {
          blanked[o] |= 1 << j;
        }
        idOfKey.remove(cur);
        Integer other = idOfKey.get(nk);
        if (other != null) {
          int t = other;
          count[t] += count[id];
          next[tail[t]] = head[id];
          tail[t] = tail[id];
          dead[id] = true;
          id = t;
        } else {
          idOfKey.put(nk, id);
          keyOf[id] = nk;
        }
      }
    }
    ticker.end();
    DatasetCopy.ColumnEdit[] edits = new DatasetCopy.ColumnEdit[data.columnCount()];
    int[] comboOf = g.comboOf();
    for (int j = 0; j < m; j++) {
      if (cells[j] > 0) {
        final int bit = 1 << j;
        edits[q.columns[j]] = row -> (blanked[comboOf[row]] & bit) != 0;
      }
    }
    Dataset result = DatasetCopy.copy(data, edits, -1, null);
    Map<String, Long> perQi = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      perQi.put(qis.get(j), cells[j]);
    }
    return new Result(result, perQi, order);
  }

  /** rank[j]: 0 for the most important QI. */
  private int[] importanceRank(QiCodes q) {
    List<String> qis = quasiIdentifiers;
    int m = qis.size();
    int[] rank = new int[m];
    if (!importance.isEmpty()) {
      for (int j = 0; j < m; j++) {
        rank[j] = importance.indexOf(qis.get(j));
      }
      return rank;
    }
    Integer[] byCard = new Integer[m];
    for (int j = 0; j < m; j++) {
      byCard[j] = j;
    }
    Arrays.sort(byCard, (a, b) -> q.card[a] != q.card[b] ? Integer.compare(q.card[a], q.card[b]) : Integer.compare(a, b));
    for (int i = 0; i < m; i++) {
      rank[byCard[i]] = i;
    }
    return rank;
  }

  /**
   * The QI to blank: the least important of those on which the nearest combinations differ. The nearest
   * are found by blanking the fewest non-missing values that make some other combination compatible.
   */
  private static int choose(CompatIndex index, long cur, double f, int[] rank, double[] out) {
    int present = index.pattern(cur);
    int size = Integer.bitCount(present);
    for (int s = 1; s <= size; s++) {
      int union = 0;
      for (int sub = present; sub != 0; sub = (sub - 1) & present) {
        if (Integer.bitCount(sub) != s) {
          continue;
        }
        index.query(index.project(cur, present & ~sub), out);
        if (out[0] > f) {
          union |= sub;
        }
      }
      if (union != 0) {
        int best = -1;
        for (int rest = union; rest != 0; rest &= rest - 1) {
          int j = Integer.numberOfTrailingZeros(rest);
          if (best < 0 || rank[j] > rank[best]) {
            best = j;
          }
        }
        return best;
      }
    }
    throw new IllegalStateException("no record can be made compatible; the row count is below k");
  }
}
