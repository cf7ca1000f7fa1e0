package org.ctdc.deid.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.deid.DeidException;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.Metric;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.schema.Dataset;
import org.jspecify.annotations.Nullable;

/**
 * The prepared problem: the codings of the quasi-identifiers, the sensitive channels, the level-0 frequency
 * table (every row's ids packed into a {@code long} key with fixed bit widths, the first quasi-identifier in
 * the highest bits, then one radix sort of the keys, so the table is in key order), the compiled privacy
 * models and the metric's precomputed per-value costs. {@link #evaluate(int[], ClassTable)} rolls a table up to a node and classifies it.
 * Immutable after preparation except for the reused hash map, so one engine serves one search thread.
 */
public final class Engine {
  private static final double LOG2 = Math.log(2);

  final QiCoding[] qis;
  final int m;
  final long n;
  final long maxSuppressed;
  final Metric metric;
  final int k;
  final SensitiveChannel[] channels;
  final ChannelModel[] channelModels;
  final ClassTable base;
  final double[][][] lossId;
  final double[][] lossLevel;
  final double[][][] log2Gen;
  final double[][] entLevel;
  /** bit width, shift and mask of each quasi-identifier's field in a packed key. */
  final int[] bits;
  final int[] shift;
  final int[] fieldMask;
  /**
   * trans[i][from][to][id at level from] = (id at level to) shifted into place, for from &lt;= to; a roll-up
   * replaces the changed fields of a packed key by these lookups.
   */
  final long[][][][] trans;
  private final LongIntMap map;

  /** A model on a sensitive channel. */
  record ChannelModel(int channel, PrivacyModel model, int @Nullable [][] parentOf, int height) {}

  private Engine(LevelZeroTable table, List<PrivacyModel> models, double limit, Metric metric) {
    List<String> qiNames = table.quasiIdentifiers();
    List<Hierarchy> hierarchies = table.hierarchies();
    this.m = qiNames.size();
    this.n = table.rows();
    this.metric = metric;
    this.maxSuppressed = (long) Math.floor(limit * n);
    this.qis = new QiCoding[m];
    for (int i = 0; i < m; i++) {
      qis[i] = new QiCoding(qiNames.get(i), hierarchies.get(i));
    }
    int kk = 1;
    Map<String, Integer> channelIndex = new LinkedHashMap<>();
    List<SensitiveChannel> chans = new ArrayList<>();
    List<ChannelModel> cms = new ArrayList<>();
    int size = table.size();
    for (PrivacyModel pm : models) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        kk = Math.max(kk, ka.k());
        continue;
      }
      String var = pm.sensitive().orElseThrow();
      Hierarchy h =
          pm instanceof PrivacyModel.TCloseness tc && tc.hierarchy().isPresent() ? tc.hierarchy().get() : null;
      String key = LevelZeroTable.channelKey(var, h);
      Integer ci = channelIndex.get(key);
      if (ci == null) {
        ci = chans.size();
        LevelZeroTable.Channel tc = table.channels().get(ci);
        if (!tc.variable().equals(var) || !Objects.equals(tc.hierarchy(), h)) {
          throw new IllegalArgumentException("the frequency table's sensitive channels do not match the models");
        }
        int d = tc.domain();
        long[] counts = new long[d];
        int[] hist = table.hist[ci];
        for (int c = 0; c < size; c++) {
          for (int v = 0; v < d; v++) {
            counts[v] += hist[c * d + v];
          }
        }
        double[] overall = new double[d];
        for (int v = 0; v < d; v++) {
          overall[v] = n == 0 ? 0 : (double) counts[v] / n;
        }
        chans.add(new SensitiveChannel(tc, overall));
        channelIndex.put(key, ci);
      }
      int[][] parentOf = null;
      int height = 0;
      if (h != null) {
        QiCoding hc = Objects.requireNonNull(chans.get(ci).hierarchy); // the channel was made with h
        height = hc.height;
        parentOf = new int[height][];
        for (int l = 0; l < height; l++) {
          int[] p = new int[hc.domain[l]];
          for (int id0 = 0; id0 < hc.domain0(); id0++) {
            p[hc.up[l][id0]] = hc.up[l + 1][id0];
          }
          parentOf[l] = p;
        }
      }
      cms.add(new ChannelModel(ci, pm, parentOf, height));
    }
    if (chans.size() != table.channels().size()) {
      throw new IllegalArgumentException("the frequency table's sensitive channels do not match the models");
    }
    this.k = kk;
    this.channels = chans.toArray(new SensitiveChannel[0]);
    this.channelModels = cms.toArray(new ChannelModel[0]);
    bits = table.bits.clone();
    shift = table.shift.clone();
    fieldMask = table.fieldMask.clone();
    trans = new long[m][][][];
    for (int i = 0; i < m; i++) {
      QiCoding q = qis[i];
      int levels = q.domain.length;
      trans[i] = new long[levels][levels][];
      for (int from = 0; from < levels; from++) {
        for (int to = from; to < levels; to++) {
          long[] t = new long[q.domain[from]];
          for (int id0 = 0; id0 < q.domain0(); id0++) {
            t[q.up[from][id0]] = (long) q.up[to][id0] << shift[i];
          }
          trans[i][from][to] = t;
        }
      }
    }
    // level-0 frequencies of each quasi-identifier, from the table
    long[][] freqs = new long[m][];
    for (int i = 0; i < m; i++) {
      long[] freq = new long[qis[i].domain0()];
      for (int c = 0; c < size; c++) {
        freq[field(table.key[c], i)] += table.count[c];
      }
      freqs[i] = freq;
    }
    // per-QI value frequencies, for the entropy and loss precomputations
    lossId = new double[m][][];
    lossLevel = new double[m][];
    log2Gen = new double[m][][];
    entLevel = new double[m][];
    double[][] log2Orig = new double[m][];
    for (int i = 0; i < m; i++) {
      QiCoding q = qis[i];
      long[] freq = freqs[i];
      int levels = q.domain.length;
      lossId[i] = new double[levels][];
      lossLevel[i] = new double[levels];
      log2Gen[i] = new double[levels][];
      entLevel[i] = new double[levels];
      log2Orig[i] = new double[q.domain0()];
      for (int id = 0; id < q.domain0(); id++) {
        log2Orig[i][id] = freq[id] == 0 ? 0 : Math.log((double) freq[id] / n) / LOG2;
      }
      for (int l = 0; l < levels; l++) {
        int[] upl = q.up[l];
        double[] loss = new double[q.domain[l]];
        boolean top = l == q.height && q.height > 0;
        int labels = top ? 1 : q.hierarchy.labels(l).size();
        int[] leafCounts = q.hierarchy.leafCounts(l);
        for (int g = 0; g < q.domain[l]; g++) {
          if (top) {
            loss[g] = 1;
          } else if (g < labels) {
            loss[g] = q.leaves > 1 ? (double) (leafCounts[g] - 1) / (q.leaves - 1) : 0;
          } else {
            loss[g] = 0;
          }
        }
        long[] genFreq = new long[q.domain[l]];
        for (int id = 0; id < q.domain0(); id++) {
          genFreq[upl[id]] += freq[id];
        }
        double[] lg = new double[q.domain[l]];
        for (int g = 0; g < lg.length; g++) {
          lg[g] = genFreq[g] == 0 ? 0 : Math.log((double) genFreq[g] / n) / LOG2;
        }
        double ls = 0;
        double es = 0;
        for (int id = 0; id < q.domain0(); id++) {
          if (freq[id] > 0) {
            ls += freq[id] * loss[upl[id]];
            es += freq[id] * (lg[upl[id]] - log2Orig[i][id]);
          }
        }
        lossId[i][l] = loss;
        lossLevel[i][l] = ls;
        log2Gen[i][l] = lg;
        entLevel[i][l] = es;
      }
    }
    double[] logOrig = new double[size];
    for (int c = 0; c < size; c++) {
      double lo = 0;
      for (int i = 0; i < m; i++) {
        lo += log2Orig[i][field(table.key[c], i)];
      }
      logOrig[c] = lo * table.count[c];
    }
    this.base = new ClassTable(size, table.key, table.count, logOrig, table.hist, new int[m]);
    this.map = new LongIntMap(Math.max(16, base.size));
  }

  /**
   * Prepares a problem.
   *
   * @param data the input
   * @param qiNames the quasi-identifiers, in configuration order
   * @param hierarchies their hierarchies, in the same order
   * @param models the privacy models
   * @param limit the record-suppression limit as a share of rows
   * @param metric the metric
   * @param threads the configured thread count; the pass over the rows (packed keys, one radix sort) and
   *     the search currently run on the calling thread, which keeps every result independent of it
   * @return the engine
   */
  public static Engine prepare(Dataset data, List<String> qiNames, List<Hierarchy> hierarchies,
      List<PrivacyModel> models, double limit, Metric metric, int threads) {
    return new Engine(LevelZeroTable.of(data, qiNames, hierarchies, models), models, limit, metric);
  }

  /**
   * Prepares a problem from a level-0 frequency table.
   *
   * @param table the table, made for the same quasi-identifiers and models
   * @param models the privacy models
   * @param limit the record-suppression limit as a share of rows
   * @param metric the metric
   * @return the engine; {@link #apply} needs the dataset the table counts
   */
  public static Engine prepare(LevelZeroTable table, List<PrivacyModel> models, double limit, Metric metric) {
    return new Engine(table, models, limit, metric);
  }

  /** The id of quasi-identifier i in a packed key. */
  int field(long key, int i) {
    return (int) (key >>> shift[i]) & fieldMask[i];
  }

  /** Sorts non-negative keys of at most {@code keyBits} bits, 11 bits per pass, skipping constant digits. */
  static void radixSort(long[] a, int keyBits) {
    int n = a.length;
    long[] buf = null;
    long[] src = a;
    int[] counts = new int[1 << 11];
    for (int sh = 0; sh < keyBits; sh += 11) {
      Arrays.fill(counts, 0);
      for (int r = 0; r < n; r++) {
        counts[(int) (src[r] >>> sh) & 0x7FF]++;
      }
      boolean constant = false;
      for (int d = 0; d < counts.length; d++) {
        if (counts[d] == n) {
          constant = true;
          break;
        }
      }
      if (constant) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < counts.length; d++) {
        int c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      if (buf == null) {
        buf = new long[n];
      }
      long[] dst = src == a ? buf : a;
      for (int r = 0; r < n; r++) {
        long v = src[r];
        dst[counts[(int) (v >>> sh) & 0x7FF]++] = v;
      }
      src = dst;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
  }

  /**
   * The chosen level's id of every row for every quasi-identifier, and whether each row is kept.
   *
   * @param data the input the engine was prepared from
   * @param outcome a search outcome with a chosen node
   * @param ids receives one array per quasi-identifier: the id at the chosen level per row
   * @return per row, whether it is released (its class passes the models)
   */
  public boolean[] apply(Dataset data, Search.Outcome outcome, int[][] ids) {
    int[] levels = Objects.requireNonNull(outcome.levels); // an outcome with a chosen node
    NodeEval e = Objects.requireNonNull(outcome.eval);
    int rows = (int) n;
    for (int i = 0; i < m; i++) {
      int[] id0 = new QiCoding(data, qis[i].name, qis[i].hierarchy).ids(data);
      int[] upl = qis[i].up[levels[i]];
      for (int r = 0; r < rows; r++) {
        id0[r] = upl[id0[r]];
      }
      ids[i] = id0;
    }
    return released(e, ids, rows);
  }

  /** Whether each of {@code count} rows (or combinations), given its ids at the chosen node, is released. */
  private boolean[] released(NodeEval e, int[][] ids, int count) {
    LongIntMap classes = new LongIntMap(e.table.size);
    for (int c = 0; c < e.table.size; c++) {
      classes.getOrPut(e.table.key[c], c);
    }
    boolean[] keep = new boolean[count];
    for (int r = 0; r < count; r++) {
      long key = 0;
      for (int i = 0; i < m; i++) {
        key |= (long) ids[i][r] << shift[i];
      }
      keep[r] = e.passes[classes.get(key)];
    }
    return keep;
  }

  /**
   * As {@link #apply} for the combinations of the level-0 table instead of rows: the chosen level's id of
   * every combination, and whether it is released.
   *
   * @param outcome a search outcome with a chosen node
   * @param ids receives one array per quasi-identifier: the id at the chosen level per combination
   * @return per combination, whether it is released
   */
  public boolean[] applyToBase(Search.Outcome outcome, int[][] ids) {
    int[] levels = Objects.requireNonNull(outcome.levels); // an outcome with a chosen node
    NodeEval e = Objects.requireNonNull(outcome.eval);
    int size = base.size;
    for (int i = 0; i < m; i++) {
      int[] upl = qis[i].up[levels[i]];
      int[] id = new int[size];
      for (int c = 0; c < size; c++) {
        id[c] = upl[field(base.key[c], i)];
      }
      ids[i] = id;
    }
    return released(e, ids, size);
  }

  /**
   * The level-0 id of a quasi-identifier in a combination of the level-0 table.
   *
   * @param c the combination
   * @param qi the quasi-identifier's index
   * @return the id
   */
  public int baseId(int c, int qi) {
    return field(base.key[c], qi);
  }

  /**
   * The release labels of a quasi-identifier's level.
   *
   * @param qi the quasi-identifier's index
   * @param level the level
   * @return the labels; ids beyond them are missing slots
   */
  public List<String> labels(int qi, int level) {
    return qis[qi].labels(level);
  }

  /**
   * The missing constant of an id at a level.
   *
   * @param qi the quasi-identifier's index
   * @param level the level
   * @param id the id
   * @return a negative missing constant, or 0 for a label
   */
  public int missingOf(int qi, int level, int id) {
    return qis[qi].missingOf(level, id);
  }

  /** @return the level-0 frequency table */
  public ClassTable base() {
    return base;
  }

  /** @return the number of input records */
  public long rows() {
    return n;
  }

  /** @return the most records that may be suppressed */
  public long maxSuppressed() {
    return maxSuppressed;
  }

  /** @return the heights of the quasi-identifiers' hierarchies */
  public int[] heights() {
    int[] h = new int[m];
    for (int i = 0; i < m; i++) {
      h[i] = qis[i].height;
    }
    return h;
  }

  /**
   * Whether every model is monotone with suppression, or the limit is 0 (when every model is monotone).
   *
   * @return true if feasibility is monotone along the lattice
   */
  public boolean feasibilityMonotone() {
    if (maxSuppressed == 0) {
      return true;
    }
    for (ChannelModel cm : channelModels) {
      if (!cm.model().monotoneWithSuppression()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A lower bound of the metric at a node and every node above it that needs no table.
   *
   * @param levels the node
   * @return the bound
   */
  double nodeBound(int[] levels) {
    switch (metric) {
      case PRECISION:
        return precision(levels);
      case LOSS: {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += lossLevel[i][levels[i]];
        }
        return n == 0 || m == 0 ? 0 : s / ((double) n * m);
      }
      case NON_UNIFORM_ENTROPY: {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += entLevel[i][levels[i]];
        }
        return s;
      }
      case DISCERNIBILITY:
        return (double) n * Math.min(k, Math.max(1, n));
      default:
        return 0;
    }
  }

  double precision(int[] levels) {
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += qis[i].height == 0 ? 0 : (double) levels[i] / qis[i].height;
    }
    return m == 0 ? 0 : s / m;
  }

  /**
   * Rolls a table up to a node and evaluates it.
   *
   * @param levels the node
   * @param source a table of a node at or below it
   * @return the evaluation
   */
  NodeEval evaluate(int[] levels, ClassTable source) {
    return evaluate(levels, source, false);
  }

  /**
   * Rolls a table up to a node and evaluates it.
   *
   * @param levels the node
   * @param source a table of a node at or below it
   * @param full whether to compute every metric (for the report) rather than only the searched one
   * @return the evaluation; {@code all} is null unless {@code full}
   */
  NodeEval evaluate(int[] levels, ClassTable source, boolean full) {
    ClassTable t = rollUp(levels, source);
    if (sPasses == null) {
      sPasses = new boolean[base.size];
    }
    boolean[] passes = sPasses;
    long suppressed = 0;
    int kept = 0;
    long dm = 0;
    double lossSum = 0;
    double entSum = 0;
    boolean wantLoss = full || metric == Metric.LOSS;
    boolean wantEnt = full || metric == Metric.NON_UNIFORM_ENTROPY;
    boolean channelModelsPresent = channelModels.length > 0;
    double[] scratch = new double[64];
    int kk = k;
    int[] tc = t.count;
    long[] tk = t.key;
    double[] tlog = t.logOrig;
    double[][] lossAt = new double[m][];
    double[][] genAt = new double[m][];
    for (int i = 0; i < m; i++) {
      lossAt[i] = lossId[i][levels[i]];
      genAt[i] = log2Gen[i][levels[i]];
    }
    for (int c = 0; c < t.size; c++) {
      int cnt = tc[c];
      boolean ok = cnt >= kk && (!channelModelsPresent || passesChannels(t, c, scratch));
      passes[c] = ok;
      if (!ok) {
        suppressed += cnt;
        if (wantLoss) {
          lossSum += (double) cnt * m;
        }
        if (wantEnt) {
          entSum += -tlog[c];
        }
      } else {
        kept++;
        dm += (long) cnt * cnt;
        if (wantLoss || wantEnt) {
          double l = 0;
          double g = 0;
          long key = tk[c];
          for (int i = 0; i < m; i++) {
            int id = (int) (key >>> shift[i]) & fieldMask[i];
            l += lossAt[i][id];
            g += genAt[i][id];
          }
          lossSum += cnt * l;
          entSum += cnt * g - tlog[c];
        }
      }
    }
    boolean feasible = suppressed <= maxSuppressed;
    double[] all = null;
    if (full) {
      all = new double[Metric.values().length];
      all[Metric.PRECISION.ordinal()] = precision(levels);
      all[Metric.DISCERNIBILITY.ordinal()] = (double) dm + (double) suppressed * n;
      all[Metric.AVERAGE_CLASS_SIZE.ordinal()] = kept == 0 ? n : (double) (n - suppressed) / kept;
      all[Metric.NON_UNIFORM_ENTROPY.ordinal()] = entSum;
      all[Metric.LOSS.ordinal()] = n == 0 || m == 0 ? 0 : lossSum / ((double) n * m);
    }
    double value;
    double bound = nodeBound(levels);
    switch (metric) {
      case PRECISION -> value = precision(levels);
      case DISCERNIBILITY -> {
        value = (double) dm + (double) suppressed * n;
        double b = 0;
        for (int c = 0; c < t.size; c++) {
          b += (double) t.count[c] * Math.max(Math.min(k, n), t.count[c]);
        }
        bound = Math.max(bound, b);
      }
      case AVERAGE_CLASS_SIZE -> {
        value = kept == 0 ? n : (double) (n - suppressed) / kept;
        if (t.size > 0) {
          bound = Math.max(bound, (double) (n - maxSuppressed) / t.size);
        }
      }
      case NON_UNIFORM_ENTROPY -> value = entSum;
      case LOSS -> value = n == 0 || m == 0 ? 0 : lossSum / ((double) n * m);
      default -> throw new IllegalStateException();
    }
    return new NodeEval(levels.clone(), t, passes, suppressed, feasible, value, bound, kept, all);
  }

  // reused buffers, allocated on first use by rollUp (sPasses also by evaluate), the only methods that use them
  @SuppressWarnings("NullAway.Init")
  private long[] sKey;
  @SuppressWarnings("NullAway.Init")
  private int[] sCount;
  @SuppressWarnings("NullAway.Init")
  private double[] sLogOrig;
  @SuppressWarnings("NullAway.Init")
  private int[][] sHist;
  @SuppressWarnings("NullAway.Init")
  private boolean[] sPasses;

  /** Rolls up into reused buffers: the result is valid until the next roll-up. */
  ClassTable rollUp(int[] levels, ClassTable src) {
    if (Arrays.equals(levels, src.levels)) {
      return src;
    }
    if (sCount == null) {
      int cap = base.size;
      sKey = new long[cap];
      sCount = new int[cap];
      sLogOrig = new double[cap];
      sHist = new int[channels.length][];
      for (int c = 0; c < channels.length; c++) {
        sHist[c] = new int[cap * channels[c].domain];
      }
      sPasses = new boolean[cap];
    }
    map.reset(src.size);
    long keepMask = -1L;
    int changed = 0;
    int[] chShift = new int[m];
    int[] chMask = new int[m];
    long[][] chTrans = new long[m][];
    for (int i = 0; i < m; i++) {
      if (levels[i] != src.levels[i]) {
        keepMask &= ~((long) fieldMask[i] << shift[i]);
        chShift[changed] = shift[i];
        chMask[changed] = fieldMask[i];
        chTrans[changed] = trans[i][src.levels[i]][levels[i]];
        changed++;
      }
    }
    long[] srcKey = src.key;
    int[] srcCount = src.count;
    double[] srcLog = src.logOrig;
    long[] key = sKey;
    int[] count = sCount;
    double[] logOrig = sLogOrig;
    int[][] hist = sHist;
    int size = 0;
    int srcSize = src.size;
    int chans = channels.length;
    for (int e = 0; e < srcSize; e++) {
      long k0 = srcKey[e];
      long k = k0 & keepMask;
      for (int j = 0; j < changed; j++) {
        k |= chTrans[j][(int) (k0 >>> chShift[j]) & chMask[j]];
      }
      int idx = map.getOrPut(k, size);
      if (idx == size) {
        key[size] = k;
        count[size] = srcCount[e];
        logOrig[size] = srcLog[e];
        for (int c = 0; c < chans; c++) {
          int d = channels[c].domain;
          System.arraycopy(src.hist[c], e * d, hist[c], size * d, d);
        }
        size++;
        continue;
      }
      count[idx] += srcCount[e];
      logOrig[idx] += srcLog[e];
      for (int c = 0; c < chans; c++) {
        int d = channels[c].domain;
        int[] from = src.hist[c];
        int[] to = hist[c];
        int fo = e * d;
        int too = idx * d;
        for (int v = 0; v < d; v++) {
          to[too + v] += from[fo + v];
        }
      }
    }
    return new ClassTable(size, key, count, logOrig, hist, levels.clone());
  }

  /**
   * Evaluates a node into fresh arrays that outlive later roll-ups.
   *
   * @param levels the node
   * @return the evaluation, with its own table
   */
  NodeEval evaluateKept(int[] levels) {
    NodeEval e = evaluate(levels, base, true);
    ClassTable t = e.table == base ? base : e.table.trimmedCopy();
    return new NodeEval(e.levels, t, Arrays.copyOf(e.passes, t.size), e.suppressed, e.feasible, e.metric, e.bound,
        e.classesKept, e.all);
  }

  private boolean passesChannels(ClassTable t, int c, double[] scratch) {
    for (ChannelModel cm : channelModels) {
      SensitiveChannel ch = channels[cm.channel()];
      int d = ch.domain;
      int[] h = t.hist[cm.channel()];
      int off = c * d;
      int total = t.count[c];
      PrivacyModel pm = cm.model();
      if (pm instanceof PrivacyModel.DistinctLDiversity dl) {
        int distinct = 0;
        for (int v = 0; v < d; v++) {
          if (h[off + v] > 0) {
            distinct++;
          }
        }
        if (distinct < dl.l()) {
          return false;
        }
      } else if (pm instanceof PrivacyModel.EntropyLDiversity el) {
        double ent = 0;
        for (int v = 0; v < d; v++) {
          if (h[off + v] > 0) {
            double p = (double) h[off + v] / total;
            ent -= p * Math.log(p);
          }
        }
        if (ent < Math.log(el.l()) - 1e-12) {
          return false;
        }
      } else if (pm instanceof PrivacyModel.RecursiveClDiversity rc) {
        int[] counts = new int[d];
        int nz = 0;
        for (int v = 0; v < d; v++) {
          if (h[off + v] > 0) {
            counts[nz++] = h[off + v];
          }
        }
        if (nz < rc.l()) {
          return false;
        }
        int[] s = Arrays.copyOf(counts, nz);
        Arrays.sort(s);
        // descending: r_1 = s[nz-1], r_j = s[nz-j]
        long tail = 0;
        for (int j = rc.l(); j <= nz; j++) {
          tail += s[nz - j];
        }
        if (!(s[nz - 1] < rc.c() * tail)) {
          return false;
        }
      } else if (pm instanceof PrivacyModel.TCloseness tc) {
        double dist;
        if (cm.parentOf() == null) {
          double sum = 0;
          for (int v = 0; v < d; v++) {
            sum += Math.abs((double) h[off + v] / total - ch.overall[v]);
          }
          dist = sum / 2;
        } else {
          dist = hierarchicalEmd(cm, ch, h, off, total);
        }
        if (dist > tc.t() + 1e-12) {
          return false;
        }
      }
    }
    return true;
  }

  private static double hierarchicalEmd(ChannelModel cm, SensitiveChannel ch, int[] h, int off, int total) {
    int height = cm.height();
    if (height == 0) {
      return 0;
    }
    double[] extra = new double[ch.domain];
    for (int v = 0; v < ch.domain; v++) {
      extra[v] = (double) h[off + v] / total - ch.overall[v];
    }
    double cost = 0;
    // a hierarchical model's channel has the hierarchy, and the model its parents (height > 0)
    QiCoding hc = Objects.requireNonNull(ch.hierarchy);
    int[][] parentOf = Objects.requireNonNull(cm.parentOf());
    for (int l = 1; l <= height; l++) {
      int[] parent = parentOf[l - 1];
      int groups = hc.domain[l];
      double[] pos = new double[groups];
      double[] neg = new double[groups];
      double[] next = new double[groups];
      for (int g = 0; g < extra.length; g++) {
        double e = extra[g];
        int p = parent[g];
        if (e > 0) {
          pos[p] += e;
        } else {
          neg[p] -= e;
        }
        next[p] += e;
      }
      for (int p = 0; p < groups; p++) {
        cost += (double) l / height * Math.min(pos[p], neg[p]);
      }
      extra = next;
    }
    return cost;
  }
}
