package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/** Risk and utility before and after in the report; plan() lists dropped and pseudonymised variables. */
class DeidReportRiskTest {

  @Test
  void theSevenRecordExampleReportsRiskBeforeAndAfter() throws Exception {
    DeidReport rep = Deidentifier.of(SevenRecordExampleTest.config().build()).run(SevenRecordExampleTest.data()).report();
    DeidReport.RiskSummary before = rep.riskBefore().orElseThrow();
    assertEquals(7, before.records());
    assertEquals(7, before.classes());
    assertEquals(Map.of(1, 7L), before.classSizeHistogram());
    assertEquals(7, before.sampleUniques());
    assertEquals(3, before.smallClassThreshold(), "the threshold defaults to k");
    assertEquals(7, before.recordsInSmallClasses());
    assertEquals(1.0, before.maxProsecutorRisk());
    assertEquals(1.0, before.averageProsecutorRisk());
    assertEquals(1.0, before.shareAboveRiskThreshold());
    assertEquals(1.0, before.globalRisk(), 1e-12);

    // node (2,0,3): the classes are the genders, 4 male and 3 female
    DeidReport.RiskSummary after = rep.riskAfter().orElseThrow();
    assertEquals(7, after.records());
    assertEquals(2, after.classes());
    assertEquals(Map.of(3, 1L, 4, 1L), after.classSizeHistogram());
    assertEquals(0, after.sampleUniques());
    assertEquals(0, after.recordsInSmallClasses());
    assertEquals(1.0 / 3, after.maxProsecutorRisk(), 1e-12);
    assertEquals(2.0 / 7, after.averageProsecutorRisk(), 1e-12);
    assertEquals(7, after.recordsAboveRiskThreshold(), "1/3 and 1/4 exceed the default 0.1");
    assertEquals(2.0 / 7, after.globalRisk(), 1e-12);
    assertEquals(Map.of("age", 0L, "gender", 0L, "zipcode", 0L), rep.cellsSuppressed());

    String json = rep.toJson();
    JsonNode j = new ObjectMapper().readTree(json);
    assertEquals(3, j.get("layout").asInt());
    assertEquals(7, j.get("risk").get("before").get("sampleUniques").asInt());
    assertEquals(1, j.get("risk").get("after").get("classSizeHistogram").get("4").asInt());
    assertEquals("NONE", j.get("configuration").get("localSuppression").asText());
    assertEquals(0, j.get("result").get("totalCellsSuppressed").asInt());
    for (String value : List.of("81667", "81931", "female", "34")) {
      assertFalse(json.contains("\"" + value + "\""), "no record value in the report: " + value);
    }
  }

  @Test
  void localSuppressionCountsCellsPerQuasiIdentifierInTheReport() throws Exception {
    DeidReport rep = Deidentifier.of(SevenRecordExampleTest.config().localSuppression(LocalSuppressionMode.ALONE).build()).run(SevenRecordExampleTest.data()).report();
    long total = rep.cellsSuppressed().values().stream().mapToLong(Long::longValue).sum();
    assertTrue(total > 0);
    assertEquals(7, rep.releasedRecords());
    assertTrue(rep.riskAfter().orElseThrow().missingAsWildcard());
    assertTrue(rep.riskAfter().orElseThrow().sampleUniques() == 0);
    assertTrue(rep.riskBefore().orElseThrow().missingAsWildcard(), "before and after are read under one rule");
    JsonNode j = new ObjectMapper().readTree(rep.toJson());
    assertEquals(total, j.get("result").get("totalCellsSuppressed").asLong());
    assertEquals("ALONE", j.get("configuration").get("localSuppression").asText());
  }

  static Dataset people() {
    Schema s = Schema.builder("people", "1")
        .add(Variable.builder("name", VariableKind.IDENTIFIER).build())
        .add(Variable.builder("note", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("age", VariableKind.COUNT).build())
        .add(Variable.builder("g", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b")).build())
        .build();
    Dataset.Appender a = Dataset.appender(s);
    int[] ages = {3, 16, 17, 19, 25, 40, 50, 70, 95, 101, 30, 33};
    for (int i = 0; i < ages.length; i++) {
      a.setText(0, "P" + i).setText(1, "note " + i).setInt(2, ages[i]).setCode(3, i % 2).endRow();
    }
    return a.build();
  }

  @Test
  void planListsTheDroppedAndPseudonymisedVariablesWithoutMeasuringRisk() {
    Dataset d = people();
    DeidConfig.Builder b = DeidConfig.builder().quasiIdentifier("age", SchemaHierarchies.exactAge(d, "age")).k(2);
    DeidReport plan = Deidentifier.of(b.build()).plan(d);
    assertEquals(List.of("name", "note"), plan.droppedVariables());
    assertEquals(List.of(), plan.pseudonymisedVariables());
    assertTrue(plan.riskBefore().isEmpty() && plan.riskAfter().isEmpty());
    DeidConfig keyed = b.pseudonymKey("partner-held secret key 0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .build();
    DeidReport plan2 = Deidentifier.of(keyed).plan(d);
    assertEquals(List.of("note"), plan2.droppedVariables());
    assertEquals(List.of("name"), plan2.pseudonymisedVariables());
    DeidReport run = Deidentifier.of(keyed).run(d).report();
    assertEquals(run.droppedVariables(), plan2.droppedVariables());
    assertEquals(run.pseudonymisedVariables(), plan2.pseudonymisedVariables());
  }

  @Test
  void topAndBottomCodingRecodeTheInputBeforeTheSearch() {
    Dataset d = people();
    DeidConfig c = DeidConfig.builder().quasiIdentifier("age", SchemaHierarchies.exactAge(d, "age"))
        .quasiIdentifier("g", Hierarchies.flat("g", List.of("a", "b"))).k(2).suppressionLimit(0.5)
        .topCode("age", 66).bottomCode("age", 9).build();
    DeidResult r = Deidentifier.of(c).run(d);
    assertEquals(Map.of("age", 4L), r.report().recodedCells(), "3 below 9; 70, 95 and 101 above 66");
    assertEquals(List.of("top(age, 66)", "bottom(age, 9)"), r.report().codings(), "in the order applied");
    assertEquals(12, r.report().riskBefore().orElseThrow().classes(), "risk before is read before coding");
    assertTrue(Verifier.verify(r.release(), r.verificationSpec()).passed());
    Hierarchy h = SchemaHierarchies.exactAge(d, "age");
    int col = r.release().column("age");
    int level = r.report().level("age");
    for (int row = 0; row < r.release().rowCount(); row++) {
      String t = r.release().token(row, col);
      assertTrue(h.labels(level).contains(t));
      assertFalse(level == 0 && (Integer.parseInt(t) > 66 || Integer.parseInt(t) < 9));
    }
  }

  @Test
  void codingAVariableThatIsNotACountIsAConfigurationError() {
    DeidConfig c = DeidConfig.builder().quasiIdentifier("g", Hierarchies.flat("g", List.of("a", "b"))).k(2)
        .topCode("g", 1).build();
    DeidException e = org.junit.jupiter.api.Assertions.assertThrows(DeidException.class,
        () -> Deidentifier.of(c).run(people()));
    assertTrue(e.getMessage().contains("top(g, 1)"), e.getMessage());
  }
}
