package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/** The 7-record example of issue 4 (after the textbook example of Sweeney and of ARX's documentation). */
class SevenRecordExampleTest {

  static final String[][] ROWS = {
    {"34", "male", "81667"}, {"45", "female", "81675"}, {"66", "male", "81925"}, {"70", "female", "81931"},
    {"34", "female", "81931"}, {"70", "male", "81931"}, {"45", "male", "81931"}
  };

  static Dataset data() {
    Schema s = Schema.builder("seven", "1")
        .add(Variable.builder("age", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("34", "45", "66", "70")).build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("male", "female")).build())
        .add(Variable.builder("zipcode", VariableKind.CATEGORICAL)
            .values(ValueSet.ofCodes("81667", "81675", "81925", "81931")).build())
        .build();
    Dataset.Appender a = Dataset.appender(s);
    for (String[] r : ROWS) {
      for (int c = 0; c < 3; c++) {
        a.setCode(c, s.variables().get(c).values().indexOf(r[c]));
      }
      a.endRow();
    }
    return a.build();
  }

  static DeidConfig.Builder config() {
    Hierarchy age = Hierarchy.of("age", List.of(
        List.of("34", "<50", "*"), List.of("45", "<50", "*"), List.of("66", ">=50", "*"), List.of("70", ">=50", "*")));
    return DeidConfig.builder()
        .quasiIdentifier("age", age)
        .quasiIdentifier("gender", Hierarchies.flat("gender", List.of("male", "female")))
        .quasiIdentifier("zipcode", Hierarchies.masking("zipcode", List.of("81667", "81675", "81925", "81931")))
        .k(3)
        .suppressionLimit(0);
  }

  @Test
  void minimalSatisfyingNodesAre113And203() {
    DeidResult r = Deidentifier.of(config().classifyLattice(true).build()).run(data());
    List<LatticeNode> nodes = r.lattice();
    assertEquals(3 * 2 * 6, nodes.size());
    List<List<Integer>> feasible = new ArrayList<>();
    for (LatticeNode n : nodes) {
      assertTrue(n.status() != LatticeNode.Status.UNKNOWN, "every node classified");
      if (n.status() == LatticeNode.Status.FEASIBLE) {
        feasible.add(n.levels());
      }
    }
    List<List<Integer>> minimal = new ArrayList<>();
    for (List<Integer> f : feasible) {
      boolean hasFeasibleBelow = false;
      for (List<Integer> g : feasible) {
        if (!g.equals(f) && leq(g, f)) {
          hasFeasibleBelow = true;
        }
      }
      if (!hasFeasibleBelow) {
        minimal.add(f);
      }
    }
    assertEquals(List.of(List.of(1, 1, 3), List.of(2, 0, 3)), minimal);
  }

  @Test
  void precisionOptimalNodeIs203() {
    DeidResult r = Deidentifier.of(config().metric(Metric.PRECISION).build()).run(data());
    assertEquals(List.of(2, 0, 3), r.levels());
    assertTrue(r.optimal());
    assertEquals(0, r.report().recordsSuppressed());
    assertEquals(7, r.release().rowCount());
    Dataset rel = r.release();
    int zip = rel.column("zipcode");
    int age = rel.column("age");
    assertEquals("81***", rel.token(0, zip));
    assertEquals("*", rel.token(0, age));
    assertEquals("male", rel.token(0, rel.column("gender")));
    assertEquals(List.of("81***"),
        rel.variable(zip).values().codes().stream().map(org.ctdc.schema.Code::code).toList());
  }

  @Test
  void withoutSuppressionEveryRecordIsReleased() {
    for (Metric m : Metric.values()) {
      DeidResult r = Deidentifier.of(config().metric(m).build()).run(data());
      assertEquals(7, r.release().rowCount(), m.name());
    }
  }

  private static boolean leq(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) > b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
