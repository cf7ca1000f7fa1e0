package org.ctdc.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/** Small random datasets of every kind of column synthesis reads, and a brute-force count of combinations. */
public final class Fixtures {
  private Fixtures() {}

  /** The columns aggregated by the tests. */
  public static final List<String> COLUMNS = List.of("gender", "age", "exploit", "isAbduction", "children");

  /** @return a schema with a categorical, a band, a multi-valued, a flag, a count and a free-text column */
  public static Schema schema() {
    return Schema.builder("fixture", "1")
        .add(Variable.builder("notes", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("Female", "Male", "Other"))
            .build())
        .add(Variable.builder("age", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("0-17", "18-29", "30+"))
            .build())
        .add(Variable.builder("exploit", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("sexual", "labour", "other"))
            .multiValued(true).separator(";").build())
        .add(Variable.builder("isAbduction", VariableKind.FLAG).build())
        .add(Variable.builder("children", VariableKind.COUNT).minimum(0).maximum(4).build())
        .build();
  }

  /**
   * Random records, skewed so that some combinations are common and others rare.
   *
   * @param rows the number of rows
   * @param seed the seed
   * @param notes the free-text value of every row
   * @return the dataset
   */
  public static Dataset random(int rows, long seed, String notes) {
    Schema s = schema();
    Random rnd = new Random(seed);
    Dataset.Appender a = Dataset.appender(s);
    for (int r = 0; r < rows; r++) {
      a.setText(0, notes);
      if (rnd.nextInt(8) == 0) {
        a.setMissing(1, MissingReason.UNKNOWN);
      } else {
        a.setCode(1, rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
      }
      if (rnd.nextInt(6) == 0) {
        a.setMissing(2, MissingReason.UNKNOWN);
      } else {
        a.setCode(2, skew(rnd, 3));
      }
      long mask = rnd.nextInt(8);
      if (mask == 0) {
        a.setMissing(3, MissingReason.UNKNOWN);
      } else {
        a.setCodeSet(3, mask);
      }
      a.setCode(4, rnd.nextInt(3) == 0 ? 1 : 0);
      if (rnd.nextInt(5) == 0) {
        a.setMissing(5, MissingReason.UNKNOWN);
      } else {
        a.setInt(5, skew(rnd, 5));
      }
      a.endRow();
    }
    return a.build();
  }

  private static int skew(Random rnd, int n) {
    int v = 0;
    while (v < n - 1 && rnd.nextInt(3) == 0) {
      v++;
    }
    return v;
  }

  /**
   * Counts every combination of up to r attributes the slow way: each record's attributes as
   * {@code column=value} texts in schema order (zeros left out unless named), every subset joined by {@code ;}.
   *
   * @param d the data
   * @param columns the columns
   * @param zeros the columns with sensitive zeros
   * @param r the length
   * @return combination text to count, by length (index 0 unused)
   */
  public static List<Map<String, Long>> bruteForce(Dataset d, List<String> columns, List<String> zeros, int r) {
    List<Map<String, Long>> out = new ArrayList<>();
    for (int k = 0; k <= r; k++) {
      out.add(new HashMap<>());
    }
    for (int row = 0; row < d.rowCount(); row++) {
      List<String> attrs = attributes(d, row, columns, zeros);
      subsets(attrs, 0, new ArrayList<>(), r, out);
    }
    return out;
  }

  /**
   * One record's attributes the slow way.
   *
   * @param d the data
   * @param row the row
   * @param columns the columns
   * @param zeros the columns with sensitive zeros
   * @return {@code column=value} texts in schema order
   */
  public static List<String> attributes(Dataset d, int row, List<String> columns, List<String> zeros) {
    List<String> attrs = new ArrayList<>();
    for (int col = 0; col < d.columnCount(); col++) {
      Variable v = d.variable(col);
      if (!columns.contains(v.name()) || d.isMissing(row, col)) {
        continue;
      }
      String token = d.token(row, col);
      for (String t : v.isMultiValued() ? token.split(";") : new String[] {token}) {
        boolean zero = v.kind() == VariableKind.FLAG ? d.code(row, col) == 0 : t.equals("0");
        if (!zero || zeros.contains(v.name())) {
          attrs.add(v.name() + "=" + t);
        }
      }
    }
    return attrs;
  }

  private static void subsets(List<String> attrs, int from, List<String> chosen, int r, List<Map<String, Long>> out) {
    for (int i = from; i < attrs.size(); i++) {
      chosen.add(attrs.get(i));
      out.get(chosen.size()).merge(String.join(";", chosen), 1L, Long::sum);
      if (chosen.size() < r) {
        subsets(attrs, i + 1, chosen, r, out);
      }
      chosen.remove(chosen.size() - 1);
    }
  }

  /**
   * @param a aggregates
   * @param k a length
   * @return their combinations of length k as text to count
   */
  public static Map<String, Long> asMap(Aggregates a, int k) {
    Map<String, Long> m = new HashMap<>();
    for (Aggregates.Combination c : a.combinations(k)) {
      m.put(c.combination(), c.count());
    }
    return m;
  }
}
