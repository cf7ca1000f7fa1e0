package org.ctdc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CtdcLikeDataTest {
  static final int N = 60_000;
  static Dataset data;

  @BeforeAll
  static void generate() {
    data = CtdcLikeData.generate(N, 42);
  }

  @Test
  void sameSeedGivesAnEqualDatasetAndAnotherSeedDoesNot() {
    assertEquals(CtdcLikeData.generate(2_000, 7), CtdcLikeData.generate(2_000, 7));
    assertNotEquals(CtdcLikeData.generate(2_000, 7), CtdcLikeData.generate(2_000, 8));
    assertEquals(0, CtdcLikeData.generate(0, 1).rowCount());
  }

  @Test
  void usesTheKanon2020SchemaAndTheDefaultQuasiIdentifiersExist() {
    assertEquals("ctdc-global-kanon", data.schema().name());
    assertEquals("2020", data.schema().version());
    assertEquals(8, CtdcLikeData.defaultQuasiIdentifiers().size());
    for (String qi : CtdcLikeData.defaultQuasiIdentifiers()) {
      assertTrue(data.column(qi) >= 0);
    }
  }

  static double share(int count, int of) {
    return (double) count / of;
  }

  @Test
  void hitsTheDocumentedRates() {
    int src = data.column("Datasource");
    int hotlineCode = data.variable(src).values().indexOf("Hotline");
    int[] s = data.codes(src);
    int[] gender = data.codes(data.column("gender"));
    int[] age = data.codes(data.column("ageBroad"));
    int[] cit = data.codes(data.column("citizenship"));
    int[] exp = data.codes(data.column("CountryOfExploitation"));
    int[] labour = data.codes(data.column("isForcedLabour"));
    int[] means = data.codes(data.column("meansOfControlThreats"));
    int hot = 0;
    int[] gMiss = new int[2];
    int[] aMiss = new int[2];
    int[] cMiss = new int[2];
    int eMiss = 0;
    int lMiss = 0;
    int mMiss = 0;
    int[] citCount = new int[data.variable(data.column("citizenship")).values().size()];
    for (int r = 0; r < N; r++) {
      int h = s[r] == hotlineCode ? 1 : 0;
      hot += h;
      gMiss[h] += gender[r] < 0 ? 1 : 0;
      aMiss[h] += age[r] < 0 ? 1 : 0;
      cMiss[h] += cit[r] < 0 ? 1 : 0;
      eMiss += exp[r] < 0 ? 1 : 0;
      lMiss += labour[r] < 0 ? 1 : 0;
      mMiss += means[r] < 0 ? 1 : 0;
      if (cit[r] >= 0) {
        citCount[cit[r]]++;
      }
      if (h == 1) {
        assertTrue(data.intValue(r, data.column("yearOfRegistration")) >= 2015);
      }
    }
    int cm = N - hot;
    double tol = 0.015;
    assertEquals(1 - CtdcLikeData.CASE_MANAGEMENT_SHARE, share(hot, N), tol);
    assertEquals(CtdcLikeData.GENDER_MISSING_CM, share(gMiss[0], cm), tol);
    assertEquals(CtdcLikeData.GENDER_MISSING_HOTLINE, share(gMiss[1], hot), tol);
    assertEquals(CtdcLikeData.AGE_MISSING_CM, share(aMiss[0], cm), tol);
    assertEquals(CtdcLikeData.AGE_MISSING_HOTLINE, share(aMiss[1], hot), tol);
    assertEquals(CtdcLikeData.CITIZENSHIP_MISSING_CM, share(cMiss[0], cm), tol);
    assertEquals(CtdcLikeData.CITIZENSHIP_MISSING_HOTLINE, share(cMiss[1], hot), tol);
    assertEquals(CtdcLikeData.EXPLOITATION_COUNTRY_MISSING, share(eMiss, N), tol);
    assertEquals(CtdcLikeData.EXPLOITATION_MISSING, share(lMiss, N), tol);
    assertEquals(CtdcLikeData.MEANS_MISSING, share(mMiss, N), tol);
    // Zipf-like: the most common nationality holds a large share; the top two are UA (CM) and US (Hotline)
    int ua = citCount[data.variable(data.column("citizenship")).values().indexOf("UA")];
    int us = citCount[data.variable(data.column("citizenship")).values().indexOf("US")];
    int known = N - cMiss[0] - cMiss[1];
    // P(UA | citizenship known) = P(CM, known) * 0.9 / H(10) / P(known), H(10) = 2.929
    double cmKnown = 0.7 * 0.95;
    double hotKnown = 0.3 * 0.6;
    assertEquals(cmKnown * 0.9 / 2.929 / (cmKnown + hotKnown), share(ua, known), 0.01);
    assertTrue(ua > us && us > known / 20, ua + " " + us);
  }

  @Test
  void recordsAreInternallyConsistent() {
    int age = data.column("ageBroad");
    int maj = data.column("majorityStatus");
    int minor = data.variable(maj).values().indexOf("Minor");
    int sexual = data.column("isSexualExploit");
    int labour = data.column("isForcedLabour");
    int concat = data.column("typeOfExploitConcatenated");
    int src = data.column("Datasource");
    int hotline = data.variable(src).values().indexOf("Hotline");
    int marriage = data.column("isForcedMarriage");
    for (int r = 0; r < 5_000; r++) {
      int band = data.code(r, age);
      if (band >= 0) {
        assertEquals(band <= 1, data.code(r, maj) == minor, "row " + r);
      }
      long mask = data.codeSet(r, concat);
      if (data.code(r, labour) >= 0) {
        long expected = (data.code(r, labour) == 1 ? 1 : 0) | (data.code(r, sexual) == 1 ? 2 : 0);
        assertEquals(expected, mask < 0 ? 0 : mask & 3, "row " + r);
      }
      if (data.code(r, src) == hotline) {
        assertEquals(MissingReason.NOT_COLLECTED, data.missingReason(r, marriage).orElseThrow());
      }
    }
  }
}
