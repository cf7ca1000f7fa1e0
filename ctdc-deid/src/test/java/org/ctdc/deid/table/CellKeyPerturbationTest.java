package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellKeyPerturbationTest {
  @TempDir Path dir;

  @Test
  void recordKeysAreDeterministicForASeedAndInRange() {
    long[] a = CellKeys.assign(1000, 42);
    assertArrayEquals(a, CellKeys.assign(1000, 42));
    assertFalse(java.util.Arrays.equals(a, CellKeys.assign(1000, 43)));
    for (long k : a) {
      assertTrue(k >= 0 && k < CellKeys.KEY_RANGE);
    }
    assertEquals(0, CellKeys.cellKey(a, new int[0]));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99, 12345})
  void sameRecordsInAnyOrderGiveTheSameCellKeyAndTheSameNoise(long seed) {
    Random rnd = new Random(seed);
    long[] keys = CellKeys.assign(500, seed);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      if (rnd.nextInt(7) == 0) {
        rows.add(i);
      }
    }
    int[] ordered = rows.stream().mapToInt(Integer::intValue).toArray();
    Collections.shuffle(rows, rnd);
    int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
    long key = CellKeys.cellKey(keys, ordered);
    assertEquals(key, CellKeys.cellKey(keys, shuffled));
    long expected = 0;
    for (int r : ordered) {
      expected = (expected + keys[r]) % CellKeys.KEY_RANGE;
    }
    assertEquals(expected, key);
    PerturbationTable pt = PerturbationTable.standard();
    assertEquals(pt.perturb(ordered.length, key), pt.perturb(shuffled.length, CellKeys.cellKey(keys, shuffled)));
  }

  @Test
  void standardTableKeepsZerosAndNeverPublishesOneToJs() {
    PerturbationTable pt = PerturbationTable.standard();
    assertEquals(4, pt.js());
    Random rnd = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      long count = n < 2000 ? n % 40 : rnd.nextInt(1000);
      long key = rnd.nextLong() >>> 32;
      long out = pt.perturb(count, key);
      if (count == 0) {
        assertEquals(0, out);
      }
      assertFalse(out >= 1 && out <= pt.js(), "count " + count + " published as " + out);
      assertTrue(out >= 0 && Math.abs(out - count) <= Math.max(2, count <= 5 ? 5 : 2));
    }
    // Extreme keys pick the first and the last interval.
    assertEquals(0, pt.perturb(1, 0));
    assertEquals(5, pt.perturb(1, CellKeys.KEY_RANGE - 1));
    assertEquals(98, pt.perturb(100, 0));
    assertEquals(102, pt.perturb(100, CellKeys.KEY_RANGE - 1));
  }

  @Test
  void standardTableIsAValidUnbiasedProbabilityTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/main/resources/META-INF/ctdc/ptable/default.csv"));
    BigDecimal[] sum = new BigDecimal[8];
    BigDecimal[] mean = new BigDecimal[8];
    java.util.Arrays.fill(sum, BigDecimal.ZERO);
    java.util.Arrays.fill(mean, BigDecimal.ZERO);
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      int i = Integer.parseInt(f[0]);
      BigDecimal p = new BigDecimal(f[2]);
      sum[i] = sum[i].add(p);
      mean[i] = mean[i].add(p.multiply(new BigDecimal(f[1])));
    }
    for (int i = 0; i < 8; i++) {
      assertEquals(0, sum[i].compareTo(BigDecimal.ONE), "row sum for i = " + i);
      assertEquals(0, mean[i].compareTo(BigDecimal.valueOf(i)), "expected published count for i = " + i);
    }
    PerturbationTable loaded = PerturbationTable.load(Path.of("src/main/resources/META-INF/ctdc/ptable/default.csv"));
    assertEquals(7, loaded.maxCount());
    // Empirical frequencies follow p: count 7 keeps its value for about 70 % of uniform keys.
    Random rnd = new Random(11);
    int same = 0;
    for (int n = 0; n < 10_000; n++) {
      same += loaded.perturb(7, rnd.nextLong() >>> 32) == 7 ? 1 : 0;
    }
    assertTrue(same > 6700 && same < 7300, "share kept " + same);
  }

  @Test
  void userTableInPtableLayoutWithExtraColumnsIsAccepted() throws IOException {
    Path f = write("\"i\",\"j\",\"p\",\"v\",\"p_int_lb\",\"p_int_ub\",\"type\"\n"
        + "0,0,1,0,0,1,all\n1,0,0.5,-1,0,0.5,all\n1,3,0.5,2,0.5,1,all\n2,0,0.25,-2,0,0.25,all\n"
        + "2,3,0.75,1,0.25,1,all\n3,3,1,0,0,1,all\n");
    PerturbationTable pt = PerturbationTable.load(f);
    assertEquals(2, pt.js());
    assertEquals(10, pt.perturb(10, 123));
    assertEquals(3, pt.perturb(1, CellKeys.KEY_RANGE / 2));
    assertEquals(0, pt.perturb(1, CellKeys.KEY_RANGE / 2 - 1));
  }

  @Test
  void malformedTablesAreClearErrorsNamingFileRowAndColumn() throws IOException {
    String head = "i,j,p,v,p_int_lb,p_int_ub\n";
    assertMalformed(head + "0,0,1,0,0,1\n1,1,0.5,0,0,0.5\n1,2,0.4,1,0.5,0.9\n", "row 4", "column 'p_int_ub'");
    assertMalformed(head + "0,0,1,0,0,1\n1,1,0.5,0,0,0.5\n1,2,0.5,1,0.6,1\n", "row 4", "column 'p'");
    assertMalformed(head + "0,0,1,0,0,1\n1,1,0.5,0,0,0.5\n1,2,0.5,1,0.6,1.1\n", "row 4", "column 'p_int_ub'");
    assertMalformed(head + "0,1,1,1,0,1\n", "row 2", "column 'j'");
    assertMalformed(head + "0,0,1,0,0,1\n1,1,x,0,0,1\n", "row 3", "column 'p'");
    assertMalformed(head + "0,0,1,0,0,1\n1,2,1,0,0,1\n", "row 3", "column 'v'");
    assertMalformed(head + "0,0,1,0,0,1\n2,2,1,0,0,1\n", "row 3", "column 'i'");
    assertMalformed("i,j,p,v,p_int_lb\n0,0,1,0,0\n", "row 1", "missing column 'p_int_ub'");
    assertMalformed(head + "0,0,1,0,0,1\n1,1,1,0,0\n", "row 3", "fields");
  }

  @Test
  void invalidArgumentsToPerturbAndCellKeyAreRejected() {
    PerturbationTable pt = PerturbationTable.standard();
    assertThrows(IllegalArgumentException.class, () -> pt.perturb(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> pt.perturb(1, CellKeys.KEY_RANGE));
    assertThrows(IllegalArgumentException.class, () -> CellKeys.cellKey(new long[] {1}, new int[] {1}));
    assertThrows(IllegalArgumentException.class, () -> CellKeys.cellKey(new long[] {-1}, new int[] {0}));
    assertThrows(IllegalArgumentException.class, () -> CellKeys.assign(-1, 0));
  }

  private void assertMalformed(String csv, String row, String column) throws IOException {
    Path f = write(csv);
    PerturbationTableException e = assertThrows(PerturbationTableException.class, () -> PerturbationTable.load(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(row)
        && e.getMessage().contains(column), e.getMessage());
  }

  private Path write(String csv) throws IOException {
    Path f = dir.resolve("ptable.csv");
    Files.writeString(f, csv);
    return f;
  }
}
