package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctdc verify} of a release read with an inferred schema keeps each cell as its token's number, not
 * as a string (issue 19: 10^7 rows of strings did not fit in 2 GB): the same verdicts as reading strings
 * gave, past the first growth of its buffers, with missing cells, and with the suppressed-record token both
 * as a value and as a missing-value token.
 */
class Issue19VerifyInferredTest {
  @TempDir Path dir;

  private int verify(String spec, String csv) throws Exception {
    Files.writeString(dir.resolve("spec.yaml"), spec);
    Files.writeString(dir.resolve("h-age.csv"), "a1;*\na2;*\na3;*\n");
    Files.writeString(dir.resolve("h-gender.csv"), "f;*\nm;*\n");
    Path release = dir.resolve("release.csv");
    Files.writeString(release, csv);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"verify", "--spec", dir.resolve("spec.yaml").toString(), "--in",
        release.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertTrue(code == Main.OK || code == Main.INVALID, out + "\n" + err);
    return code;
  }

  private static String spec(int k, String extra) {
    return "quasiIdentifiers: [{name: age, hierarchy: h-age.csv}, {name: gender, hierarchy: h-gender.csv}]\n"
        + "k: " + k + "\n" + extra;
  }

  /** Thousands of rows (the buffers grow from 1,024), classes of 3 or more, some cells missing. */
  private static StringBuilder rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder b = new StringBuilder("age,gender,note\n");
    String[] ages = {"a1", "a2", "a3"};
    String[] genders = {"f", "m"};
    for (int i = 0; i < n; i++) {
      int c = i % 6;
      b.append(ages[c / 2]).append(',').append(genders[c % 2]).append(',')
          .append(r.nextInt(4) == 0 ? "" : "n" + r.nextInt(50)).append('\n');
    }
    return b;
  }

  @Test
  void issue19_manyRowsGiveTheSameVerdictsAsBefore() throws Exception {
    StringBuilder ok = rows(5_000, 1);
    assertEquals(Main.OK, verify(spec(11, ""), ok.toString()));
    // one record alone in its class, near the end: past the buffers' growth
    StringBuilder unique = rows(5_000, 2).append("a1,,n1\n");
    assertEquals(Main.OK, verify(spec(11, "missingAsWildcard: true\n"), unique.toString()),
        "a missing gender matches every class under the wildcard rule");
    assertEquals(Main.INVALID, verify(spec(11, ""), unique.toString()),
        "without it the record is a class of one");
  }

  @Test
  void issue19_theSuppressedTokenIsFoundAsAValueAndAsAMissingToken() throws Exception {
    String csv = "age,gender\na1,f\na1,f\na2,m\na2,m\n*,*\n";
    String limit = "suppressedRecordToken: '*'\nsuppression: {limit: 0.2, originalRows: 5}\n";
    assertEquals(Main.OK, verify(spec(2, limit), csv));
    assertEquals(Main.OK, verify(spec(2, limit + "missing: ['*', '']\n"), csv),
        "the token is also a missing-value token: the row is still a suppressed record");
    assertEquals(Main.INVALID, verify(spec(2, limit.replace("0.2", "0.1")), csv));
    assertEquals(Main.INVALID, verify(spec(2, limit.replace("0.2", "0.1") + "missing: ['*', '']\n"), csv));
    // a row with the token in one quasi-identifier only is not a suppressed record: a class of one
    assertEquals(Main.INVALID, verify(spec(2, limit), "age,gender\na1,f\na1,f\na2,m\na2,m\n*,f\n"));
  }
}
