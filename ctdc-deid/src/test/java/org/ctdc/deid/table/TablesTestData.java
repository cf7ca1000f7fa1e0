package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Hand-made records for the tables pipeline: region (A1, A2 under A; B1, B2 under B), sex (F, M),
 * amount (a count, for magnitude tables), three flags and a stored record key. A record is an
 * {@code Rec}; null fields are missing.
 */
final class TablesTestData {
  private TablesTestData() {}

  static final List<String> REGIONS = List.of("A1", "A2", "B1", "B2");
  static final List<String> SEXES = List.of("F", "M");

  static final Schema SCHEMA = Schema.builder("tables-test", "1")
      .add(Variable.builder("region", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("A1", "A2", "B1", "B2")).build())
      .add(Variable.builder("sex", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("F", "M")).build())
      .add(Variable.builder("amount", VariableKind.COUNT).build())
      .add(Variable.builder("fl1", VariableKind.FLAG).build())
      .add(Variable.builder("fl2", VariableKind.FLAG).build())
      .add(Variable.builder("fl3", VariableKind.FLAG).build())
      .add(Variable.builder("rkey", VariableKind.IDENTIFIER).build())
      .build();

  /** One record; null = missing. */
  record Rec(String region, String sex, Integer amount, Integer fl1, Integer fl2, Integer fl3, String key) {}

  static Dataset dataset(List<Rec> recs) {
    Dataset.Appender a = Dataset.appender(SCHEMA);
    for (Rec r : recs) {
      code(a, 0, r.region() == null ? -1 : REGIONS.indexOf(r.region()));
      code(a, 1, r.sex() == null ? -1 : SEXES.indexOf(r.sex()));
      if (r.amount() == null) {
        a.setMissing(2, MissingReason.UNKNOWN);
      } else {
        a.setInt(2, r.amount());
      }
      code(a, 3, r.fl1() == null ? -1 : r.fl1());
      code(a, 4, r.fl2() == null ? -1 : r.fl2());
      code(a, 5, r.fl3() == null ? -1 : r.fl3());
      if (r.key() == null) {
        a.setMissing(6, MissingReason.UNKNOWN);
      } else {
        a.setText(6, r.key());
      }
      a.endRow();
    }
    return a.build();
  }

  private static void code(Dataset.Appender a, int col, int code) {
    if (code < 0) {
      a.setMissing(col, MissingReason.UNKNOWN);
    } else {
      a.setCode(col, code);
    }
  }

  /**
   * Random records with skewed cell sizes (some cells empty, some small, some large), every record with a
   * stored key drawn from the seed.
   */
  static List<Rec> random(SplittableRandom r, int maxPerCell) {
    List<Rec> out = new ArrayList<>();
    long[] keys = CellKeys.assign(REGIONS.size() * SEXES.size() * (maxPerCell + 1) * 2, r.nextLong());
    int k = 0;
    for (String region : REGIONS) {
      for (String sex : SEXES) {
        int kind = r.nextInt(5);
        int n = kind == 0 ? 0 : kind == 1 ? 1 + r.nextInt(6) : r.nextInt(maxPerCell + 1);
        for (int i = 0; i < n; i++) {
          int f1 = r.nextInt(3) == 0 ? 1 : 0;
          int f2 = r.nextInt(4) == 0 ? 1 : 0;
          out.add(new Rec(region, sex, r.nextInt(200), f1, f2, r.nextInt(5) == 0 ? 1 : 0, Long.toString(keys[k++])));
        }
      }
    }
    // a few records left out of every table (missing region)
    out.add(new Rec(null, "F", 3, 1, 0, 0, Long.toString(keys[k++])));
    return out;
  }

  static List<Rec> shuffled(List<Rec> recs, long seed) {
    List<Rec> s = new ArrayList<>(recs);
    java.util.Collections.shuffle(s, new java.util.Random(seed));
    return s;
  }

  static final String DIMENSIONS = """
      dimensions:
        - name: region
          hierarchy:
            Total: [A, B]
            A: [A1, A2]
            B: [B1, B2]
        - name: sex
          leaves: [F, M]
      """;
}
