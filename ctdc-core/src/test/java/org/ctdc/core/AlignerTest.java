package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

class AlignerTest {

  /** A small target schema: year, a source constant, gender, two flags and their joined labels, age. */
  static Schema schema() {
    return Schema.builder("mini", "1")
        .add(Variable.builder("year", VariableKind.YEAR).minimum(2000).maximum(2030).build())
        .add(Variable.builder("source", VariableKind.CATEGORICAL).values("Hotline", "Case Management").build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values("Female", "Male").build())
        .add(Variable.builder("labour", VariableKind.FLAG).build())
        .add(Variable.builder("sex", VariableKind.FLAG).build())
        .add(Variable.builder("marriage", VariableKind.FLAG).build())
        .add(Variable.builder("types", VariableKind.CATEGORICAL).multiValued(true)
            .values("Labour", "Sex", "Marriage")
            .derivation(new org.ctdc.schema.Derivation(
                org.ctdc.schema.DerivationKind.JOINED_LABELS, List.of("labour", "sex", "marriage")))
            .build())
        .add(Variable.builder("ageBroad", VariableKind.ORDERED_BAND)
            .values("0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+").build())
        .add(Variable.builder("majority", VariableKind.CATEGORICAL).values("Adult", "Minor")
            .derivation(new org.ctdc.schema.Derivation(
                org.ctdc.schema.DerivationKind.MAJORITY_FROM_AGE_BAND, List.of("ageBroad")))
            .build())
        .build();
  }

  static AlignmentSpec spec() {
    return AlignmentSpec.builder("mini-spec", schema())
        .partner("p1")
        .identifierColumns(List.of("id"))
        .freeTextColumns(List.of("name"))
        .rule(TargetRule.mapped("year").from("date").normalize("year"))
        .constant("source", "Hotline")
        .map("gender", "sex_of_person", Map.of("F", "Female", "M", "Male", "woman", "Female"))
        .rule(TargetRule.flagWhen("labour").from("type").split(true).when("Labor").unknownWhen("Not Specified"))
        .rule(TargetRule.flagWhen("sex").from("type").split(true).when("Sex").unknownWhen("Not Specified"))
        .notCollected("marriage")
        .rule(TargetRule.age("ageBroad").exact("age").maximum(110))
        .build();
  }

  static Map<String, String> row(String id, String name, String date, String sex, String type, String age) {
    Map<String, String> m = new HashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("date", date);
    m.put("sex_of_person", sex);
    m.put("type", type);
    m.put("age", age);
    return m;
  }

  @Test
  void alignsMapsThroughEveryRuleKind() {
    List<Map<String, String>> rows =
        List.of(
            row("1", "A B", "2019-03-01", "F", "Labor;Sex", "17"),
            row("2", "C D", "2020", " woman ", "Sex", "30"),
            row("3", "E F", "2021", "-99", "Not Specified", ""));
    AlignmentResult r = Aligner.of(spec()).align(rows, "rows");
    Dataset d = r.dataset();
    assertEquals(3, d.rowCount());
    assertEquals(0, r.report().rowsRejected());
    assertEquals(2019, d.intValue(0, d.column("year")));
    assertEquals("Hotline", d.token(0, d.column("source")));
    assertEquals("Female", d.token(1, d.column("gender")));
    assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(2, d.column("gender")));
    assertEquals(1, d.code(0, d.column("labour")));
    assertEquals(0, d.code(1, d.column("labour")));
    assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(2, d.column("labour")));
    assertEquals(Optional.of(MissingReason.NOT_COLLECTED), d.missingReason(0, d.column("marriage")));
    assertEquals(0b011L, d.codeSet(0, d.column("types")));
    assertEquals(0b010L, d.codeSet(1, d.column("types")));
    assertEquals("9--17", d.token(0, d.column("ageBroad")));
    assertEquals("Minor", d.token(0, d.column("majority")));
    assertEquals("Adult", d.token(1, d.column("majority")));
    assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(2, d.column("majority")));
    assertEquals(List.of("id", "name"), r.report().droppedColumns().stream().sorted().toList());
    AlignmentReport.TargetCoverage g = r.report().target("gender");
    assertEquals(2, g.values());
    assertEquals(2.0 / 3, g.coverage(), 1e-9);
  }

  @Test
  void lenientModeRejectsBadRowsAndContinues() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row("" + i, "x", "2019", i == 3 ? "Q" : "F", "Sex", i == 6 ? "130" : "20"));
    }
    AlignmentReport rep = Aligner.of(spec()).align(rows, "rows").report();
    assertEquals(10, rep.rowsRead());
    assertEquals(8, rep.rowsAligned());
    assertEquals(rep.rowsRead(), rep.rowsAligned() + rep.rowsRejected());
    assertEquals(2, rep.rejects().size());
    AlignmentReport.RejectGroup unmapped = rep.rejects().get(0);
    assertEquals(RejectReason.UNMAPPED_VALUE, unmapped.reason());
    assertEquals("sex_of_person", unmapped.column());
    assertEquals("gender", unmapped.target());
    assertEquals(List.of(4L), unmapped.rows());
    AlignmentReport.RejectGroup age = rep.rejects().get(1);
    assertEquals(RejectReason.IMPOSSIBLE_AGE, age.reason());
    assertEquals(List.of(7L), age.rows());
    assertFalse(rep.stoppedEarly());
  }

  @Test
  void strictModeStopsAtTheFirstError() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row("" + i, "x", "2019", i == 3 || i == 5 ? "Q" : "F", "Sex", "20"));
    }
    AlignmentReport rep =
        Aligner.builder(spec()).mode(AlignmentMode.STRICT).build().align(rows, "rows").report();
    assertEquals(4, rep.rowsRead());
    assertEquals(3, rep.rowsAligned());
    assertEquals(1, rep.rowsRejected());
    assertTrue(rep.stoppedEarly());
  }

  @Test
  void csvWithBomCrlfQuotesAndRaggedRows() {
    String csv =
        "\uFEFFid,name,date,sex_of_person,type,age\r\n"
            + "1,\"Doe, Jane\",2019,F,Sex,20\r\n"
            + "2,x,2019,M\r\n"
            + "\r\n"
            + "3,x,2019,M,Labor,40,extra\r\n"
            + "4,x,2019,M,\"Labor;Sex\",40\r\n";
    AlignmentResult r = Aligner.of(spec()).alignCsv(new StringReader(csv), "in.csv");
    AlignmentReport rep = r.report();
    assertEquals(4, rep.rowsRead());
    assertEquals(2, rep.rowsAligned());
    assertEquals(RejectReason.MISSING_FIELDS, rep.rejects().get(0).reason());
    assertEquals(List.of(2L), rep.rejects().get(0).rows());
    assertEquals(RejectReason.EXTRA_FIELDS, rep.rejects().get(1).reason());
    assertEquals(List.of(3L), rep.rejects().get(1).rows());
    assertEquals(0b011L, r.dataset().codeSet(1, r.dataset().column("types")));
  }

  @Test
  void csvHeaderWithoutAColumnTheSpecReadsIsAnErrorNamingTheColumn() {
    String csv = "id,name,date,type,age\n1,x,2019,Sex,20\n";
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> Aligner.of(spec()).alignCsv(new StringReader(csv), "in.csv"));
    assertTrue(e.getMessage().contains("in.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("sex_of_person"), e.getMessage());
  }

  @Test
  void jsonLinesWithArraysNullsAndMalformedLines() {
    String jl =
        "{\"id\":1,\"name\":\"A\",\"date\":2019,\"sex_of_person\":\"F\",\"type\":[\"Labor\",\"Sex\"],\"age\":25}\n"
            + "not json\n"
            + "\n"
            + "{\"id\":2,\"date\":\"2020\",\"sex_of_person\":null,\"type\":\"Sex\",\"age\":null}\n";
    AlignmentResult r = Aligner.of(spec()).alignJsonLines(new StringReader(jl), "in.jsonl");
    assertEquals(3, r.report().rowsRead());
    assertEquals(2, r.report().rowsAligned());
    assertEquals(RejectReason.MALFORMED_ROW, r.report().rejects().get(0).reason());
    assertEquals(List.of(2L), r.report().rejects().get(0).rows());
    assertEquals(0b011L, r.dataset().codeSet(0, r.dataset().column("types")));
    assertTrue(r.dataset().isMissing(1, r.dataset().column("gender")));
  }

  @Test
  void unmappedValuesAreShownOnlyWhenCodeLikeAndSeenAtLeastKTimes() {
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(row("1", "x", "2019", "F", "Forced Begging", "20"));
    rows.add(row("2", "x", "2019", "F", "Forced Begging", "20"));
    rows.add(row("3", "x", "2019", "F", "12 Canary Road 55512", "20"));
    rows.add(row("4", "x", "2019", "F", "Sex", "20"));
    AlignmentReport rep = Aligner.builder(spec()).showValuesSeenAtLeast(2).build().align(rows, "rows").report();
    AlignmentReport.TargetCoverage labour = rep.target("labour");
    assertEquals(List.of(new AlignmentReport.ValueCount("Forced Begging", 2)), labour.unmapped());
    assertEquals(1, labour.unmappedWithheld());
    assertEquals(1, labour.unmappedWithheldDistinct());
    assertFalse(rep.toJson().contains("Canary"));
    // under the default k = 11 neither is shown, both are counted
    AlignmentReport.TargetCoverage byDefault = Aligner.of(spec()).align(rows, "rows").report().target("labour");
    assertEquals(List.of(), byDefault.unmapped());
    assertEquals(3, byDefault.unmappedWithheld());
    assertEquals(2, byDefault.unmappedWithheldDistinct());
    assertEquals(3, rep.rowsRejected());
  }

  @Test
  void everyOccurrenceIsCountedWhenThereAreMoreDistinctValuesThanTheCachesHold() {
    List<Map<String, String>> rows = new ArrayList<>();
    int distinct = 12_000;
    for (int i = 0; i < 2 * distinct; i++) {
      // unmapped genders, each seen twice, far apart: more than the resolution cache holds (8,192)
      rows.add(row("" + i, "x", "2019", "G" + (i % distinct), "Sex", "20"));
    }
    AlignmentReport rep =
        Aligner.builder(spec()).mode(AlignmentMode.LENIENT).showValuesSeenAtLeast(2).build().align(rows, "rows")
            .report();
    assertEquals(2L * distinct, rep.rowsRejected());
    AlignmentReport.TargetCoverage gender = rep.target("gender");
    long counted = gender.unmappedWithheld();
    for (AlignmentReport.ValueCount v : gender.unmapped()) {
      assertEquals(2, v.count(), v.value());
      counted += v.count();
    }
    assertEquals(2L * distinct, counted);
    assertEquals(10_000, gender.unmapped().size());
  }
}
