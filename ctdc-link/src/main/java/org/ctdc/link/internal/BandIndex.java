package org.ctdc.link.internal;

/**
 * The blocking index of one source: for each LSH band (a fixed sample of bit positions), its records grouped by
 * their band key, in a direct-address table. A band's key is the sampled bits of an encoding, read in sample
 * order; the key selects a slot (the key itself when the table has at least {@code 2^bitsPerBand} slots, else the
 * top bits of a multiplicative hash of it), and {@link #start}/{@link #end} give the slot's run in
 * {@link #entries}, whose elements are {@code key << 32 | record} (the key is kept to tell apart the keys that
 * share a slot). Built by a counting sort in linear time; a look-up reads two adjacent table cells and one run of
 * entries, instead of a binary search (a chain of cache misses) in a sorted array.
 *
 * <p>Memory: per band, {@code 8·n} bytes of entries and at most {@code 8·n + 4} bytes of table for n non-empty
 * records. Not API. Immutable once built and thread-safe.
 */
public final class BandIndex {
  private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
  /** The bits of a band key. */
  public static final int KEY_BITS = 31;

  private final int slotBits;
  private final boolean direct;
  private final int[][] starts;
  private final long[][] entries;

  private BandIndex(int slotBits, boolean direct, int[][] starts, long[][] entries) {
    this.slotBits = slotBits;
    this.direct = direct;
    this.starts = starts;
    this.entries = entries;
  }

  /**
   * A band's sampled positions as (word, mask) pairs, ordered by word: {@code [word0, mask0, word1, mask1, ...]}.
   *
   * @param sample the band's bit positions (repeats allowed)
   * @return the band's words and masks
   */
  public static long[] compile(int[] sample) {
    java.util.TreeMap<Integer, Long> masks = new java.util.TreeMap<>();
    for (int p : sample) {
      masks.merge(p >>> 6, 1L << p, (x, y) -> x | y);
    }
    long[] band = new long[masks.size() * 2];
    int k = 0;
    for (java.util.Map.Entry<Integer, Long> e : masks.entrySet()) {
      band[k++] = e.getKey();
      band[k++] = e.getValue();
    }
    return band;
  }

  /**
   * The key of one record in one band: a 31-bit hash of the record's sampled bits. Two records that agree on
   * every sampled bit have the same key; two that do not have the same key with probability about 2^-31 (the
   * matcher then compares them too, so the hash never loses a pair).
   *
   * @param words the packed encodings
   * @param off the record's first word
   * @param band the band, as {@link #compile} gives it
   * @return the key, in [0, 2^31)
   */
  public static int key(long[] words, int off, long[] band) {
    long h = 0x6374_6463_6B65_7931L;
    for (int k = 0; k < band.length; k += 2) {
      h = (h ^ (words[off + (int) band[k]] & band[k + 1])) * GOLDEN;
      h ^= h >>> 31;
    }
    return (int) (h * GOLDEN >>> 33);
  }

  /**
   * The key of one record in one band, from the band's positions (slower than with {@link #compile}d bands).
   *
   * @param words the packed encodings
   * @param off the record's first word
   * @param sample the band's bit positions
   * @return the key
   */
  public static int key(long[] words, int off, int[] sample) {
    return key(words, off, compile(sample));
  }

  /**
   * Indexes the non-empty records of a source.
   *
   * @param words the packed encodings, {@code w} words a record
   * @param w the words per record
   * @param empty which records are empty (not indexed)
   * @param samples per band, its bit positions (all bands of the same length, at most 31)
   * @return the index
   */
  public static BandIndex of(long[] words, int w, boolean[] empty, int[][] samples) {
    return of(words, w, empty, samples, 1);
  }

  /**
   * Indexes the non-empty records of a source, the bands split over threads (the index is the same for any number).
   *
   * @param words the packed encodings, {@code w} words a record
   * @param w the words per record
   * @param empty which records are empty (not indexed)
   * @param samples per band, its bit positions (all bands of the same length, at most 31)
   * @param threads the threads to use, at least 1
   * @return the index
   */
  public static BandIndex of(long[] words, int w, boolean[] empty, int[][] samples, int threads) {
    int n = 0;
    for (boolean e : empty) {
      n += e ? 0 : 1;
    }
    // at least as many slots as records (so runs are short), at most one slot per possible key
    int need = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    int slotBits = Math.max(1, Math.min(KEY_BITS, need));
    boolean direct = slotBits == KEY_BITS;
    long[][] bands = new long[samples.length][];
    for (int b = 0; b < samples.length; b++) {
      bands[b] = compile(samples[b]);
    }
    int[][] starts = new int[samples.length][];
    long[][] entries = new long[samples.length][];
    int records = n;
    int parts = Math.max(1, Math.min(threads, samples.length));
    java.util.function.IntConsumer part = t -> {
      long[] keyed = new long[records];
      int[] slotOf = new int[records];
      for (int b = t; b < samples.length; b += parts) {
        band(words, w, empty, bands[b], slotBits, direct, keyed, slotOf, starts, entries, b);
      }
    };
    if (parts == 1) {
      part.accept(0);
    } else {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parts);
      try {
        java.util.List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
        for (int t = 0; t < parts; t++) {
          int tt = t;
          fs.add(pool.submit(() -> part.accept(tt)));
        }
        for (java.util.concurrent.Future<?> f : fs) {
          try {
            f.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing");
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
              throw r;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return new BandIndex(slotBits, direct, starts, entries);
  }

  private static void band(long[] words, int w, boolean[] empty, long[] sample, int slotBits, boolean direct,
      long[] keyed, int[] slotOf, int[][] starts, long[][] entries, int b) {
    int n = keyed.length;
    int size = 1 << slotBits;
    int[] count = new int[size + 1];
    int k = 0;
    for (int r = 0; r < empty.length; r++) {
      if (!empty[r]) {
        long key = key(words, r * w, sample);
        int s = slot(key, slotBits, direct);
        keyed[k] = key << 32 | r;
        slotOf[k] = s;
        count[s + 1]++;
        k++;
      }
    }
    for (int s = 0; s < size; s++) {
      count[s + 1] += count[s];
    }
    int[] fill = java.util.Arrays.copyOf(count, size);
    long[] e = new long[n];
    for (int i = 0; i < n; i++) {
      e[fill[slotOf[i]]++] = keyed[i];
    }
    starts[b] = count;
    entries[b] = e;
  }

  private static int slot(long key, int slotBits, boolean direct) {
    return (int) (key >>> (KEY_BITS - slotBits)); // the key is a hash already: its top bits
  }

  /**
   * @param key a band key
   * @return its slot
   */
  public int slot(long key) {
    return slot(key, slotBits, direct);
  }

  /**
   * @param band a band
   * @return the band's table: the run of slot s is {@code [table[s], table[s+1])} in {@link #entries(int)}
   */
  public int[] table(int band) {
    return starts[band];
  }

  /**
   * @param band a band
   * @return the band's entries, {@code key << 32 | record}, grouped by slot (shared, not to be modified)
   */
  public long[] entries(int band) {
    return entries[band];
  }

  /**
   * @param band a band
   * @param key a key
   * @return the first entry of the key's slot
   */
  public int start(int band, long key) {
    return starts[band][slot(key)];
  }

  /**
   * @param band a band
   * @param key a key
   * @return the entry after the key's slot
   */
  public int end(int band, long key) {
    return starts[band][slot(key) + 1];
  }
}
