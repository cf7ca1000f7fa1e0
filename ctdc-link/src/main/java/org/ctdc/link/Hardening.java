package org.ctdc.link;

/**
 * The hardening of the Bloom-filter encodings against frequency and pattern-mining attacks. The encoding
 * length {@link LinkConfig#bits()} is the length of the encoding after hardening.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Hardening {
  /** None: the record's Bloom filter as it is. Not recommended. */
  NONE,
  /**
   * Balancing (Berger, Schnell): the filter of {@code bits/2} bits is followed by its complement and the
   * {@code bits} positions are permuted by a permutation derived from the key. Every encoding then has exactly
   * {@code bits/2} ones, so the number of ones no longer tells how long the names are, and a bit position seen
   * alone no longer has the frequency of a q-gram. Dice on balanced encodings is {@code 1 - d/(bits/2)} for the
   * Hamming distance d of the inner filters.
   */
  BALANCE,
  /**
   * XOR-folding (Schnell, Borgs, Encarnação): the filter of {@code 2·bits} bits is cut in halves and the halves
   * XORed, so that one bit of the encoding no longer stands for one q-gram hash.
   */
  XOR_FOLD
}
