package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the report says, per quasi-identifier, the level chosen, its name, the height, and the share of
 * distinct values kept: distinct released values / distinct input values, both over the released records.
 */
class Issue15InformationKeptTest {

  private static long distinctInColumn(int col) {
    return Arrays.stream(SevenRecordExampleTest.ROWS).map(r -> r[col]).distinct().count();
  }

  @Test
  void issue15_theSevenRecordExampleReportsLevelNamesAndDistinctShares() throws Exception {
    DeidReport rep = Deidentifier.of(SevenRecordExampleTest.config().metric(Metric.PRECISION).build()).run(SevenRecordExampleTest.data()).report();
    // node (2, 0, 3): age to *, gender kept, zipcode to 81***
    DeidReport.QiLevel age = rep.quasiIdentifiers().get(0);
    DeidReport.QiLevel gender = rep.quasiIdentifiers().get(1);
    DeidReport.QiLevel zip = rep.quasiIdentifiers().get(2);
    assertEquals("level 2", age.levelName(), "Hierarchy.of names its levels level 0, level 1, ...");
    assertTrue(age.atTop());
    assertEquals(distinctInColumn(0), age.distinctInput());
    assertEquals(1, age.distinctReleased());
    assertEquals(1.0 / distinctInColumn(0), age.distinctShareKept(), 1e-12);
    assertEquals("value", gender.levelName());
    assertFalse(gender.atTop());
    assertEquals(distinctInColumn(1), gender.distinctReleased());
    assertEquals(1.0, gender.distinctShareKept());
    assertEquals("3 masked", zip.levelName());
    assertEquals(distinctInColumn(2), zip.distinctInput());
    assertEquals(1, zip.distinctReleased());

    JsonNode j = new ObjectMapper().readTree(rep.toJson());
    assertEquals(3, j.get("layout").asInt());
    JsonNode kept = j.get("result").get("informationKept");
    assertEquals(3, kept.size());
    assertEquals("zipcode", kept.get(2).get("name").asText());
    assertEquals(3, kept.get(2).get("level").asInt());
    assertEquals(5, kept.get(2).get("height").asInt());
    assertEquals("3 masked", kept.get(2).get("levelName").asText());
    assertFalse(kept.get(2).get("atTop").asBoolean());
    assertEquals(distinctInColumn(2), kept.get(2).get("distinctInput").asLong());
    assertEquals(1, kept.get(2).get("distinctReleased").asLong());
    assertEquals(1.0 / distinctInColumn(2), kept.get(2).get("distinctShareKept").asDouble(), 1e-12);
    assertTrue(kept.get(0).get("atTop").asBoolean());
  }

  /** Ten records a, ten b, one c; k = 3 with one record allowed to go: c is suppressed, not counted. */
  @Test
  void issue15_suppressedRecordsAreLeftOutOfBothCounts() {
    Schema s = Schema.builder("issue15", "1")
        .add(Variable.builder("x", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b", "c")).build()).build();
    Dataset.Appender a = Dataset.appender(s);
    for (int i = 0; i < 21; i++) {
      a.setCode(0, i < 10 ? 0 : i < 20 ? 1 : 2).endRow();
    }
    Dataset data = a.build();
    DeidConfig cfg = DeidConfig.builder().quasiIdentifier("x", Hierarchies.flat("x", List.of("a", "b", "c")))
        .k(3).suppressionLimit(0.05).metric(Metric.LOSS).build();
    DeidReport run = Deidentifier.of(cfg).run(data).report();
    assertEquals(1, run.recordsSuppressed());
    DeidReport.QiLevel x = run.quasiIdentifiers().get(0);
    assertEquals(0, x.level());
    assertEquals(2, x.distinctInput(), "c's record is suppressed");
    assertEquals(2, x.distinctReleased());
    assertEquals(1.0, x.distinctShareKept());
    // plan() computes the same figures without writing a release
    assertEquals(run.quasiIdentifiers(), Deidentifier.of(cfg).plan(data).quasiIdentifiers());
  }

  @Test
  void issue15_planAndRunAgreeOnTheSampleWithSchemaLevelNames() {
    Dataset data = org.ctdc.samples.CtdcLikeData.generate(3_000, 15);
    DeidConfig cfg = SchemaHierarchies.ctdcDefaults(data).build();
    DeidReport run = Deidentifier.of(cfg).run(data).report();
    assertEquals(run.quasiIdentifiers(), Deidentifier.of(cfg).plan(data).quasiIdentifiers());
    for (DeidReport.QiLevel q : run.quasiIdentifiers()) {
      Hierarchy h = cfg.hierarchies().get(cfg.quasiIdentifiers().indexOf(q.name()));
      assertEquals(h.levelName(q.level()), q.levelName());
      assertTrue(q.distinctReleased() <= q.distinctInput(), q.toString());
      assertTrue(q.distinctShareKept() >= 0 && q.distinctShareKept() <= 1, q.toString());
    }
  }
}
