package org.ctdc.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15: with the declared formats, birth dates in the age column, majority values and
 * {@code onUnmapped: missing}, the per-value results give the same dataset and report (its counts of
 * values turned missing by reason included) as the rules evaluated one by one, on the hotline extract's
 * rows shuffled with seeded noise.
 */
class Issue15PerValueResultsTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = Issue15PerValueResultsTest.class.getResourceAsStream("/org/ctdc/core/issue15/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<Map<String, String>> rows(long seed) throws IOException {
    String[] lines = resource("hotline-extract.csv").split("\n");
    String[] header = lines[0].split(",");
    List<String[]> base = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      for (int k = 0; k < f.length; k++) {
        f[k] = f[k].replace("\"", "");
      }
      base.add(f);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] ages = {"17 yrs", "teen", "03/04/2001", "2001-03-14", "~30", "130", "2020-01-01", "31"};
    String[] dates = {"March 14, 2019", "14/03/2019", "03/04/2019", "sometime", "2019-03-14"};
    String[] adult = {"Y", "N", "maybe", "", "Adult"};
    List<Map<String, String>> out = new ArrayList<>();
    for (int r = 0; r < 3000; r++) {
      String[] f = base.get(rnd.nextInt(base.size())).clone();
      if (rnd.nextInt(3) == 0) {
        f[3] = ages[rnd.nextInt(ages.length)];
      }
      if (rnd.nextInt(4) == 0) {
        f[1] = dates[rnd.nextInt(dates.length)];
      }
      if (rnd.nextInt(4) == 0) {
        f[4] = adult[rnd.nextInt(adult.length)];
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int k = 0; k < header.length; k++) {
        m.put(header[k], f[k]);
      }
      out.add(m);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(AlignmentMode.class)
  void issue15_perValueResultsAgreeWithRuleByRuleEvaluation(AlignmentMode mode) throws IOException {
    AlignmentSpec spec = Specs.parse(resource("hotline-extract.yaml"), "hotline-extract.yaml");
    AlignmentResult a = PerValueResultsTest.assertAgree(spec, rows(15), mode);
    if (mode == AlignmentMode.LENIENT) {
      assertTrue(a.report().turnedMissing().size() == 2 && a.report().rowsRejected() > 0, a.report().toJson());
    }
  }
}
