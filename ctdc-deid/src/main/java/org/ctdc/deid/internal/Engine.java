package org.ctdc.deid.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.deid.DeidException;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.Metric;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.schema.Dataset;

/**
 * The prepared problem: the codings of the quasi-identifiers, the sensitive channels, the level-0 frequency
 * table (built in one pass over the rows), the compiled privacy models and the metric's precomputed
 * per-value costs. {@link #evaluate(int[], ClassTable)} rolls a table up to a node and classifies it.
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
  private final LongIntMap map;

  /** A model on a sensitive channel. */
  record ChannelModel(int channel, PrivacyModel model, int[][] parentOf, int height) {}

  private Engine(Dataset data, List<String> qiNames, List<Hierarchy> hierarchies, List<PrivacyModel> models,
      double limit, Metric metric, int threads) {
    this.m = qiNames.size();
    this.n = data.rowCount();
    this.metric = metric;
    this.maxSuppressed = (long) Math.floor(limit * n);
    this.qis = new QiCoding[m];
    for (int i = 0; i < m; i++) {
      qis[i] = new QiCoding(data, qiNames.get(i), hierarchies.get(i));
    }
    int kk = 1;
    Map<String, Integer> channelIndex = new LinkedHashMap<>();
    List<SensitiveChannel> chans = new ArrayList<>();
    List<ChannelModel> cms = new ArrayList<>();
    for (PrivacyModel pm : models) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        kk = Math.max(kk, ka.k());
        continue;
      }
      String var = pm.sensitive().orElseThrow();
      Hierarchy h =
          pm instanceof PrivacyModel.TCloseness tc && tc.hierarchy().isPresent() ? tc.hierarchy().get() : null;
      String key = var + (h == null ? "" : "\u0000" + h.name() + "\u0000" + h.rows().hashCode());
      Integer ci = channelIndex.get(key);
      if (ci == null) {
        ci = chans.size();
        chans.add(new SensitiveChannel(data, var, h));
        channelIndex.put(key, ci);
      }
      int[][] parentOf = null;
      int height = 0;
      if (h != null) {
        QiCoding hc = chans.get(ci).hierarchy;
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
    this.k = kk;
    this.channels = chans.toArray(new SensitiveChannel[0]);
    this.channelModels = cms.toArray(new ChannelModel[0]);
    int[][] ids = new int[m][];
    for (int i = 0; i < m; i++) {
      ids[i] = qis[i].ids(data);
    }
    // per-QI value frequencies, for the entropy and loss precomputations
    lossId = new double[m][][];
    lossLevel = new double[m][];
    log2Gen = new double[m][][];
    entLevel = new double[m][];
    double[][] log2Orig = new double[m][];
    for (int i = 0; i < m; i++) {
      QiCoding q = qis[i];
      long[] freq = new long[q.domain0()];
      for (int id : ids[i]) {
        freq[id]++;
      }
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
    this.base = buildBase(ids, log2Orig, threads);
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
   * @param threads threads for the pass over the rows
   * @return the engine
   */
  public static Engine prepare(Dataset data, List<String> qiNames, List<Hierarchy> hierarchies,
      List<PrivacyModel> models, double limit, Metric metric, int threads) {
    return new Engine(data, qiNames, hierarchies, models, limit, metric, threads);
  }

  private ClassTable buildBase(int[][] ids, double[][] log2Orig, int threads) {
    int rows = (int) n;
    long[] radix = new long[m];
    long total = 1;
    for (int i = m - 1; i >= 0; i--) {
      radix[i] = total;
      try {
        total = Math.multiplyExact(total, (long) qis[i].domain0());
      } catch (ArithmeticException e) {
        throw new DeidException(
            "the quasi-identifiers' value sets are too large to combine in a 63-bit key (at '" + qis[i].name
                + "'); use fewer quasi-identifiers or coarser level-0 values");
      }
    }
    int t = Math.max(1, Math.min(threads, Math.max(1, rows / 10_000)));
    int chunk = (rows + t - 1) / Math.max(1, t);
    List<Partial> parts = new ArrayList<>();
    if (t == 1) {
      parts.add(partial(ids, radix, 0, rows));
    } else {
      ExecutorService ex = Executors.newFixedThreadPool(t);
      try {
        List<Future<Partial>> fs = new ArrayList<>();
        for (int c = 0; c < t; c++) {
          int from = c * chunk;
          int to = Math.min(rows, from + chunk);
          fs.add(ex.submit(() -> partial(ids, radix, from, to)));
        }
        for (Future<Partial> f : fs) {
          parts.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeidException("interrupted while building the frequency table", e);
      } catch (ExecutionException e) {
        throw new DeidException("failed to build the frequency table: " + e.getCause(), e.getCause());
      } finally {
        ex.shutdown();
      }
    }
    // merge, then order by key so that the table is the same for any thread count
    LongIntMap merged = new LongIntMap(parts.get(0).size);
    int cap = 0;
    for (Partial p : parts) {
      cap += p.size;
    }
    long[] keys = new long[cap];
    int[] counts = new int[cap];
    int[][] hists = new int[channels.length][];
    for (int c = 0; c < channels.length; c++) {
      hists[c] = new int[Math.multiplyExact(cap, channels[c].domain)];
    }
    int size = 0;
    for (Partial p : parts) {
      for (int e = 0; e < p.size; e++) {
        int idx = merged.getOrPut(p.keys[e], size);
        if (idx == size) {
          keys[size++] = p.keys[e];
        }
        counts[idx] += p.counts[e];
        for (int c = 0; c < channels.length; c++) {
          int d = channels[c].domain;
          for (int v = 0; v < d; v++) {
            hists[c][idx * d + v] += p.hists[c][e * d + v];
          }
        }
      }
    }
    long[] sorted = Arrays.copyOf(keys, size);
    Arrays.sort(sorted);
    int[][] rep = new int[m][size];
    int[] count = new int[size];
    double[] logOrig = new double[size];
    int[][] hist = new int[channels.length][];
    for (int c = 0; c < channels.length; c++) {
      hist[c] = new int[size * channels[c].domain];
    }
    for (int e = 0; e < size; e++) {
      long key = sorted[e];
      int from = merged.get(key);
      count[e] = counts[from];
      double lo = 0;
      for (int i = 0; i < m; i++) {
        int id = (int) ((key / radix[i]) % qis[i].domain0());
        rep[i][e] = id;
        lo += log2Orig[i][id];
      }
      logOrig[e] = lo * count[e];
      for (int c = 0; c < channels.length; c++) {
        int d = channels[c].domain;
        System.arraycopy(hists[c], from * d, hist[c], e * d, d);
      }
    }
    return new ClassTable(size, rep, count, logOrig, hist, new int[m]);
  }

  private static final class Partial {
    long[] keys;
    int[] counts;
    int[][] hists;
    int size;
  }

  private Partial partial(int[][] ids, long[] radix, int from, int to) {
    LongIntMap local = new LongIntMap(1024);
    Partial p = new Partial();
    int cap = 1024;
    p.keys = new long[cap];
    p.counts = new int[cap];
    p.hists = new int[channels.length][];
    for (int c = 0; c < channels.length; c++) {
      p.hists[c] = new int[cap * channels[c].domain];
    }
    for (int r = from; r < to; r++) {
      long key = 0;
      for (int i = 0; i < m; i++) {
        key += ids[i][r] * radix[i];
      }
      int idx = local.getOrPut(key, p.size);
      if (idx == p.size) {
        if (p.size == cap) {
          cap *= 2;
          p.keys = Arrays.copyOf(p.keys, cap);
          p.counts = Arrays.copyOf(p.counts, cap);
          for (int c = 0; c < channels.length; c++) {
            p.hists[c] = Arrays.copyOf(p.hists[c], cap * channels[c].domain);
          }
        }
        p.keys[p.size++] = key;
      }
      p.counts[idx]++;
      for (int c = 0; c < channels.length; c++) {
        p.hists[c][idx * channels[c].domain + channels[c].ids[r]]++;
      }
    }
    return p;
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
    int[] levels = outcome.levels;
    NodeEval e = outcome.eval;
    LongIntMap classes = new LongIntMap(e.table.size);
    for (int c = 0; c < e.table.size; c++) {
      long key = 0;
      for (int i = 0; i < m; i++) {
        key = key * qis[i].domain[levels[i]] + qis[i].up[levels[i]][e.table.rep[i][c]];
      }
      classes.getOrPut(key, c);
    }
    int rows = (int) n;
    for (int i = 0; i < m; i++) {
      int[] id0 = qis[i].ids(data);
      int[] upl = qis[i].up[levels[i]];
      for (int r = 0; r < rows; r++) {
        id0[r] = upl[id0[r]];
      }
      ids[i] = id0;
    }
    boolean[] keep = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      long key = 0;
      for (int i = 0; i < m; i++) {
        key = key * qis[i].domain[levels[i]] + ids[i][r];
      }
      keep[r] = e.passes[classes.get(key)];
    }
    return keep;
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
    double[] scratch = new double[64];
    for (int c = 0; c < t.size; c++) {
      int cnt = t.count[c];
      boolean ok = cnt >= k && passesChannels(t, c, scratch);
      passes[c] = ok;
      if (!ok) {
        suppressed += cnt;
        lossSum += (double) cnt * m;
        entSum += -t.logOrig[c];
      } else {
        kept++;
        dm += (long) cnt * cnt;
        double l = 0;
        double g = 0;
        for (int i = 0; i < m; i++) {
          int id = qis[i].up[levels[i]][t.rep[i][c]];
          l += lossId[i][levels[i]][id];
          g += log2Gen[i][levels[i]][id];
        }
        lossSum += cnt * l;
        entSum += cnt * g - t.logOrig[c];
      }
    }
    boolean feasible = suppressed <= maxSuppressed;
    double[] all = new double[Metric.values().length];
    all[Metric.PRECISION.ordinal()] = precision(levels);
    all[Metric.DISCERNIBILITY.ordinal()] = (double) dm + (double) suppressed * n;
    all[Metric.AVERAGE_CLASS_SIZE.ordinal()] = kept == 0 ? n : (double) (n - suppressed) / kept;
    all[Metric.NON_UNIFORM_ENTROPY.ordinal()] = entSum;
    all[Metric.LOSS.ordinal()] = n == 0 || m == 0 ? 0 : lossSum / ((double) n * m);
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

  private int[][] sRep;
  private int[] sCount;
  private double[] sLogOrig;
  private int[][] sHist;
  private boolean[] sPasses;

  /** Rolls up into reused buffers: the result is valid until the next roll-up. */
  ClassTable rollUp(int[] levels, ClassTable src) {
    if (Arrays.equals(levels, src.levels)) {
      return src;
    }
    if (sCount == null) {
      int cap = base.size;
      sRep = new int[m][cap];
      sCount = new int[cap];
      sLogOrig = new double[cap];
      sHist = new int[channels.length][];
      for (int c = 0; c < channels.length; c++) {
        sHist[c] = new int[cap * channels[c].domain];
      }
      sPasses = new boolean[cap];
    }
    map.reset(src.size);
    int size = 0;
    int[][] rep = sRep;
    int[] count = sCount;
    double[] logOrig = sLogOrig;
    int[][] hist = sHist;
    int[][] upAt = new int[m][];
    int[] dom = new int[m];
    for (int i = 0; i < m; i++) {
      upAt[i] = qis[i].up[levels[i]];
      dom[i] = qis[i].domain[levels[i]];
    }
    int[][] srcRep = src.rep;
    int[] srcCount = src.count;
    double[] srcLog = src.logOrig;
    for (int e = 0; e < src.size; e++) {
      long key = 0;
      for (int i = 0; i < m; i++) {
        key = key * dom[i] + upAt[i][srcRep[i][e]];
      }
      int idx = map.getOrPut(key, size);
      if (idx == size) {
        for (int i = 0; i < m; i++) {
          rep[i][size] = srcRep[i][e];
        }
        count[size] = 0;
        logOrig[size] = 0;
        for (int c = 0; c < channels.length; c++) {
          int d = channels[c].domain;
          Arrays.fill(hist[c], size * d, size * d + d, 0);
        }
        size++;
      }
      count[idx] += srcCount[e];
      logOrig[idx] += srcLog[e];
      for (int c = 0; c < channels.length; c++) {
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
    return new ClassTable(size, rep, count, logOrig, hist, levels.clone());
  }

  /**
   * Evaluates a node into fresh arrays that outlive later roll-ups.
   *
   * @param levels the node
   * @return the evaluation, with its own table
   */
  NodeEval evaluateKept(int[] levels) {
    NodeEval e = evaluate(levels, base);
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
    QiCoding hc = ch.hierarchy;
    for (int l = 1; l <= height; l++) {
      int[] parent = cm.parentOf()[l - 1];
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
