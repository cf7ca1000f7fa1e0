package org.ctdc.link;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import org.ctdc.link.internal.Normalise;
import org.ctdc.link.internal.Tokens;
import org.ctdc.link.internal.CsvTable;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * Encodes records into keyed Bloom filters, run by each partner on its own machine.
 *
 * <p>For each identifying field of the {@link LinkConfig}: its value is normalised and tokenised as its
 * {@link FieldKind} says (a blank value is missing and gives no token); each token t of a field of group g sets
 * {@code weight} bit positions {@code (h1 + i·h2) mod L}, i = 0 … weight−1, where h1 and h2 are the first two
 * 64-bit words of HMAC-SHA-256(key, g ‖ 0x1F ‖ t) (h2 made odd) and L the length of the record's filter
 * ({@code bits}, {@code bits/2} for balancing, {@code 2·bits} for XOR-folding); then the filter is hardened
 * ({@link Hardening}). The output of a record is its id and its encoding; no value, token or hash leaves the
 * encoder. (Each thread keeps the hashes of the tokens it has seen, in memory only, for the length of a chunk of
 * records: most tokens are frequent q-grams and date parts.)
 *
 * <p>Progress: stage {@code "encoding"} every 8,192 records and at the end; the cancellation signal is checked
 * at the same points. Create one with {@link #builder}. This class is immutable and thread-safe.
 */
public final class Encoder {

  /** The stage the encoder reports to its progress listener. */
  public static final String STAGE = "encoding";
  private static final int CHUNK = 8192;
  /** The most token hashes a thread keeps per field and group. */
  private static final int CACHE = 1 << 14;

  private final LinkConfig config;
  private final Mac prototype;
  private final int @Nullable [] permutation;
  private final int threads;
  private final ProgressListener progress;
  private final Cancellation cancellation;
  private final byte[][] groups;
  private final byte[][] skeletons;

  private Encoder(Builder b) {
    this.config = b.config;
    this.prototype = b.key.hmac();
    this.threads = b.threads;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
    this.groups = new byte[config.fields().size()][];
    this.skeletons = new byte[groups.length][];
    for (int f = 0; f < groups.length; f++) {
      groups[f] = salt(config.fields().get(f).group());
      skeletons[f] = salt(config.fields().get(f).group() + "~");
    }
    if (config.hardening() == Hardening.BALANCE) {
      Mac m = mac();
      byte[] seed = m.doFinal("ctdc-link balancing permutation".getBytes(StandardCharsets.UTF_8));
      long s = 0;
      for (int i = 0; i < 8; i++) {
        s |= (seed[i] & 0xFFL) << (8 * i);
      }
      Arrays.fill(seed, (byte) 0);
      SplittableRandom rnd = new SplittableRandom(s);
      int[] p = new int[config.bits()];
      for (int i = 0; i < p.length; i++) {
        p[i] = i;
      }
      for (int i = p.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      this.permutation = p;
    } else {
      this.permutation = null;
    }
  }

  private static byte[] salt(String group) {
    byte[] g = group.getBytes(StandardCharsets.UTF_8);
    byte[] s = Arrays.copyOf(g, g.length + 1);
    s[g.length] = 0x1F;
    return s;
  }

  /**
   * Starts an encoder; one thread, no progress reports, no cancellation.
   *
   * @param config what to encode
   * @param key the collaboration's key; the encoder keeps the HMAC's derived state, not the key, so the key may
   *     be closed once {@link Builder#build()} has returned
   * @return a new builder
   */
  public static Builder builder(LinkConfig config, LinkKey key) {
    return new Builder(config, key);
  }

  /** The balancing permutation (a copy), for tests; empty without balancing. */
  int[] balancingPermutation() {
    return permutation == null ? new int[0] : permutation.clone();
  }

  /** @return the configuration */
  public LinkConfig config() {
    return config;
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be cloned");
    }
  }

  /**
   * Encodes one record.
   *
   * @param id the record id
   * @param value the value of a column, null or blank when missing
   * @return the encoding; empty when no field had a value
   */
  public Clk encode(String id, Function<String, @Nullable String> value) {
    return new Work(mac()).encode(id, value, null);
  }

  /** The per-thread state of encoding: an HMAC and buffers, reused from record to record. */
  private final class Work {
    private final Mac mac;
    private final byte[] out = new byte[32];
    private final long[] filter;
    /** Per field and token group, the hashes of tokens seen (most tokens are frequent q-grams); in memory only. */
    private final HashMap<String, long[]>[] caches;
    private int tokens;

    @SuppressWarnings("unchecked")
    Work(Mac mac) {
      this.mac = mac;
      this.caches = new HashMap[2 * config.fields().size()];
      for (int i = 0; i < caches.length; i++) {
        caches[i] = new HashMap<>();
      }
      int inner = switch (config.hardening()) {
        case NONE -> config.bits();
        case BALANCE -> config.bits() / 2;
        case XOR_FOLD -> config.bits() * 2;
      };
      this.filter = new long[inner / 64];
    }

    Clk encode(String id, Function<String, @Nullable String> value, @Nullable Counts counts) {
      Arrays.fill(filter, 0);
      tokens = 0;
      List<LinkConfig.Field> fields = config.fields();
      for (int f = 0; f < fields.size(); f++) {
        LinkConfig.Field field = fields.get(f);
        String v = value.apply(field.column());
        if (v == null || v.isBlank()) {
          if (counts != null) {
            counts.missing[f]++;
          }
          continue;
        }
        byte[] g = groups[f];
        int k = field.weight();
        int slot = 2 * f;
        switch (field.kind()) {
          case NAME -> {
            byte[] gs = skeletons[f];
            int sf = 2 * f + 1;
            for (String word : Normalise.words(v)) {
              Tokens.qgrams(word, field.q(), t -> set(slot, g, t, k));
              Tokens.qgrams(Normalise.skeleton(word), field.q(), t -> set(sf, gs, t, k));
            }
          }
          case TEXT -> Tokens.qgrams(String.join("", Normalise.words(v)), field.q(), t -> set(slot, g, t, k));
          case CODE -> {
            String c = String.join(" ", Normalise.words(v));
            if (!c.isEmpty()) {
              set(slot, g, c, k);
            }
          }
          case DATE -> {
            if (!Tokens.date(v, field.dateOrder(), t -> set(slot, g, t, k)) && counts != null) {
              counts.unreadable[f]++;
            }
          }
        }
      }
      if (tokens == 0) {
        return new Clk(id, new long[0]);
      }
      return new Clk(id, harden());
    }

    private void set(int slot, byte[] group, String token, int k) {
      tokens++;
      HashMap<String, long[]> cache = caches[slot];
      long[] h = cache.get(token);
      if (h == null) {
        mac.update(group);
        mac.update(token.getBytes(StandardCharsets.UTF_8));
        try {
          mac.doFinal(out, 0);
        } catch (ShortBufferException e) {
          throw new IllegalStateException(e.getClass().getSimpleName());
        }
        long a = 0;
        long b = 0;
        for (int i = 0; i < 8; i++) {
          a |= (out[i] & 0xFFL) << (8 * i);
          b |= (out[8 + i] & 0xFFL) << (8 * i);
        }
        Arrays.fill(out, (byte) 0);
        h = new long[] {a, b | 1};
        if (cache.size() >= CACHE) {
          cache.clear();
        }
        cache.put(token, h);
      }
      long h1 = h[0];
      long h2 = h[1];
      long len = filter.length * 64L;
      for (int i = 0; i < k; i++) {
        int pos = (int) Long.remainderUnsigned(h1 + i * h2, len);
        filter[pos >>> 6] |= 1L << pos;
      }
    }

    private long[] harden() {
      int w = config.bits() / 64;
      long[] r = new long[w];
      switch (config.hardening()) {
        case NONE -> System.arraycopy(filter, 0, r, 0, w);
        case XOR_FOLD -> {
          for (int i = 0; i < w; i++) {
            r[i] = filter[i] ^ filter[i + w];
          }
        }
        case BALANCE -> {
          // bit j of the balanced vector is bit j of the filter (j < half) or its complement (j - half); it goes to
          // position p[j]. Only the ones are visited (exactly half of the bits), by their trailing zeros: no
          // branch on a bit's value (a misprediction every other bit)
          int[] p = Objects.requireNonNull(permutation);
          int half = config.bits() / 2;
          for (int k = 0; k < filter.length; k++) {
            int base = k * 64;
            for (long m = filter[k]; m != 0; m &= m - 1) {
              int q = p[base + Long.numberOfTrailingZeros(m)];
              r[q >>> 6] |= 1L << q;
            }
            for (long m = ~filter[k]; m != 0; m &= m - 1) {
              int q = p[half + base + Long.numberOfTrailingZeros(m)];
              r[q >>> 6] |= 1L << q;
            }
          }
        }
      }
      return r;
    }
  }

  private static final class Counts {
    final long[] missing;
    final long[] unreadable;

    Counts(int n) {
      missing = new long[n];
      unreadable = new long[n];
    }

    void add(Counts o) {
      for (int i = 0; i < missing.length; i++) {
        missing[i] += o.missing[i];
        unreadable[i] += o.unreadable[i];
      }
    }
  }

  /**
   * What an encoding run did, counts only.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param records the records encoded
   * @param empty the records without any identifying value (written with an empty encoding, never matched)
   * @param missing per field name, the records where it was blank
   * @param unreadable per date field name, the values that were not read as a date (encoded as missing)
   */
  public record Summary(long records, long empty, Map<String, Long> missing, Map<String, Long> unreadable) {
    /** Copies. */
    public Summary {
      missing = Map.copyOf(missing);
      unreadable = Map.copyOf(unreadable);
    }
  }

  /**
   * The result of encoding a table.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param encodings one per record, in input order
   * @param summary counts
   */
  public record Result(List<Clk> encodings, Summary summary) {
    /** Copies. */
    public Result {
      encodings = List.copyOf(encodings);
    }
  }

  /**
   * Encodes the rows of a table, in parallel on the builder's threads; the result does not depend on the number
   * of threads.
   *
   * @param header the column names
   * @param rows the rows, each as long as the header
   * @param source the table's name for messages
   * @return the encodings in row order and the counts
   * @throws LinkException naming the source and the column if a configured column is absent, or the row if a
   *     record id is blank or repeats
   */
  public Result encode(List<String> header, List<String[]> rows, String source) {
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.putIfAbsent(header.get(i), i);
    }
    for (String c : config.columns()) {
      if (!col.containsKey(c)) {
        throw new LinkException(source + ": column '" + Shown.name(c) + "': the configured column is absent");
      }
    }
    int idCol = Objects.requireNonNull(col.get(config.idColumn()));
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      String id = rows.get(r)[idCol];
      if (id.isBlank()) {
        throw new LinkException(source + ": row " + (r + 1) + ": column '" + Shown.name(config.idColumn()) + "': the record id is blank");
      }
      Integer prev = seen.putIfAbsent(id, r + 1);
      if (prev != null) {
        throw new LinkException(source + ": row " + (r + 1) + ": column '" + Shown.name(config.idColumn()) + "'"
            + ": the record id repeats that of row " + prev);
      }
    }
    int n = rows.size();
    int chunks = (n + CHUNK - 1) / CHUNK;
    Clk[] out = new Clk[n];
    Counts total = new Counts(config.fields().size());
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      List<Future<Counts>> futures = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        int from = c * CHUNK;
        int to = Math.min(n, from + CHUNK);
        java.util.concurrent.Callable<Counts> task = () -> {
          cancellation.throwIfCancelled(STAGE);
          Work w = new Work(mac());
          Counts counts = new Counts(config.fields().size());
          for (int r = from; r < to; r++) {
            String[] row = rows.get(r);
            out[r] = w.encode(row[idCol], name -> row[Objects.requireNonNull(col.get(name))], counts);
          }
          return counts;
        };
        if (pool == null) {
          try {
            total.add(task.call());
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          progress.onProgress(STAGE, to, n);
        } else {
          futures.add(pool.submit(task));
        }
      }
      for (int c = 0; c < futures.size(); c++) {
        total.add(join(futures.get(c)));
        progress.onProgress(STAGE, Math.min(n, (c + 1L) * CHUNK), n);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    cancellation.throwIfCancelled(STAGE);
    if (n == 0) {
      progress.onProgress(STAGE, 0, 0);
    }
    long empty = 0;
    for (Clk c : out) {
      if (c.isEmpty()) {
        empty++;
      }
    }
    Map<String, Long> missing = new HashMap<>();
    Map<String, Long> unreadable = new HashMap<>();
    for (int f = 0; f < config.fields().size(); f++) {
      LinkConfig.Field field = config.fields().get(f);
      missing.put(field.name(), total.missing[f]);
      if (field.kind() == FieldKind.DATE) {
        unreadable.put(field.name(), total.unreadable[f]);
      }
    }
    return new Result(Arrays.asList(out), new Summary(n, empty, missing, unreadable));
  }

  static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("encoding failed (" + String.valueOf(e.getCause()) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  /**
   * Encodes a partner's CSV file (UTF-8, with a header) into an encoding file with the columns {@code id,clk}
   * (the id column's values and the base64 encodings; an empty {@code clk} for a record without identifying
   * values), one line per data row in the input's order, so that line i of the encoding file is data row i of
   * the partner file. No other column is copied.
   *
   * @param in the partner file
   * @param out the encoding file, written atomically
   * @return the counts
   * @throws LinkException naming the file and row when the input cannot be read or breaks a rule
   */
  public Summary encodeCsv(Path in, Path out) {
    Result r = encodeCsv(in);
    ClkFile.write(out, r.encodings(), cancellation);
    return r.summary();
  }

  /**
   * Encodes a partner's CSV file (UTF-8, with a header), for {@link ClkFile#write(Appendable, List)}.
   *
   * @param in the partner file
   * @return the encodings, one per data row in order, and the counts
   * @throws LinkException naming the file and row when the input cannot be read or breaks a rule
   */
  public Result encodeCsv(Path in) {
    CsvTable t = CsvTable.read(in);
    return encode(t.header(), t.rows(), t.name());
  }

  /** @return the configuration and thread count, never the key */
  @Override
  public String toString() {
    return "Encoder[" + config + ", " + threads + " threads]";
  }

  /**
   * Builds an {@link Encoder}; each setter checks its value. Not thread-safe.
   */
  public static final class Builder extends Settings<Builder> {
    private final LinkConfig config;
    private final LinkKey key;

    private Builder(LinkConfig config, LinkKey key) {
      this.config = Objects.requireNonNull(config, "config");
      this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @return the encoder
     * @throws IllegalStateException if the key is closed
     */
    public Encoder build() {
      return new Encoder(this);
    }
  }
}
