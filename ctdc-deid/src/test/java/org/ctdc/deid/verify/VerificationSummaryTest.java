package org.ctdc.deid.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The one-line summary of a verification, checked whole on the 7-record example generalised to the top
 * node (2, 1, 5): one class of 7 records, every level known; 10 original rows, so 3 records were removed.
 */
class VerificationSummaryTest {
  private static final Dataset TOP = VerifierTest.node(VerifierTest.SEVEN, 2, 1, 5);

  @Test
  void aPassingReleaseListsRowsClassesSmallestClassSuppressionAndLevels() {
    VerificationResult r = Verifier.verify(TOP, VerifierTest.example().suppressionLimit(0.3, 10).build());
    assertEquals("PASSED: 7 rows, 1 classes, smallest 7, suppressed records 3 of 3 allowed,"
        + " levels {age=2,gender=1,zipcode=5}", r.summary());
    assertEquals(r.summary(), r.toString());
  }

  @Test
  void withoutASuppressionLimitTheSummaryNamesNoAllowance() {
    VerificationResult r = Verifier.verify(TOP, VerifierTest.example().build());
    assertEquals("PASSED: 7 rows, 1 classes, smallest 7, suppressed records 0,"
        + " levels {age=2,gender=1,zipcode=5}", r.summary());
  }

  @Test
  void aFailingReleaseAlsoCountsItsViolationsPerRule() {
    VerificationResult r = Verifier.verify(TOP, VerifierTest.example().suppressionLimit(0.29, 10).build());
    assertEquals("FAILED: 7 rows, 1 classes, smallest 7, suppressed records 3 of 2 allowed,"
        + " levels {age=2,gender=1,zipcode=5}; violations: suppression-limit 1",
        r.summary());
  }
}
