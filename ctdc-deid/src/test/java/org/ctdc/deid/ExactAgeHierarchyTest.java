package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/** The exact-age hierarchy: exact age → "Age range 1" → ageBroad → majority status → *. */
class ExactAgeHierarchyTest {

  static List<String> path(Hierarchy h, int age) {
    return java.util.stream.IntStream.rangeClosed(0, h.height())
        .mapToObj(l -> h.generalise(Integer.toString(age), l).orElseThrow()).toList();
  }

  @Test
  void agesMapToTheCtdcBands() {
    Hierarchy h = Hierarchies.exactAge("age");
    assertEquals(4, h.height());
    assertEquals(List.of("0", "0--8", "0--8", "Minor", "*"), path(h, 0));
    assertEquals(List.of("8", "0--8", "0--8", "Minor", "*"), path(h, 8));
    assertEquals(List.of("9", "9--11", "9--17", "Minor", "*"), path(h, 9));
    assertEquals(List.of("17", "15--17", "9--17", "Minor", "*"), path(h, 17));
    assertEquals(List.of("18", "18--20", "18--20", "Adult", "*"), path(h, 18));
    assertEquals(List.of("32", "30--32", "30--38", "Adult", "*"), path(h, 32));
    assertEquals(List.of("47", "39--47", "39--47", "Adult", "*"), path(h, 47));
    assertEquals(List.of("48", "48--56", "48+", "Adult", "*"), path(h, 48));
    assertEquals(List.of("65", "57--65", "48+", "Adult", "*"), path(h, 65));
    assertEquals(List.of("66", "66+", "48+", "Adult", "*"), path(h, 66));
    assertEquals(List.of("120", "66+", "48+", "Adult", "*"), path(h, 120));
    assertEquals(15, h.labels(1).size(), "the fifteen Age range 1 bands");
    assertEquals(9, h.labels(2).size(), "the nine ageBroad bands");
  }

  /** Bounds of a band label: {lo, hi}, hi = MAX for an open band. */
  static int[] bounds(String band) {
    if (band.endsWith("+")) {
      return new int[] {Integer.parseInt(band.substring(0, band.length() - 1)), Integer.MAX_VALUE};
    }
    String[] p = band.split("--");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  @Test
  void everyBandContainsItsAgeAndNestsInItsParent() {
    Hierarchy h = Hierarchies.exactAge("age");
    for (int age = 0; age <= Hierarchies.MAX_AGE; age++) {
      List<String> p = path(h, age);
      int[] one = bounds(p.get(1));
      int[] broad = bounds(p.get(2));
      assertTrue(one[0] <= age && age <= one[1], "age " + age + " in " + p.get(1));
      assertTrue(broad[0] <= one[0] && one[1] <= broad[1], p.get(1) + " in " + p.get(2));
      assertEquals(age >= 18 ? "Adult" : "Minor", p.get(3));
      assertTrue(broad[1] < 18 || broad[0] >= 18, p.get(2) + " lies on one side of 18");
    }
  }

  @Test
  void theSchemaBuildsItForACountAndForAgeCodes() {
    Schema s = Schema.builder("a", "1")
        .add(Variable.builder("n", VariableKind.COUNT).build())
        .add(Variable.builder("c", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("17", "30", "71")).build())
        .add(Variable.builder("x", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("old", "young")).build())
        .build();
    Dataset d = Dataset.appender(s).setInt(0, 130).setCode(1, 0).setCode(2, 0).endRow().build();
    Hierarchy counts = SchemaHierarchies.exactAge(d, "n");
    assertEquals(131, counts.leaves().size(), "0 to the largest age present, beyond 120");
    assertEquals("66+", counts.generalise("130", 1).orElseThrow());
    Hierarchy codes = SchemaHierarchies.exactAge(d, "c");
    assertEquals(List.of("17", "30", "71"), codes.leaves());
    assertEquals("Minor", codes.generalise("17", 3).orElseThrow());
    HierarchyException e = assertThrows(HierarchyException.class, () -> SchemaHierarchies.exactAge(d, "x"));
    assertTrue(e.getMessage().contains("row 1") && !e.getMessage().contains("old"), e.getMessage());
    assertThrows(HierarchyException.class, () -> Hierarchies.exactAge("a", List.of("-1")));
  }
}
