package org.ctdc.deid.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;

class VerifierTest {

  static final List<List<String>> AGE = TestReleases.rows(
      "34;<50;*", "45;<50;*", "66;>=50;*", "70;>=50;*");
  static final List<List<String>> GENDER = TestReleases.rows("male;*", "female;*");
  static final List<List<String>> ZIP = TestReleases.rows(
      "81667;8166*;816**;81***;8****;*****", "81675;8167*;816**;81***;8****;*****",
      "81925;8192*;819**;81***;8****;*****", "81931;8193*;819**;81***;8****;*****");
  static final List<String> QIS = List.of("age", "gender", "zipcode");

  static VerificationSpec.Builder example() {
    return VerificationSpec.builder().quasiIdentifiers(QIS)
        .hierarchy("age", AGE).hierarchy("gender", GENDER).hierarchy("zipcode", ZIP).k(3);
  }

  /** The 7-record example of issue 4 generalised to node (age, gender, zipcode). */
  static Dataset node(String[][] original, int a, int g, int z, String... disease) {
    String[][] out = new String[original.length][];
    for (int r = 0; r < original.length; r++) {
      out[r] = new String[] {
        up(AGE, original[r][0], a), up(GENDER, original[r][1], g), up(ZIP, original[r][2], z),
        disease.length == 0 ? "flu" : disease[r]};
    }
    return TestReleases.of(List.of("age", "gender", "zipcode", "disease"), out);
  }

  static String up(List<List<String>> h, String leaf, int level) {
    return h.stream().filter(r -> r.get(0).equals(leaf)).findFirst().orElseThrow().get(level);
  }

  static final String[][] SEVEN = {
    {"34", "male", "81667"}, {"45", "female", "81675"}, {"66", "male", "81925"}, {"70", "female", "81931"},
    {"34", "female", "81931"}, {"70", "male", "81931"}, {"45", "male", "81931"}
  };

  @Test
  void passesTheMinimalNodesOfTheSevenRecordExample() {
    for (int[] node : new int[][] {{1, 1, 3}, {2, 0, 3}, {2, 1, 5}}) {
      VerificationResult r = Verifier.verify(node(SEVEN, node[0], node[1], node[2]), example().build());
      assertTrue(r.passed(), r.summary());
      assertEquals(Map.of("age", node[0], "gender", node[1], "zipcode", node[2]), r.levels());
    }
  }

  @Test
  void catchesClassesBelowKAtTheBottomNode() {
    VerificationResult r = Verifier.verify(node(SEVEN, 1, 0, 3), example().build());
    assertFalse(r.passed());
    // (<50,male),(>=50,female) ... classes: <50 male 2, <50 female 2, >=50 male 2, >=50 female 1
    assertEquals(4L, r.violationCounts().get(Violation.Rule.CLASS_TOO_SMALL));
    assertEquals(1, r.smallestClass());
    Violation v = r.violations().stream().filter(x -> x.classSize() == 1).findFirst().orElseThrow();
    assertEquals(List.of(">=50", "female", "81***"), v.classValues());
    assertEquals(QIS, v.variables());
  }

  @Test
  void catchesOneColumnWithMixedLevels() {
    Dataset d = TestReleases.of(List.of("age", "gender", "zipcode", "disease"),
        new String[] {"<50", "*", "*****", "flu"}, new String[] {"34", "*", "*****", "flu"},
        new String[] {">=50", "*", "*****", "flu"}, new String[] {"<50", "*", "*****", "flu"});
    VerificationResult r = Verifier.verify(d, example().k(1).build());
    assertEquals(Map.of(Violation.Rule.MIXED_LEVELS, 1L), r.violationCounts());
    Violation v = r.violations().get(0);
    assertEquals(List.of("age"), v.variables());
    assertTrue(v.detail().contains("{0}") && v.detail().contains("{1}"), v.detail());
    assertFalse(r.levels().containsKey("age"));
    assertEquals(2, r.levels().get("gender") - 0 + 1);
  }

  @Test
  void aValueAtSeveralLevelsIsNotMixed() {
    List<List<String>> h = TestReleases.rows("a;a;*", "b;ab;*", "c;ab;*");
    Dataset d = TestReleases.of(List.of("x"), new String[] {"a"}, new String[] {"ab"}, new String[] {"ab"});
    VerificationResult r = Verifier.verify(d, VerificationSpec.builder().quasiIdentifiers(List.of("x"))
        .hierarchy("x", h).build());
    assertTrue(r.passed(), r.summary());
    assertEquals(1, r.levels().get("x"));
  }

  @Test
  void catchesAValueOutsideTheHierarchyWithoutShowingIt() {
    Dataset d = TestReleases.of(List.of("age", "gender", "zipcode", "disease"),
        new String[] {"34", "male", "81667", "flu"}, new String[] {"99", "male", "81667", "flu"});
    VerificationResult r = Verifier.verify(d, example().k(1).build());
    assertEquals(Map.of(Violation.Rule.VALUE_OUTSIDE_HIERARCHY, 1L), r.violationCounts());
    Violation v = r.violations().get(0);
    assertEquals(1, v.classSize());
    assertTrue(v.detail().contains("row 2"), v.detail());
    assertFalse(v.detail().contains("99") || v.classValues().contains("99"));
  }

  @Test
  void catchesDistinctLDiversityAndNeverShowsTheSensitiveValue() {
    Dataset d = node(SEVEN, 1, 1, 3, "hiv", "hiv", "flu", "cancer", "hiv", "flu", "hiv");
    // <50 class: hiv,hiv,hiv,hiv (rows 0,1,4,6); >=50: flu,cancer,flu
    VerificationResult r = Verifier.verify(d, example().distinctL("disease", 2).build());
    assertEquals(Map.of(Violation.Rule.DISTINCT_L_DIVERSITY, 1L), r.violationCounts());
    Violation v = r.violations().get(0);
    assertEquals(4, v.classSize());
    assertEquals(1.0, v.measured());
    assertEquals(List.of("<50", "*", "81***"), v.classValues());
    String all = r.violations() + r.summary();
    assertFalse(all.contains("hiv") || all.contains("flu") || all.contains("cancer"), all);
    d = node(SEVEN, 1, 1, 3, "hiv", "flu", "flu", "cancer", "hiv", "flu", "hiv");
    assertTrue(Verifier.verify(d, example().distinctL("disease", 2).build()).passed());
  }

  @Test
  void catchesEntropyLDiversity() {
    // <50: hiv x3, flu x1 -> entropy 0.5623 < log 2 = 0.6931; >=50: flu, cancer, hiv -> log 3
    Dataset d = node(SEVEN, 1, 1, 3, "hiv", "hiv", "flu", "cancer", "flu", "hiv", "hiv");
    VerificationResult r = Verifier.verify(d, example().entropyL("disease", 2).build());
    assertEquals(Map.of(Violation.Rule.ENTROPY_L_DIVERSITY, 1L), r.violationCounts());
    double expected = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    assertEquals(expected, r.violations().get(0).measured(), 1e-12);
    assertTrue(Verifier.verify(d, example().entropyL("disease", 1.7).build()).passed());
  }

  @Test
  void catchesRecursiveClDiversity() {
    // <50: counts 3,1 -> r1 = 3 < c * r2 = c * 1 needs c > 3
    Dataset d = node(SEVEN, 1, 1, 3, "hiv", "hiv", "flu", "cancer", "flu", "hiv", "hiv");
    VerificationResult fail = Verifier.verify(d, example().recursiveCL("disease", 3, 2).build());
    assertEquals(Map.of(Violation.Rule.RECURSIVE_CL_DIVERSITY, 1L), fail.violationCounts());
    assertTrue(Verifier.verify(d, example().recursiveCL("disease", 3.01, 2).build()).passed());
    // l = 3: the <50 class has only two values, the tail is empty
    assertEquals(2L, Verifier.verify(d, example().recursiveCL("disease", 100, 3).build())
        .violationCounts().get(Violation.Rule.RECURSIVE_CL_DIVERSITY) + 1);
  }

  @Test
  void catchesTClosenessWithEqualDistance() {
    Dataset d = TestReleases.of(List.of("g", "s"),
        new String[] {"m", "a"}, new String[] {"m", "a"}, new String[] {"f", "b"}, new String[] {"f", "b"});
    VerificationSpec.Builder b = VerificationSpec.builder().quasiIdentifiers(List.of("g"));
    VerificationResult r = Verifier.verify(d, b.tClosenessEqual("s", 0.4).build());
    assertEquals(2L, r.violationCounts().get(Violation.Rule.T_CLOSENESS_EQUAL));
    assertEquals(0.5, r.violations().get(0).measured(), 1e-12);
    assertTrue(Verifier.verify(d, VerificationSpec.builder().quasiIdentifiers(List.of("g"))
        .tClosenessEqual("s", 0.5).build()).passed());
    // a declared reference of the whole original table: a 90 %, b 10 % -> class m at 0.1, class f at 0.9
    VerificationResult withRef = Verifier.verify(d, VerificationSpec.builder().quasiIdentifiers(List.of("g"))
        .tClosenessEqual("s", 0.5).tClosenessReference("s", Map.of("a", 90L, "b", 10L)).build());
    assertEquals(1L, withRef.violationCounts().get(Violation.Rule.T_CLOSENESS_EQUAL));
    assertEquals(0.9, withRef.violations().get(0).measured(), 1e-12);
    assertEquals(List.of("f"), withRef.violations().get(0).classValues());
  }

  @Test
  void catchesTClosenessWithHierarchicalDistance() {
    List<List<String>> h = TestReleases.rows("a;ab;*", "b;ab;*", "c;cd;*", "d;cd;*");
    Dataset d = TestReleases.of(List.of("g", "s"),
        new String[] {"m", "a"}, new String[] {"m", "a"}, new String[] {"m", "a"}, new String[] {"m", "a"},
        new String[] {"f", "b"}, new String[] {"f", "c"}, new String[] {"f", "d"}, new String[] {"f", "b"},
        new String[] {"o", "c"}, new String[] {"o", "c"}, new String[] {"o", "d"}, new String[] {"o", "d"},
        new String[] {"p", "a"}, new String[] {"p", "b"}, new String[] {"p", "c"}, new String[] {"p", "d"});
    // declared reference: uniform over a,b,c,d (the release's own distribution is not uniform)
    // m: p = (1,0,0,0): extra (.75,-.25,-.25,-.25) -> ab: 1/2 * .25, cd: 0, top: 1 * .5 -> 0.625
    // o: p = (0,0,.5,.5): top only: 1 * .5 -> 0.5; f: (0,.5,.25,.25): ab: 1/2*.25, top: .25 -> 0.375
    VerificationResult r = Verifier.verify(d, VerificationSpec.builder().quasiIdentifiers(List.of("g"))
        .tClosenessHierarchical("s", 0.45, h)
        .tClosenessReference("s", Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L)).build());
    assertEquals(2L, r.violationCounts().get(Violation.Rule.T_CLOSENESS_HIERARCHICAL));
    assertEquals(0.625, r.violations().get(0).measured(), 1e-12);
    assertEquals(List.of("m"), r.violations().get(0).classValues());
    assertEquals(0.5, r.violations().get(1).measured(), 1e-12);
    // with equal distance the m class is at 0.75
    VerificationResult eq = Verifier.verify(d, VerificationSpec.builder().quasiIdentifiers(List.of("g"))
        .tClosenessEqual("s", 0.7).tClosenessReference("s", Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L)).build());
    assertEquals(0.75, eq.violations().get(0).measured(), 1e-12);
  }

  @Test
  void aSensitiveValueOutsideItsHierarchyIsAViolation() {
    List<List<String>> h = TestReleases.rows("a;*", "b;*");
    Dataset d = TestReleases.of(List.of("g", "s"), new String[] {"m", "a"}, new String[] {"m", "z"});
    VerificationResult r = Verifier.verify(d, VerificationSpec.builder().quasiIdentifiers(List.of("g"))
        .tClosenessHierarchical("s", 1, h).build());
    assertEquals(Map.of(Violation.Rule.VALUE_OUTSIDE_HIERARCHY, 1L), r.violationCounts());
    assertFalse(r.violations().get(0).detail().contains("z"));
  }

  @Test
  void catchesSuppressionOverTheLimit() {
    Dataset release = node(SEVEN, 2, 1, 5);
    // 10 original rows, 7 released: 3 removed
    VerificationResult over = Verifier.verify(release, example().suppressionLimit(0.29, 10).build());
    assertEquals(Map.of(Violation.Rule.SUPPRESSION_LIMIT, 1L), over.violationCounts());
    assertEquals(2, over.allowedSuppressed());
    assertEquals(3, over.suppressedRecords());
    assertTrue(Verifier.verify(release, example().suppressionLimit(0.3, 10).build()).passed());
    assertThrows(VerificationException.class,
        () -> Verifier.verify(release, example().suppressionLimit(0.3, 6).build()));
  }

  @Test
  void recordsWithEverySuppressedQiCountAgainstTheLimitAndLeaveTheClassCheck() {
    Dataset d = TestReleases.of(List.of("age", "gender", "zipcode", "disease"),
        new String[] {"<50", "*", "81***", "flu"}, new String[] {"<50", "*", "81***", "flu"},
        new String[] {"<50", "*", "81***", "flu"}, new String[] {"~", "~", "~", "flu"});
    VerificationResult ok = Verifier.verify(d, example().suppressionLimit(0.25, 4).build());
    assertTrue(ok.passed(), ok.summary());
    assertEquals(1, ok.suppressedRecords());
    VerificationResult over = Verifier.verify(d, example().suppressionLimit(0.2, 4).build());
    assertEquals(Map.of(Violation.Rule.SUPPRESSION_LIMIT, 1L), over.violationCounts());
  }

  @Test
  void wildcardRuleCountsCompatibleRecords() {
    // rows: (a,x) (a,x) (a,"") ("",y) -> compatible: r0: r0,r1,r2,r3? r3 is ("",y): a vs "" ok, x vs y no.
    Dataset d = TestReleases.of(List.of("p", "q"),
        new String[] {"a", "x"}, new String[] {"a", "x"}, new String[] {"a", ""}, new String[] {"", "y"});
    VerificationSpec.Builder b = VerificationSpec.builder().quasiIdentifiers(List.of("p", "q")).k(3);
    VerificationResult wild = Verifier.verify(d, b.missingAsWildcard(true).build());
    // counts: r0 3, r1 3, r2 4, r3 2
    assertEquals(Map.of(Violation.Rule.CLASS_TOO_SMALL, 1L), wild.violationCounts());
    assertEquals(2, wild.violations().get(0).classSize());
    assertEquals(List.of(Violation.MISSING, "y"), wild.violations().get(0).classValues());
    VerificationResult own = Verifier.verify(d, b.missingAsWildcard(false).build());
    assertEquals(3L, own.violationCounts().get(Violation.Rule.CLASS_TOO_SMALL));
  }

  @Test
  void malformedHierarchiesAreRejectedNamingRowAndLevel() {
    VerificationException twoParents = assertThrows(VerificationException.class,
        () -> VerificationSpec.builder().quasiIdentifiers(List.of("x"))
            .hierarchy("x", TestReleases.rows("a;p;*", "a;q;*")).build());
    assertTrue(twoParents.getMessage().contains("row 2") && twoParents.getMessage().contains("level 0"));
    assertThrows(VerificationException.class, () -> VerificationSpec.builder().quasiIdentifiers(List.of("x"))
        .hierarchy("x", TestReleases.rows("a;*", "b;+")).build());
    assertThrows(VerificationException.class, () -> VerificationSpec.builder().quasiIdentifiers(List.of("x"))
        .hierarchy("x", TestReleases.rows("a;*", "b;c;*")).build());
    assertThrows(VerificationException.class,
        () -> Verifier.verify(node(SEVEN, 0, 0, 0), VerificationSpec.builder()
            .quasiIdentifiers(List.of("nope")).build()));
  }
}
