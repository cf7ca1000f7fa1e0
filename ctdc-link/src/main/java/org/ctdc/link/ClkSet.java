package org.ctdc.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The encodings of one source (one partner's file), packed into one {@code long[]} for matching: record r's
 * words are {@code words[r·W … r·W+W−1]} for W = bits/64; an empty encoding is all zeros and flagged.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ClkSet {
  private final String source;
  private final List<String> ids;
  private final Map<String, Integer> index;
  private final int bits;
  private final long[] words;
  private final boolean[] empty;
  private final int[] cardinality;

  private ClkSet(String source, List<String> ids, Map<String, Integer> index, int bits, long[] words, boolean[] empty) {
    this.source = source;
    this.ids = ids;
    this.index = index;
    this.bits = bits;
    this.words = words;
    this.empty = empty;
    this.cardinality = new int[empty.length];
    int w = bits / 64;
    for (int r = 0; r < empty.length; r++) {
      cardinality[r] = Dice.cardinality(words, r * w, w);
    }
  }

  /**
   * Packs encodings.
   *
   * @param source the source's name (the partner file's base name)
   * @param clks the encodings, in record order
   * @return the set
   * @throws IllegalArgumentException naming the row if an id repeats or two non-empty encodings differ in
   *     length, or if the source is blank
   */
  public static ClkSet of(String source, List<Clk> clks) {
    if (source.isBlank()) {
      throw new IllegalArgumentException("a source name must not be blank");
    }
    int w = -1;
    for (Clk c : clks) {
      if (!c.isEmpty()) {
        if (w < 0) {
          w = c.wordsShared().length;
        } else if (c.wordsShared().length != w) {
          throw new IllegalArgumentException("the encodings differ in length");
        }
      }
    }
    w = Math.max(w, 1);
    long[] words = new long[clks.size() * w];
    boolean[] empty = new boolean[clks.size()];
    List<String> ids = new ArrayList<>(clks.size());
    Map<String, Integer> index = new HashMap<>();
    for (int r = 0; r < clks.size(); r++) {
      Clk c = clks.get(r);
      Integer prev = index.putIfAbsent(c.id(), r);
      if (prev != null) {
        throw new IllegalArgumentException("row " + (r + 1) + ": the record id repeats that of row " + (prev + 1));
      }
      ids.add(c.id());
      empty[r] = c.isEmpty();
      if (!c.isEmpty()) {
        System.arraycopy(c.wordsShared(), 0, words, r * w, w);
      }
    }
    return new ClkSet(source, List.copyOf(ids), index, w * 64, words, empty);
  }

  /** @return the source's name */
  public String source() {
    return source;
  }

  /** @return the number of records */
  public int size() {
    return ids.size();
  }

  /** @return the record ids, in order */
  public List<String> ids() {
    return ids;
  }

  /**
   * The position of a record.
   *
   * @param id a record id
   * @return its 0-based position (its data row − 1 in the partner file), or −1
   */
  public int indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  /** @return the encoding length in bits */
  public int bits() {
    return bits;
  }

  /**
   * @param r a record's position
   * @return whether its encoding is empty
   */
  public boolean isEmpty(int r) {
    return empty[Objects.checkIndex(r, empty.length)];
  }

  long[] words() {
    return words;
  }

  int[] cardinalities() {
    return cardinality;
  }

  boolean[] emptyFlags() {
    return empty;
  }

  @Override
  public String toString() {
    return "ClkSet[" + ids.size() + " records, " + bits + " bits]";
  }
}
