package org.ctdc.deid.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/** Violations never show identifier or free-text values, even when a specification names them as QIs. */
class VerifierWithheldValuesTest {

  private static Dataset release() {
    Schema s = Schema.builder("r", "1")
        .add(Variable.builder("caseId", VariableKind.IDENTIFIER).build())
        .add(Variable.builder("notes", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("g", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b")).build())
        .build();
    Dataset.Appender a = Dataset.appender(s);
    a.setText(0, "Jane Roe").setText(1, "lives at 4 Elm St").setCode(2, 0).endRow();
    a.setText(0, "John Doe").setMissing(1, org.ctdc.schema.MissingReason.UNKNOWN).setCode(2, 0).endRow();
    return a.build();
  }

  @Test
  void identifierAndFreeTextQuasiIdentifiersAreWithheldInClassValues() {
    VerificationResult r = Verifier.verify(release(),
        VerificationSpec.builder().quasiIdentifiers(List.of("caseId", "notes", "g")).k(2).build());
    assertFalse(r.passed());
    assertEquals(List.of(Violation.WITHHELD, Violation.WITHHELD, "a"), r.violations().get(0).classValues());
    assertEquals(List.of(Violation.WITHHELD, Violation.MISSING, "a"), r.violations().get(1).classValues());
    String shown = r.toString() + r.violations();
    assertFalse(shown.contains("Roe") || shown.contains("Doe") || shown.contains("Elm"), shown);
  }
}
