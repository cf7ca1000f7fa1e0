package org.ctdc.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.DatasetCsv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-value results of a run (each raw value of a column resolved once for every target it feeds)
 * give the same dataset and report as the rules evaluated one by one, row by row, on seeded noisy rows:
 * values of other columns, changed case and spaces, missing tokens, absent cells and the dataset's
 * missing-reason tokens, impossible ages, equal strings that are different objects, and more distinct
 * values in a column than the caches hold; lenient and strict; with the bundled specs and with a variant
 * whose map and flag rules count unmapped values instead of rejecting them.
 */
class PerValueResultsTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Profile p : Profile.values()) {
      for (boolean lenientRules : new boolean[] {false, true}) {
        for (AlignmentMode mode : AlignmentMode.values()) {
          for (long seed : new long[] {mode == AlignmentMode.LENIENT ? 3 : 17}) {
            out.add(Arguments.of(p, lenientRules, mode, seed));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} unmapped-as-missing={1} {2} seed {3}")
  @MethodSource("cases")
  void perValueResultsAgreeWithRuleByRuleEvaluation(Profile p, boolean lenientRules, AlignmentMode mode, long seed)
      throws IOException {
    AlignmentSpec spec = lenientRules ? unmappedAsMissing(p) : Specs.load(p.specName());
    List<Map<String, String>> rows = noisy(p, 10_000, seed);
    AlignmentResult b = assertAgree(spec, rows, mode);
    if (mode == AlignmentMode.LENIENT) {
      assertTrue(b.report().rowsRejected() > 0 && b.report().rowsAligned() > 0, "the noise rejects some rows only");
    }
  }

  /**
   * Aligns the rows with the per-value results and rule by rule, and asserts the same dataset and report.
   *
   * @return the result
   */
  static AlignmentResult assertAgree(AlignmentSpec spec, List<Map<String, String>> rows, AlignmentMode mode) {
    Plan plan = new Plan(spec);
    Run fast = new Run(plan, "rows", mode, 5, 1);
    Inputs.maps(rows, fast, ";");
    Run reference = new Run(plan, "rows", mode, 5, 1).ruleByRuleOnly();
    Inputs.maps(rows, reference, ";");
    AlignmentResult a = fast.finish();
    AlignmentResult b = reference.finish();
    assertEquals(csv(b), csv(a), "dataset");
    assertEquals(b.report().toJson(), a.report().toJson(), "report");
    return a;
  }

  private static String csv(AlignmentResult r) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w.toString();
  }

  /** The bundled spec with every map and flag rule counting unmapped values as missing. */
  private static AlignmentSpec unmappedAsMissing(Profile p) throws IOException {
    String name = "/META-INF/ctdc/specs/" + p.specName() + ".yaml";
    String text;
    try (InputStream in = PerValueResultsTest.class.getResourceAsStream(name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed =
        text.replace(", when: [", ", onUnmapped: missing, when: [")
            .replaceAll("(?m)^(    (column): (\\S+))$", "$1\n    onUnmapped: missing");
    assertTrue(changed.contains("onUnmapped: missing, when"), "the variant changes flag rules");
    return Specs.parse(changed, p.specName() + "-variant");
  }

  @SuppressWarnings("StringOperationCanBeSimplified")
  static List<Map<String, String>> noisy(Profile p, int rows, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, String>> clean = new ArrayList<>();
    PartnerSamples.rows(p, rows, seed).forEach(clean::add);
    List<Map<String, String>> out = new ArrayList<>(rows);
    int distinct = 0;
    for (Map<String, String> r : clean) {
      Map<String, String> m = new LinkedHashMap<>(r);
      Map<String, String> other = clean.get(rnd.nextInt(clean.size()));
      List<String> keys = new ArrayList<>(m.keySet());
      for (String k : keys) {
        if (rnd.nextInt(8) != 0) {
          continue;
        }
        String v = m.get(k);
        String o = other.get(keys.get(rnd.nextInt(keys.size())));
        String n =
            switch (rnd.nextInt(16)) {
              case 0 -> v.toLowerCase(Locale.ROOT);
              case 1 -> "  " + v + " ";
              case 2 -> o;
              case 3 -> "noise-" + rnd.nextInt(30);
              case 4 -> rnd.nextBoolean() ? "" : "-99";
              case 5 -> null;
              case 6 -> Plan.NOT_COLLECTED_TOKEN;
              case 7 -> Plan.NOT_APPLICABLE_TOKEN;
              case 8 -> Plan.SUPPRESSED_TOKEN;
              case 9 -> new String(v);
              case 10 -> v + ";" + o;
              case 11 -> Integer.toString(rnd.nextInt(300) - 20);
              case 12 -> "N/A";
              case 13 -> v.toUpperCase(Locale.ROOT);
              case 14 -> "2019-02-3" + rnd.nextInt(2);
              default -> v.isEmpty() ? "x" : v.substring(0, v.length() - 1);
            };
        m.put(k, n);
      }
      // more distinct values in these columns than the caches hold
      if (rnd.nextInt(10) != 0) {
        m.put(p == Profile.HOTLINE ? "MeansOfControl" : "vic_MethodsOfControl", "Other;Noise " + distinct++);
      }
      if (rnd.nextInt(10) != 0) {
        m.put(p == Profile.HOTLINE ? "Gender" : "prs_Gender", "Nobody " + distinct++);
      }
      if (rnd.nextInt(50) == 0) {
        m.remove(keys.get(rnd.nextInt(keys.size())));
      }
      out.add(m);
    }
    return out;
  }
}
