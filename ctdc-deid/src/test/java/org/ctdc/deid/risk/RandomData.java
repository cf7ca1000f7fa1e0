package org.ctdc.deid.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/** Seeded random datasets: m categorical QIs with few values, a year QI, a weight count, a free-text column. */
final class RandomData {
  final Dataset data;
  final List<String> qis = new ArrayList<>();

  RandomData(long seed, int maxRows, int maxQis) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int m = 1 + rnd.nextInt(maxQis);
    int n = 1 + rnd.nextInt(maxRows);
    double missing = rnd.nextDouble() * 0.3;
    Schema.Builder b = Schema.builder("random", "1");
    int[] card = new int[m];
    for (int j = 0; j < m; j++) {
      card[j] = 1 + rnd.nextInt(5);
      String[] codes = new String[card[j]];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = "v" + i;
      }
      b.add(Variable.builder("q" + j, VariableKind.CATEGORICAL).values(codes).build());
      qis.add("q" + j);
    }
    b.add(Variable.builder("year", VariableKind.YEAR).build());
    qis.add("year");
    b.add(Variable.builder("w", VariableKind.COUNT).minimum(1).build());
    b.add(Variable.builder("note", VariableKind.FREE_TEXT).build());
    Schema schema = b.build();
    Dataset.Appender a = Dataset.appender(schema);
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < m; j++) {
        if (rnd.nextDouble() < missing) {
          a.setMissing(j, rnd.nextBoolean() ? MissingReason.UNKNOWN : MissingReason.NOT_COLLECTED);
        } else {
          a.setCode(j, rnd.nextInt(card[j]));
        }
      }
      if (rnd.nextDouble() < missing) {
        a.setMissing(m, MissingReason.UNKNOWN);
      } else {
        a.setInt(m, 2018 + rnd.nextInt(3));
      }
      a.setInt(m + 1, 1 + rnd.nextInt(40));
      a.setText(m + 2, "t" + r);
      a.endRow();
    }
    data = a.build();
  }

  /** The QI values of a row, -1 for missing (naive, straight from the dataset). */
  int[] row(int r) {
    int[] out = new int[qis.size()];
    for (int j = 0; j < qis.size(); j++) {
      int col = data.column(qis.get(j));
      if (data.isMissing(r, col)) {
        out[j] = -1;
      } else if (data.variable(col).kind() == VariableKind.YEAR) {
        out[j] = data.intValue(r, col);
      } else {
        out[j] = data.code(r, col);
      }
    }
    return out;
  }

  static boolean compatible(int[] a, int[] b, boolean wildcard) {
    for (int j = 0; j < a.length; j++) {
      if (a[j] != b[j] && (!wildcard || (a[j] >= 0 && b[j] >= 0))) {
        return false;
      }
    }
    return true;
  }

  /** Naive O(n^2) fk. */
  static int[] naiveFk(RandomData d, Dataset data, boolean wildcard) {
    int n = data.rowCount();
    RandomData view = d;
    int[][] rows = new int[n][];
    for (int r = 0; r < n; r++) {
      rows[r] = view.rowOf(data, r);
    }
    int[] fk = new int[n];
    for (int r = 0; r < n; r++) {
      for (int s = 0; s < n; s++) {
        if (compatible(rows[r], rows[s], wildcard)) {
          fk[r]++;
        }
      }
    }
    return fk;
  }

  int[] rowOf(Dataset other, int r) {
    int[] out = new int[qis.size()];
    for (int j = 0; j < qis.size(); j++) {
      int col = other.column(qis.get(j));
      if (other.isMissing(r, col)) {
        out[j] = -1;
      } else if (other.variable(col).kind() == VariableKind.YEAR) {
        out[j] = other.intValue(r, col);
      } else {
        out[j] = other.code(r, col);
      }
    }
    return out;
  }
}
