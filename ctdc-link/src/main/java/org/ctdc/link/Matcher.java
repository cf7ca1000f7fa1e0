package org.ctdc.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.link.internal.BandIndex;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.ProgressListener;
import org.jspecify.annotations.Nullable;

/**
 * Matches the encodings of two or more sources, run by the collaborative (which never holds the key).
 *
 * <p><b>Blocking.</b> Locality-sensitive hashing by bit sampling: {@link LinkConfig#bands()} bands, each a fixed
 * sample of {@link LinkConfig#bitsPerBand()} bit positions (drawn from a seeded generator, the same in every
 * run); a pair of records of two sources is compared when their encodings agree on every sampled bit of at least
 * one band. Encodings that are close agree on most bits, so they meet in some band with high probability; far
 * ones rarely do. With 0 bands every pair is compared. {@link #pairCompleteness} says which share of known true
 * pairs the blocking lets through; without ground truth, every {@link MatchResult} carries a {@link
 * PairCompleteness}: the theoretical probability that a pair of a given similarity becomes a candidate, and the
 * share of the pairs at or above the threshold among a seeded sample of records compared with every record of
 * the other source that the blocking also compares ({@link Builder#completenessSample}).
 *
 * <p><b>Comparison.</b> Sørensen–Dice on the packed words ({@link Dice}); every compared pair counts in the
 * similarity histogram; pairs at or above the threshold are candidate links.
 *
 * <p><b>Solver.</b> Greedy clustering, as anonlink's greedy solver: the candidate links, in order of descending
 * similarity (ties by source order and record position), join two clusters when no source has a record in both.
 * For two sources this is the greedy one-to-one assignment; for three or more each cluster holds at most one
 * record per source.
 *
 * <p>Work is split into chunks of records and run on the builder's threads; the result is the same for any
 * number of threads. Progress: stage {@code "matching"} after each chunk; the cancellation signal is checked at
 * the same points.
 *
 * <p>Create one with {@link #builder(LinkConfig)}. This class is immutable and thread-safe.
 */
public final class Matcher {

  /** The stage the matcher reports to its progress listener. */
  public static final String STAGE = "matching";
  /** The most sources matched at once. */
  public static final int MAX_SOURCES = 64;
  /** Records of the first source per task, and of the second per block of candidates; a power of two. */
  private static final int CHUNK = 2048;
  private static final int LOG_CHUNK = 11;
  private static final long SAMPLE_SEED = 0x6374_6463_6C69_6E6BL;

  private final LinkConfig config;
  private final int threads;
  private final ProgressListener progress;
  private final Cancellation cancellation;
  private final int sample;
  private final long seed;

  private Matcher(Builder b) {
    this.config = b.config;
    this.threads = b.threads;
    this.sample = b.sample;
    this.seed = b.seed;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * Starts a matcher with the configuration's threshold and blocking; one thread.
   *
   * @param config the linkage's configuration
   * @return a new builder
   */
  public static Builder builder(LinkConfig config) {
    return new Builder(config);
  }

  /**
   * The sampled bit positions of each band: {@link LinkConfig#bitsPerBand()} distinct positions of two of the
   * encoding's 64-bit words (the two drawn per band), so that a band key is read from two words.
   */
  private int[][] samples(int bits) {
    SplittableRandom rnd = new SplittableRandom(SAMPLE_SEED ^ bits);
    int words = bits / 64;
    int[][] s = new int[config.bands()][];
    for (int b = 0; b < s.length; b++) {
      int x = rnd.nextInt(words);
      int y = words == 1 ? x : (x + 1 + rnd.nextInt(words - 1)) % words;
      // distinct positions of the two words (a partial Fisher–Yates shuffle of their 128 positions, or 64)
      int[] pool = new int[words == 1 ? 64 : 128];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = (i < 64 ? x : y) * 64 + (i & 63);
      }
      s[b] = new int[config.bitsPerBand()];
      for (int i = 0; i < s[b].length; i++) {
        int pick = i + rnd.nextInt(pool.length - i);
        int v = pool[pick];
        pool[pick] = pool[i];
        pool[i] = v;
        s[b][i] = v;
      }
    }
    return s;
  }

  private static long[][] compiled(int[][] samples) {
    long[][] c = new long[samples.length][];
    for (int b = 0; b < c.length; b++) {
      c[b] = BandIndex.compile(samples[b]);
    }
    return c;
  }

  private static int key(long[] words, int off, long[] band) {
    return BandIndex.key(words, off, band);
  }

  /** Links found in one chunk: parallel arrays, grown as needed. */
  private static final class Links {
    int n;
    int[] a = new int[64];
    int[] b = new int[64];
    double[] sim = new double[64];
    long compared;
    final long[] histogram = new long[MatchResult.BINS];

    void add(int x, int y, double s) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
        b = Arrays.copyOf(b, n * 2);
        sim = Arrays.copyOf(sim, n * 2);
      }
      a[n] = x;
      b[n] = y;
      sim[n] = s;
      n++;
    }
  }

  /**
   * Compares records [from, to) of A with their candidates in B: for each record of A, each band's slot of its
   * key in B's index; a record of B met in several bands is compared once (a per-chunk stamp array, no set).
   */
  private Links compare(ClkSet a, ClkSet b, int from, int to, long[][] samples, @Nullable BandIndex idxB) {
    int w = a.bits() / 64;
    long[] wa = a.words();
    long[] wb = b.words();
    boolean[] ea = a.emptyFlags();
    boolean[] eb = b.emptyFlags();
    int[] ca = a.cardinalities();
    int[] cb = b.cardinalities();
    double t = config.threshold();
    Links out = new Links();
    if (idxB == null) {
      for (int i = from; i < to; i++) {
        if (ea[i]) {
          continue;
        }
        for (int j = 0; j < b.size(); j++) {
          if (!eb[j]) {
            compareOne(wa, i * w, wb, j * w, w, ca[i] + cb[j], i, j, t, out);
          }
        }
      }
      return out;
    }
    // band by band over the chunk: the chunk's keys of the band, then their runs in B's index of that band (one
    // band's table and entries at a time stay in the caches). Each candidate (i, j) goes to the bucket of j's block
    // of CHUNK records of B; then per block a bit matrix (B's record in the block × the chunk's record) marks each
    // pair once however many bands it met in, and the pairs are compared in B's order.
    int n = to - from;
    int nb = b.size();
    int blocks = (nb + CHUNK - 1) >>> LOG_CHUNK;
    int[][] bucket = new int[blocks][];
    int[] fill = new int[blocks];
    int[] keys = new int[n];
    for (int band = 0; band < samples.length; band++) {
      long[] sample = samples[band];
      for (int i = 0; i < n; i++) {
        keys[i] = ea[from + i] ? -1 : key(wa, (from + i) * w, sample);
      }
      int[] table = idxB.table(band);
      long[] entries = idxB.entries(band);
      for (int i = 0; i < n; i++) {
        int k = keys[i];
        if (k < 0) {
          continue;
        }
        int slot = idxB.slot(k);
        int end = table[slot + 1];
        for (int p = table[slot]; p < end; p++) {
          long e = entries[p];
          if ((int) (e >>> 32) == k) { // the slot may hold other keys
            int j = (int) e;
            int blk = j >>> LOG_CHUNK;
            int[] h = bucket[blk];
            if (h == null) {
              h = bucket[blk] = new int[1024];
            } else if (fill[blk] == h.length) {
              h = bucket[blk] = Arrays.copyOf(h, h.length * 2);
            }
            h[fill[blk]++] = (j & (CHUNK - 1)) << LOG_CHUNK | i;
          }
        }
      }
    }
    int words = (n + 63) >>> 6;
    long[] marks = new long[CHUNK * words];
    for (int blk = 0; blk < blocks; blk++) {
      int[] h = bucket[blk];
      if (h == null) {
        continue;
      }
      for (int q = 0, f = fill[blk]; q < f; q++) {
        int v = h[q];
        int i = v & (CHUNK - 1);
        marks[(v >>> LOG_CHUNK) * words + (i >>> 6)] |= 1L << i;
      }
      bucket[blk] = null;
      int base = blk << LOG_CHUNK;
      int rows = Math.min(CHUNK, nb - base);
      for (int jl = 0; jl < rows; jl++) {
        int j = base + jl;
        for (int x = 0; x < words; x++) {
          long m = marks[jl * words + x];
          if (m == 0) {
            continue;
          }
          marks[jl * words + x] = 0;
          for (; m != 0; m &= m - 1) {
            int i = from + (x << 6) + Long.numberOfTrailingZeros(m);
            compareOne(wa, i * w, wb, j * w, w, ca[i] + cb[j], i, j, t, out);
          }
        }
      }
    }
    return out;
  }

  private static void compareOne(long[] wa, int offA, long[] wb, int offB, int w, int cards, int i, int j, double t,
      Links out) {
    // the cardinalities are the sets' own, counted once: 16 popcounts per pair of 1,024 bits
    double s = cards == 0 ? 0 : 2.0 * Dice.common(wa, offA, wb, offB, w) / cards;
    out.compared++;
    out.histogram[Math.min(MatchResult.BINS - 1, (int) (s * MatchResult.BINS))]++;
    if (s >= t) {
      out.add(i, j, s);
    }
  }

  /**
   * Matches sources.
   *
   * @param sets the sources' encodings, at least two, of the same length, with distinct names
   * @return the clusters, their pairs and the counts
   * @throws LinkException naming the sources if their lengths differ or a name repeats
   * @throws IllegalArgumentException if fewer than two or more than {@value #MAX_SOURCES} sources are given
   * @throws org.ctdc.schema.OperationCancelledException when the cancellation signal is raised
   */
  public MatchResult match(List<ClkSet> sets) {
    check(sets);
    int[][] samples = samples(sets.get(0).bits());
    long[][] bands = compiled(samples);
    int p = sets.size();
    // the first source is never the second of a pair: it needs no index
    List<@Nullable BandIndex> idx = new ArrayList<>();
    for (int x = 0; x < p; x++) {
      ClkSet s = sets.get(x);
      idx.add(config.bands() == 0 || x == 0 ? null : BandIndex.of(s.words(), s.bits() / 64, s.emptyFlags(), samples, threads));
    }
    List<Callable<Links>> tasks = new ArrayList<>();
    List<int[]> taskPair = new ArrayList<>();
    for (int x = 0; x < p; x++) {
      for (int y = x + 1; y < p; y++) {
        ClkSet a = sets.get(x);
        ClkSet b = sets.get(y);
        BandIndex ib = idx.get(y);
        for (int from = 0; from < a.size(); from += CHUNK) {
          int f = from;
          int to = Math.min(a.size(), from + CHUNK);
          tasks.add(() -> {
            cancellation.throwIfCancelled(STAGE);
            return compare(a, b, f, to, bands, ib);
          });
          taskPair.add(new int[] {x, y});
        }
      }
    }
    List<Links> done = run(tasks, true);
    // the candidate links of every pair of sources, as global node numbers
    int[] offset = new int[p + 1];
    for (int s = 0; s < p; s++) {
      offset[s + 1] = offset[s] + sets.get(s).size();
    }
    long compared = 0;
    long[] histogram = new long[MatchResult.BINS];
    int total = 0;
    for (Links l : done) {
      total += l.n;
    }
    int[] na = new int[total];
    int[] nb = new int[total];
    double[] sim = new double[total];
    int k = 0;
    for (int i = 0; i < done.size(); i++) {
      Links l = done.get(i);
      int[] pair = taskPair.get(i);
      compared += l.compared;
      for (int h = 0; h < MatchResult.BINS; h++) {
        histogram[h] += l.histogram[h];
      }
      for (int e = 0; e < l.n; e++) {
        na[k] = offset[pair[0]] + l.a[e];
        nb[k] = offset[pair[1]] + l.b[e];
        sim[k] = l.sim[e];
        k++;
      }
    }
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (u, v) -> {
      int c = Double.compare(sim[v], sim[u]);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(na[u], na[v]);
      return c != 0 ? c : Integer.compare(nb[u], nb[v]);
    });
    // greedy clustering with union-find; a cluster's sources as a bit mask
    int nodes = offset[p];
    int[] parent = new int[nodes];
    long[] mask = new long[nodes];
    for (int s = 0; s < p; s++) {
      for (int r = offset[s]; r < offset[s + 1]; r++) {
        parent[r] = r;
        mask[r] = 1L << s;
      }
    }
    for (int i : order) {
      int ra = find(parent, na[i]);
      int rb = find(parent, nb[i]);
      if (ra != rb && (mask[ra] & mask[rb]) == 0) {
        int root = Math.min(ra, rb);
        int other = Math.max(ra, rb);
        parent[other] = root;
        mask[root] |= mask[other];
      }
    }
    // clusters in order of their first node (source order, then position)
    int[] size = new int[nodes];
    for (int r = 0; r < nodes; r++) {
      size[find(parent, r)]++;
    }
    List<List<RecordRef>> clusters = new ArrayList<>();
    List<Match> matches = new ArrayList<>();
    java.util.Map<Integer, List<Integer>> members = new java.util.TreeMap<>();
    for (int r = 0; r < nodes; r++) {
      int root = find(parent, r);
      if (size[root] > 1) {
        members.computeIfAbsent(root, x -> new ArrayList<>()).add(r);
      }
    }
    for (List<Integer> m : members.values()) {
      List<RecordRef> c = new ArrayList<>();
      for (int node : m) {
        c.add(ref(sets, offset, node));
      }
      clusters.add(List.copyOf(c));
      for (int u = 0; u < m.size(); u++) {
        for (int v = u + 1; v < m.size(); v++) {
          matches.add(new Match(c.get(u), c.get(v), similarity(sets, offset, m.get(u), m.get(v))));
        }
      }
    }
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (ClkSet s : sets) {
      names.add(s.source());
      sizes.add(s.size());
    }
    return new MatchResult(names, sizes, clusters, matches, compared, histogram, config.threshold(),
        completeness(sets, bands));
  }

  private static int sourceOf(int[] offset, int node) {
    int s = 0;
    while (offset[s + 1] <= node) {
      s++;
    }
    return s;
  }

  private static RecordRef ref(List<ClkSet> sets, int[] offset, int node) {
    int s = sourceOf(offset, node);
    return new RecordRef(sets.get(s).source(), sets.get(s).ids().get(node - offset[s]));
  }

  private static double similarity(List<ClkSet> sets, int[] offset, int u, int v) {
    int su = sourceOf(offset, u);
    int sv = sourceOf(offset, v);
    int w = sets.get(su).bits() / 64;
    return Dice.similarity(sets.get(su).words(), (u - offset[su]) * w, sets.get(sv).words(), (v - offset[sv]) * w, w);
  }

  private static int find(int[] parent, int x) {
    int r = x;
    while (parent[r] != r) {
      r = parent[r];
    }
    while (parent[x] != r) {
      int next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }

  /**
   * The theoretical table and, when a sample is asked for, the measured estimate: for each pair of sources, up to
   * {@code sample} seeded non-empty records of the first compared with every record of the second.
   */
  private PairCompleteness completeness(List<ClkSet> sets, long[][] bands) {
    long ones = 0;
    long encodings = 0;
    for (ClkSet s : sets) {
      for (int r = 0; r < s.size(); r++) {
        if (!s.emptyFlags()[r]) {
          ones += s.cardinalities()[r];
          encodings++;
        }
      }
    }
    int bits = sets.get(0).bits();
    double fill = encodings == 0 ? 0 : (double) ones / encodings / bits;
    List<PairCompleteness.Point> table = PairCompleteness.table(config.threshold(), fill, config.bands(), config.bitsPerBand());
    if (sample == 0) {
      return new PairCompleteness(config.bands(), config.bitsPerBand(), fill, table, java.util.Optional.empty());
    }
    List<Callable<long[]>> tasks = new ArrayList<>();
    long sampled = 0;
    for (int x = 0; x < sets.size(); x++) {
      for (int y = x + 1; y < sets.size(); y++) {
        int[] picked = pick(sets.get(x), new SplittableRandom(mix(seed, x, y)));
        sampled += picked.length;
        ClkSet a = sets.get(x);
        ClkSet b = sets.get(y);
        for (int from = 0; from < picked.length; from += 64) {
          int[] part = Arrays.copyOfRange(picked, from, Math.min(picked.length, from + 64));
          tasks.add(() -> {
            cancellation.throwIfCancelled(STAGE);
            return exhaustive(a, b, part, bands);
          });
        }
      }
    }
    long pairs = 0;
    long met = 0;
    for (long[] c : run(tasks, false)) {
      pairs += c[0];
      met += c[1];
    }
    return new PairCompleteness(config.bands(), config.bitsPerBand(), fill, table,
        java.util.Optional.of(PairCompleteness.Measured.of(seed, sampled, pairs, met)));
  }

  private static long mix(long seed, int x, int y) {
    long z = seed + 0x9E37_79B9_7F4A_7C15L * (x * (long) MAX_SOURCES + y + 1);
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /** Up to {@code sample} distinct non-empty records of s, by a partial Fisher–Yates shuffle, in ascending order. */
  private int[] pick(ClkSet s, SplittableRandom rnd) {
    int[] pool = new int[s.size()];
    int n = 0;
    for (int r = 0; r < s.size(); r++) {
      if (!s.emptyFlags()[r]) {
        pool[n++] = r;
      }
    }
    int k = Math.min(sample, n);
    for (int i = 0; i < k; i++) {
      int pickAt = i + rnd.nextInt(n - i);
      int v = pool[pickAt];
      pool[pickAt] = pool[i];
      pool[i] = v;
    }
    int[] out = Arrays.copyOf(pool, k);
    Arrays.sort(out);
    return out;
  }

  /**
   * The sampled records of a against every record of b: {pairs at or above the threshold, of them the pairs that
   * meet in a band}. Similarity as {@link #compareOne} computes it, band keys as the index does.
   */
  private long[] exhaustive(ClkSet a, ClkSet b, int[] picked, long[][] bands) {
    int w = a.bits() / 64;
    long[] wa = a.words();
    long[] wb = b.words();
    boolean[] eb = b.emptyFlags();
    int[] ca = a.cardinalities();
    int[] cb = b.cardinalities();
    double t = config.threshold();
    int[] keys = new int[bands.length];
    long pairs = 0;
    long met = 0;
    for (int i : picked) {
      for (int band = 0; band < bands.length; band++) {
        keys[band] = key(wa, i * w, bands[band]);
      }
      for (int j = 0; j < b.size(); j++) {
        int cards = ca[i] + cb[j];
        if (eb[j] || cards == 0 || 2.0 * Dice.common(wa, i * w, wb, j * w, w) / cards < t) {
          continue;
        }
        pairs++;
        boolean meet = bands.length == 0;
        for (int band = 0; band < bands.length && !meet; band++) {
          meet = key(wb, j * w, bands[band]) == keys[band];
        }
        met += meet ? 1 : 0;
      }
    }
    return new long[] {pairs, met};
  }

  private <T> List<T> run(List<Callable<T>> tasks, boolean report) {
    List<T> out = new ArrayList<>();
    if (threads == 1 || tasks.size() <= 1) {
      for (int i = 0; i < tasks.size(); i++) {
        try {
          out.add(tasks.get(i).call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e.getClass().getSimpleName());
        }
        if (report) {
          progress.onProgress(STAGE, i + 1, tasks.size());
        }
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<T>> fs = new ArrayList<>();
        for (Callable<T> t : tasks) {
          fs.add(pool.submit(t));
        }
        for (int i = 0; i < fs.size(); i++) {
          out.add(Encoder.join(fs.get(i)));
          if (report) {
            progress.onProgress(STAGE, i + 1, tasks.size());
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    cancellation.throwIfCancelled(STAGE);
    return out;
  }

  private static void check(List<ClkSet> sets) {
    if (sets.size() < 2 || sets.size() > MAX_SOURCES) {
      throw new IllegalArgumentException("matching needs 2 to " + MAX_SOURCES + " sources, got " + sets.size());
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (ClkSet s : sets) {
      if (!names.add(s.source())) {
        throw new LinkException("source '" + org.ctdc.schema.internal.Shown.name(s.source()) + "': given twice");
      }
      if (s.bits() != sets.get(0).bits()) {
        throw new LinkException("source " + org.ctdc.schema.internal.Shown.name(s.source()) + ": its encodings have "
            + s.bits() + " bits, those of " + org.ctdc.schema.internal.Shown.name(sets.get(0).source()) + " " + sets.get(0).bits());
      }
    }
  }

  /**
   * The blocking's pair completeness: the share of true pairs the blocking lets through for comparison (a pair
   * with an empty encoding, or a record not in the sets, is not let through).
   *
   * @param sets the sources' encodings
   * @param truth the true pairs
   * @return the share in [0, 1]; 1 for no true pair
   */
  public double pairCompleteness(List<ClkSet> sets, Collection<Match> truth) {
    check(sets);
    if (truth.isEmpty()) {
      return 1;
    }
    long[][] samples = compiled(samples(sets.get(0).bits()));
    java.util.Map<String, ClkSet> bySource = new java.util.HashMap<>();
    for (ClkSet s : sets) {
      bySource.put(s.source(), s);
    }
    long through = 0;
    for (Match m : truth) {
      ClkSet a = bySource.get(m.a().source());
      ClkSet b = bySource.get(m.b().source());
      int i = a == null ? -1 : a.indexOf(m.a().id());
      int j = b == null ? -1 : b.indexOf(m.b().id());
      if (a == null || b == null || i < 0 || j < 0 || a.isEmpty(i) || b.isEmpty(j)) {
        continue;
      }
      int w = a.bits() / 64;
      boolean meet = samples.length == 0;
      for (int band = 0; band < samples.length && !meet; band++) {
        meet = key(a.words(), i * w, samples[band]) == key(b.words(), j * w, samples[band]);
      }
      through += meet ? 1 : 0;
    }
    return (double) through / truth.size();
  }

  @Override
  public String toString() {
    return "Matcher[threshold " + config.threshold() + ", " + config.bands() + "x" + config.bitsPerBand() + " blocking, " + threads + " threads]";
  }

  /**
   * Builds a {@link Matcher}; each setter checks its value. Not thread-safe.
   */
  public static final class Builder extends Settings<Builder> {
    /** The default sample of {@link #completenessSample}. */
    public static final int DEFAULT_SAMPLE = 2000;

    private final LinkConfig config;
    private int sample = DEFAULT_SAMPLE;
    private long seed = 1;

    private Builder(LinkConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets how many records of each source (per pair of sources, of the first) are sampled to measure the
     * blocking's pair completeness against every record of the other source; 0 measures nothing. Default
     * {@value #DEFAULT_SAMPLE}. The cost is about {@code records × size of the other source} Dice comparisons.
     *
     * @param records 0 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder completenessSample(int records) {
      if (records < 0 || records > 1_000_000) {
        throw new IllegalArgumentException("completenessSample must lie in [0, 1000000], is " + records);
      }
      sample = records;
      return this;
    }

    /**
     * Sets the seed of the pair-completeness sample; the same seed gives the same sample. Default 1.
     *
     * @param s the seed
     * @return this builder
     */
    public Builder completenessSeed(long s) {
      seed = s;
      return this;
    }

    /** @return the matcher */
    public Matcher build() {
      return new Matcher(this);
    }
  }
}
