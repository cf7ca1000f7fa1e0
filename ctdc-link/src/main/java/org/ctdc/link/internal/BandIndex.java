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
   * The key of one record in one band.
   *
   * @param words the packed encodings
   * @param off the record's first word
   * @param sample the band's bit positions
   * @return the sampled bits, the first in the highest place
   */
  public static long key(long[] words, int off, int[] sample) {
    long k = 0;
    for (int p : sample) {
      k = (k << 1) | ((words[off + (p >>> 6)] >>> p) & 1L);
    }
    return k;
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
    int n = 0;
    for (boolean e : empty) {
      n += e ? 0 : 1;
    }
    int keyBits = samples.length == 0 ? 1 : samples[0].length;
    // at least as many slots as records (so runs are short), at most one slot per possible key
    int need = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    int slotBits = Math.max(1, Math.min(keyBits, need));
    boolean direct = slotBits == keyBits;
    int size = 1 << slotBits;
    int[][] starts = new int[samples.length][];
    long[][] entries = new long[samples.length][];
    long[] keyed = new long[n];
    int[] slotOf = new int[n];
    for (int b = 0; b < samples.length; b++) {
      int[] count = new int[size + 1];
      int k = 0;
      for (int r = 0; r < empty.length; r++) {
        if (!empty[r]) {
          long key = key(words, r * w, samples[b]);
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
    return new BandIndex(slotBits, direct, starts, entries);
  }

  private static int slot(long key, int slotBits, boolean direct) {
    return direct ? (int) key : (int) ((key * GOLDEN) >>> (64 - slotBits));
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
