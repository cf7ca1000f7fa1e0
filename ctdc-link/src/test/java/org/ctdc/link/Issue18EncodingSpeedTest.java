package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 (performance): the balancing of the fast encoder (which visits only the ones, by their trailing
 * zeros) is the definition bit by bit: the encoding of {@code bits} bits with balancing is the filter of
 * {@code bits/2} bits without hardening, followed by its complement, permuted.
 */
class Issue18EncodingSpeedTest {

  private static LinkConfig config(int bits, Hardening h) {
    return LinkConfig.builder("record_id")
        .field(LinkConfig.Field.of("given", "given_name", FieldKind.NAME, 6).inGroup("name"))
        .field(LinkConfig.Field.of("family", "family_name", FieldKind.NAME, 6).inGroup("name"))
        .field(LinkConfig.Field.of("dob", "date_of_birth", FieldKind.DATE, 20))
        .field(LinkConfig.Field.of("sex", "sex", FieldKind.CODE, 4))
        .hardening(h)
        .bits(bits)
        .build();
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 1024, 2048})
  void issue18_balancingIsTheFilterAndItsComplementPermuted(int bits) {
    LinkageSamples.Linkage l = LinkageSamples.generate(bits, 2, 300, 0.4, LinkageSamples.Corruption.defaults());
    List<String[]> rows = LinkFixtures.rows(l.extracts().get(0).csv());
    try (LinkKey k = LinkFixtures.key()) {
      Encoder balanced = Encoder.builder(config(bits, Hardening.BALANCE), k).build();
      Encoder plain = Encoder.builder(config(bits / 2, Hardening.NONE), k).build();
      int[] p = balanced.balancingPermutation();
      assertEquals(bits, p.length);
      List<Clk> got = balanced.encode(LinkageSamples.HEADER, rows, "a").encodings();
      List<Clk> inner = plain.encode(LinkageSamples.HEADER, rows, "a").encodings();
      int nonEmpty = 0;
      for (int r = 0; r < rows.size(); r++) {
        if (inner.get(r).isEmpty()) {
          assertTrue(got.get(r).isEmpty());
          continue;
        }
        nonEmpty++;
        long[] f = inner.get(r).words();
        long[] want = new long[bits / 64];
        int half = bits / 2;
        for (int j = 0; j < bits; j++) {
          int src = j < half ? j : j - half;
          boolean one = ((f[src >>> 6] >>> src) & 1) == 1;
          if (j < half ? one : !one) {
            want[p[j] >>> 6] |= 1L << p[j];
          }
        }
        assertArrayEquals(want, got.get(r).words(), "row " + r);
        assertEquals(half, got.get(r).cardinality());
      }
      assertTrue(nonEmpty > 100);
    }
  }
}
