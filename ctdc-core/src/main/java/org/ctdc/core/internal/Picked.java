package org.ctdc.core.internal;



/** A raw value of a picklist column parsed: the vocabulary values it holds, or why it holds none. */
final class Picked {
  static final int PART_MISSING = -1;
  static final int PART_UNMAPPED = -2;
  static final int VALUES = 0;
  static final int NO_VALUE = 1;
  static final int NOT_IN_VOCABULARY = 2;
  static final Picked NONE = new Picked(NO_VALUE, new long[0]);
  static final Picked UNMAPPED = new Picked(NOT_IN_VOCABULARY, new long[0]);

  final int state;
  final long[] bits;
  /** With {@link #VALUES}: the flag of each rule of the column by rank, set by the run. */
  Resolution[] flags = NO_FLAGS;

  private static final Resolution[] NO_FLAGS = new Resolution[0];

  Picked(int state, long[] bits) {
    this.state = state;
    this.bits = bits;
  }

  static Picked of(int partBit, int words) {
    if (partBit == PART_MISSING) {
      return NONE;
    }
    if (partBit == PART_UNMAPPED) {
      return UNMAPPED;
    }
    long[] b = new long[words];
    b[partBit >>> 6] |= 1L << partBit;
    return new Picked(VALUES, b);
  }

  boolean intersects(long[] other) {
    for (int i = 0; i < other.length; i++) {
      if ((bits[i] & other[i]) != 0) {
        return true;
      }
    }
    return false;
  }
}
