package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/**
 * Classes exactly at the bound of a sensitive-attribute model satisfy it: entropy l-diversity with
 * entropy exactly ln l, t-closeness with distance exactly t (both with a documented 1e-12 tolerance in the
 * class's favour only).
 */
class SensitiveModelBoundaryTest {

  /** One quasi-identifier g in {a, b} (generalisable to *), one sensitive s in {x, y}. */
  private static Dataset data(String... rows) {
    Schema schema = Schema.builder("boundary", "1")
        .add(Variable.builder("g", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b")).build())
        .add(Variable.builder("s", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("x", "y")).build())
        .build();
    Dataset.Appender a = Dataset.appender(schema);
    for (String r : rows) {
      a.setCode(0, r.charAt(0) == 'a' ? 0 : 1);
      a.setCode(1, r.charAt(1) == 'x' ? 0 : 1);
      a.endRow();
    }
    return a.build();
  }

  private static DeidConfig config(PrivacyModel model) {
    return DeidConfig.builder().quasiIdentifier("g", Hierarchies.flat("g", List.of("a", "b")))
        .model(new PrivacyModel.KAnonymity(1)).model(model).suppressionLimit(0).metric(Metric.PRECISION).build();
  }

  @Test
  void twoEquallyFrequentValuesAreExactlyEntropyTwoDiverse() {
    // each class {x, y}: entropy ln 2
    Dataset d = data("ax", "ay", "bx", "by");
    DeidResult r = Deidentifier.of(config(new PrivacyModel.EntropyLDiversity("s", 2))).run(d);
    assertEquals(List.of(0), r.levels());
    assertEquals(4, r.release().rowCount());
    // a hair above 2 no class (nor the whole table) reaches
    assertThrows(UnsatisfiableModelException.class,
        () -> Deidentifier.of(config(new PrivacyModel.EntropyLDiversity("s", 2.000001))).run(d));
  }

  @Test
  void aClassAtExactlyDistanceTIsTClose() {
    // overall (1/2, 1/2); class a = (1, 0) and class b = (0, 1): each at distance exactly 1/2
    Dataset d = data("ax", "ax", "by", "by");
    DeidResult at = Deidentifier.of(config(PrivacyModel.TCloseness.equalDistance("s", 0.5))).run(d);
    assertEquals(List.of(0), at.levels());
    // a tighter t forces the single class *, at distance 0
    DeidResult below = Deidentifier.of(config(PrivacyModel.TCloseness.equalDistance("s", 0.49))).run(d);
    assertEquals(List.of(1), below.levels());
  }

  @Test
  void aClassAtExactlyHierarchicalDistanceTIsTClose() {
    // with a flat hierarchy {x, y} -> *, the hierarchical distance of (1, 0) from (1/2, 1/2) is 1/2
    Dataset d = data("ax", "ax", "by", "by");
    Hierarchy s = Hierarchies.flat("s", List.of("x", "y"));
    DeidResult at = Deidentifier.of(config(PrivacyModel.TCloseness.hierarchical("s", 0.5, s))).run(d);
    assertEquals(List.of(0), at.levels());
    DeidResult below = Deidentifier.of(config(PrivacyModel.TCloseness.hierarchical("s", 0.49, s))).run(d);
    assertEquals(List.of(1), below.levels());
  }
}
