package org.ctdc.deid.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifier groups rows by as many quasi-identifiers at a time as fit in one long (issue 19). With 14
 * quasi-identifiers of up to 60 values (60^14 does not fit, so the grouping takes several rounds) the classes
 * it finds are those of a plain map from value lists to counts, on seeded random releases with missing cells
 * and suppressed records.
 */
class Issue19VerifierGroupingTest {

  static IntStream seeds() {
    return IntStream.range(0, 12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void issue19_classesAreThoseOfAPlainGrouping(int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int m = 14;
    List<String> names = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      names.add("q" + j);
    }
    // a few hundred distinct vectors, repeated, so that classes of every size occur
    List<String[]> vectors = new ArrayList<>();
    int distinct = 50 + r.nextInt(300);
    for (int v = 0; v < distinct; v++) {
      String[] row = new String[m];
      for (int j = 0; j < m; j++) {
        row[j] = r.nextInt(20) == 0 ? "" : "v" + r.nextInt(j < 2 ? 3 : 60);
      }
      vectors.add(row);
    }
    List<String[]> rows = new ArrayList<>();
    int n = 500 + r.nextInt(3000);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(50) == 0) {
        String[] s = new String[m];
        java.util.Arrays.fill(s, "~");
        rows.add(s);
      } else {
        // skewed: low vector numbers are common
        int v = (int) Math.min(distinct - 1, Math.floor(-Math.log(1 - r.nextDouble()) * distinct / 4));
        rows.add(vectors.get(v).clone());
      }
    }
    Dataset release = TestReleases.of(names, rows.toArray(String[][]::new));
    VerificationSpec.Builder spec = VerificationSpec.builder().quasiIdentifiers(names).k(3)
        .suppressionLimit(1.0, n);
    for (int j = 0; j < m; j++) {
      List<String> h = new ArrayList<>();
      for (int v = 0; v < 60; v++) {
        h.add("v" + v + ";*");
      }
      spec.hierarchy(names.get(j), TestReleases.rows(h.toArray(String[]::new)));
    }
    VerificationResult got = Verifier.verify(release, spec.build());

    Map<List<String>, Long> classes = new HashMap<>();
    for (String[] row : rows) {
      if (!row[0].equals("~")) {
        classes.merge(List.of(row), 1L, Long::sum);
      }
    }
    long smallest = classes.values().stream().mapToLong(Long::longValue).min().orElse(0);
    long small = classes.values().stream().filter(c -> c < 3).count();
    assertEquals(classes.size(), got.classes(), "classes, seed " + seed);
    assertEquals(smallest, got.smallestClass(), "smallest class, seed " + seed);
    assertEquals(small, got.violationCounts().getOrDefault(Violation.Rule.CLASS_TOO_SMALL, 0L),
        "classes below k, seed " + seed);
    List<List<String>> listed = new ArrayList<>();
    for (Violation v : got.violations()) {
      if (v.rule() == Violation.Rule.CLASS_TOO_SMALL) {
        listed.add(v.classValues().stream().map(x -> x.equals(Violation.MISSING) ? "" : x).toList());
      }
    }
    // classes are numbered, and listed, in the lexicographic order of their id vectors: per column, values
    // numbered as first met in the release (missing 0)
    List<Map<String, Integer>> ids = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      Map<String, Integer> id = new HashMap<>();
      id.put("", 0);
      for (String[] row : rows) {
        if (!row[j].equals("~")) {
          id.putIfAbsent(row[j], id.size());
        }
      }
      ids.add(id);
    }
    java.util.Comparator<List<String>> lex = (a, b) -> {
      for (int j = 0; j < m; j++) {
        int c = Integer.compare(ids.get(j).get(a.get(j)), ids.get(j).get(b.get(j)));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    List<List<String>> want = new ArrayList<>();
    classes.forEach((k, c) -> {
      if (c < 3) {
        want.add(k);
      }
    });
    want.sort(lex);
    assertEquals(want.subList(0, (int) Math.min(want.size(), VerificationResult.LISTED_PER_RULE)), listed,
        "the classes below k in order, seed " + seed);
  }
}
