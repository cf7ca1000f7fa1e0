package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tabulation looks each stored code's leaf up once instead of once per row (issue 19): on seeded random
 * records (missing values, leaf maps that send codes to leaves, to margins or nowhere, flag and integer
 * dimensions, a row filter, counts and magnitudes) it gives exactly what the row-by-row reading of the
 * codes as tokens gives, written out here as the reference.
 */
class Issue19TabulationTest {

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  private static final Dimension REGION = Dimension.hierarchical("region", "Total",
      Map.of("Total", List.of("A", "B"), "A", List.of("A1", "A2"), "B", List.of("B1", "B2")));
  private static final Dimension SEX = Dimension.flat("sex", "Total", List.of("M", "F"));
  private static final Dimension AMOUNT = Dimension.flat("amount", "Total",
      IntStream.range(0, 12).mapToObj(Integer::toString).toList());
  private static final Dimension FLAG = Tabulation.flagDimension("fl1", "Total");

  private static Integer maybe(SplittableRandom r, int value) {
    return r.nextInt(8) == 0 ? null : value;
  }

  private static List<Rec> records(SplittableRandom r) {
    List<Rec> out = new ArrayList<>();
    int n = r.nextInt(400);
    for (int i = 0; i < n; i++) {
      String region = r.nextInt(10) == 0 ? null : TablesTestData.REGIONS.get(r.nextInt(4));
      String sex = r.nextInt(10) == 0 ? null : TablesTestData.SEXES.get(r.nextInt(2));
      out.add(new Rec(region, sex, maybe(r, r.nextInt(15)), maybe(r, r.nextInt(2)), maybe(r, r.nextInt(2)),
          maybe(r, r.nextInt(2)), "k" + i));
    }
    return out;
  }

  /** The reference: each row's codes read as tokens, mapped, checked to be leaves and indexed. */
  private static Tabulation.Result reference(Dataset data, TableDefinition def, List<String> vars,
      Map<String, Map<String, String>> leafOf, Optional<String> magnitude, Optional<boolean[]> filter) {
    List<Dimension> dims = def.dimensions();
    int magCol = magnitude.map(m -> data.schema().indexOf(m)).orElse(-1);
    Table.Builder b = Table.builder(def, magCol >= 0 ? Table.Kind.MAGNITUDE : Table.Kind.COUNT);
    int[] cellOfRow = new int[data.rowCount()];
    int left = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      cellOfRow[row] = -1;
      if (filter.isPresent() && !filter.get()[row]) {
        left++;
        continue;
      }
      String[] leaves = new String[dims.size()];
      boolean ok = true;
      for (int i = 0; i < dims.size() && ok; i++) {
        int col = data.schema().indexOf(vars.get(i));
        Variable v = data.variable(col);
        String token;
        if (data.isMissing(row, col)) {
          token = null;
        } else if (v.kind() == VariableKind.FLAG) {
          token = data.code(row, col) == 1 ? "1" : "0";
        } else if (v.kind().isInteger()) {
          token = Integer.toString(data.intValue(row, col));
        } else {
          token = v.values().code(data.code(row, col)).code();
        }
        Map<String, String> m = leafOf.get(dims.get(i).name());
        String leaf = token == null ? null : m == null ? token : m.get(token);
        ok = leaf != null && dims.get(i).isLeaf(leaf);
        leaves[i] = leaf;
      }
      if (ok && magCol >= 0 && data.isMissing(row, magCol)) {
        ok = false;
      }
      if (!ok) {
        left++;
        continue;
      }
      int idx = b.index(leaves);
      cellOfRow[row] = idx;
      b.add(idx, magCol >= 0 ? Math.max(0, data.intValue(row, magCol)) : 1);
    }
    return new Tabulation.Result(b.build(), data.rowCount(), left, cellOfRow);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void issue19_codesLookedUpOnceGiveTheRowByRowTabulation(int seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Dataset data = TablesTestData.dataset(records(r));
    List<List<Object>> cases = new ArrayList<>();
    cases.add(List.of(List.of(REGION, SEX), List.of("region", "sex")));
    cases.add(List.of(List.of(SEX, AMOUNT), List.of("sex", "amount")));
    cases.add(List.of(List.of(FLAG, REGION, SEX), List.of("fl1", "region", "sex")));
    cases.add(List.of(List.of(REGION.restrictedTo(List.of("A1", "B2"))), List.of("region")));
    for (List<Object> c : cases) {
      @SuppressWarnings("unchecked")
      List<Dimension> dims = (List<Dimension>) c.get(0);
      @SuppressWarnings("unchecked")
      List<String> vars = (List<String>) c.get(1);
      TableDefinition def = TableDefinition.of("t", dims);
      Map<String, Map<String, String>> leafOf = new HashMap<>();
      if (r.nextBoolean()) {
        // A2 to a margin (left out), B2 nowhere (left out), the others to themselves
        leafOf.put("region", Map.of("A1", "A1", "A2", "A", "B1", "B1"));
      }
      if (r.nextBoolean()) {
        leafOf.put("sex", Map.of("F", "F", "M", "Total"));
      }
      boolean[] keep = new boolean[data.rowCount()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = r.nextInt(5) != 0;
      }
      Optional<boolean[]> filter = r.nextBoolean() ? Optional.of(keep) : Optional.empty();
      for (Optional<String> magnitude : List.of(Optional.<String>empty(), Optional.of("amount"))) {
        Tabulation.Result want = reference(data, def, vars, leafOf, magnitude, filter);
        Tabulation.Result got = Tabulation.tabulate(data, def, vars, leafOf, magnitude, filter);
        String what = "seed " + seed + ", " + vars + ", maps " + leafOf.keySet() + ", magnitude " + magnitude;
        assertEquals(want.rowsRead(), got.rowsRead(), what);
        assertEquals(want.rowsLeftOut(), got.rowsLeftOut(), what);
        assertArrayEquals(want.cellOfRow(), got.cellOfRow(), what);
        for (int i = 0; i < want.table().innerCellCount(); i++) {
          assertEquals(want.table().innerValue(i), got.table().innerValue(i), what + ", cell " + i);
          if (magnitude.isPresent()) {
            assertArrayEquals(want.table().contributions(i), got.table().contributions(i), what + ", cell " + i);
          }
        }
      }
    }
  }
}
