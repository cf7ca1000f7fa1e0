package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/** A quasi-identifier value missing from its hierarchy is located by column and row, never quoted. */
class UncoveredValueMessageTest {

  @Test
  void aValueTheHierarchyLacksIsNamedByColumnAndRowNotByValue() {
    // as an inferred schema reads a file: the value set is the file's own values, one of them a name
    Schema s = Schema.builder("inferred-like", "inferred")
        .add(Variable.builder("city", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("Lyon", "Jane Roe", "Paris"))
            .build())
        .build();
    Dataset.Appender a = Dataset.appender(s);
    for (int code : new int[] {0, 2, 1, 0}) {
      a.setCode(0, code).endRow();
    }
    DeidConfig config = DeidConfig.builder().quasiIdentifier("city", Hierarchies.flat("city", List.of("Lyon", "Paris")))
        .model(new PrivacyModel.KAnonymity(1)).build();
    HierarchyException e = assertThrows(HierarchyException.class, () -> Deidentifier.of(config).run(a.build()));
    assertTrue(e.getMessage().contains("'city' (row 3)"), e.getMessage());
    assertFalse(e.getMessage().contains("Jane"), e.getMessage());
  }
}
