package org.ctdc.link;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One record's encoding: its record id and its Bloom filter, packed into 64-bit words (bit i of the encoding is
 * bit {@code i % 64} of word {@code i / 64}). A record none of whose identifying fields was present has an
 * empty encoding ({@link #isEmpty()}), written as an empty {@code clk} and never matched.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Clk {
  private final String id;
  private final long[] words;

  /**
   * @param id the record id
   * @param words the packed bits (copied); empty for a record without identifying values
   */
  public Clk(String id, long[] words) {
    this.id = Objects.requireNonNull(id, "id");
    this.words = words.clone();
  }

  /** @return the record id */
  public String id() {
    return id;
  }

  /** @return the packed bits, a new array */
  public long[] words() {
    return words.clone();
  }

  long[] wordsShared() {
    return words;
  }

  /** @return whether the record had no identifying value */
  public boolean isEmpty() {
    return words.length == 0;
  }

  /** @return the number of ones */
  public int cardinality() {
    int c = 0;
    for (long w : words) {
      c += Long.bitCount(w);
    }
    return c;
  }

  /** @return the encoding as base64 of its bytes, little-endian word by word; empty for an empty encoding */
  public String toBase64() {
    byte[] b = new byte[words.length * 8];
    for (int i = 0; i < words.length; i++) {
      long w = words[i];
      for (int j = 0; j < 8; j++) {
        b[i * 8 + j] = (byte) (w >>> (8 * j));
      }
    }
    return Base64.getEncoder().encodeToString(b);
  }

  /**
   * Reads an encoding written by {@link #toBase64()}.
   *
   * @param id the record id
   * @param base64 the encoding, empty for an empty one
   * @param bits the expected length in bits
   * @return the encoding
   * @throws IllegalArgumentException if the text is not base64 of {@code bits / 8} bytes
   */
  public static Clk fromBase64(String id, String base64, int bits) {
    if (base64.isEmpty()) {
      return new Clk(id, new long[0]);
    }
    byte[] b = Base64.getDecoder().decode(base64);
    if (b.length * 8 != bits) {
      throw new IllegalArgumentException("clk: " + (b.length * 8) + " bits where " + bits + " were expected");
    }
    long[] w = new long[bits / 64];
    for (int i = 0; i < w.length; i++) {
      long v = 0;
      for (int j = 0; j < 8; j++) {
        v |= (b[i * 8 + j] & 0xFFL) << (8 * j);
      }
      w[i] = v;
    }
    return new Clk(id, w);
  }

  /**
   * The Sørensen–Dice similarity of two encodings: {@code 2·|A∧B| / (|A| + |B|)}; 0 when either is empty.
   *
   * @param other another encoding of the same length
   * @return the similarity in [0, 1]
   */
  public double dice(Clk other) {
    if (isEmpty() || other.isEmpty()) {
      return 0;
    }
    return Dice.similarity(words, 0, other.words, 0, words.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clk c && c.id.equals(id) && Arrays.equals(c.words, words);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(words);
  }

  /** @return {@code Clk[N bits]}: neither the id nor the bits */
  @Override
  public String toString() {
    return "Clk[" + words.length * 64 + " bits]";
  }
}
