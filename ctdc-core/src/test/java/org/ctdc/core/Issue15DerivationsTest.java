package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.MissingReason;
import org.junit.jupiter.api.Test;

/** Issue 15: isSexAndLabour expressible in a spec, and joined labels in the order the schema states. */
class Issue15DerivationsTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = Issue15DerivationsTest.class.getResourceAsStream("issue15/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Dataset kanon(String spec, String csv) throws IOException {
    AlignmentResult r = Aligner.of(Specs.parse(resource(spec), spec)).alignCsv(new StringReader(csv), "t.csv");
    assertEquals(0, r.report().rowsRejected());
    return r.dataset();
  }

  private static String csv(String... types) {
    StringBuilder sb = new StringBuilder("CaseID,RegDate,Gender,Age,Adult,Citizenship,TraffickingType,MeansOfControl,CallerName\n");
    int i = 0;
    for (String t : types) {
      sb.append("C").append(i++).append(",2019-01-01,Female,20,,US,").append(t).append(",,x\n");
    }
    return sb.toString();
  }

  @Test
  void issue15_isSexAndLabourIsSetFromBothFlagsByAllOf() throws IOException {
    Dataset d = kanon("hotline-extract.yaml",
        csv("Sex; Labor", "Labor; Sex", "Sex and Labor", "Sex", "Labor", "Not Specified", "Sex; Not Specified"));
    int c = d.column("isSexAndLabour");
    assertEquals(List.of("1", "1", "1", "0", "0", "-99", "-99"),
        java.util.stream.IntStream.range(0, d.rowCount()).mapToObj(r -> d.token(r, c)).toList());
    assertEquals(MissingReason.UNKNOWN, d.missingReason(5, c).orElseThrow());
    // the labels of the two flags, in the schema's order whatever the order of the source
    int joined = d.column("typeOfExploitConcatenated");
    assertEquals("Forced labour;Sexual exploitation", d.token(0, joined));
    assertEquals("Forced labour;Sexual exploitation", d.token(1, joined));
    // MultiValues.joinLabels in the value set's order gives the column as written
    List<String> order = d.schema().variable("typeOfExploitConcatenated").orElseThrow().values().codes()
        .stream().map(org.ctdc.schema.Code::code).toList();
    assertEquals(d.token(0, joined), org.ctdc.core.normalize.MultiValues.joinLabels(
        java.util.Set.of("Sexual exploitation", "Forced labour"), order, ";"));
    assertEquals("Forced labour;Other", org.ctdc.core.normalize.MultiValues.joinLabels(
        List.of("Other", "Forced labour", "Other"), order, ";"));
    assertThrows(org.ctdc.core.normalize.InvalidValueException.class,
        () -> org.ctdc.core.normalize.MultiValues.joinLabels(List.of("Organ trade"), order, ";"));
  }

  @Test
  void issue15_allOfIsAFlagDerivationOfFlags() {
    String spec = "alignmentFormat: 1\nname: t\ntarget: {schema: ctdc-global-kanon, version: \"2020\"}\n"
        + "rules:\n  - {target: gender, derive: allOf, from: [isSexualExploit, isForcedLabour]}\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(spec, "s.yaml"));
    assertTrue(e.getMessage().contains("rules[0]") && e.getMessage().contains("not a flag"), e.getMessage());
  }

  @Test
  void issue15_aSchemaDerivingAFlagByAllOfIsDerivedWithoutARule() {
    org.ctdc.schema.Schema schema = org.ctdc.schema.Schema.builder("both", "1")
        .add(org.ctdc.schema.Variable.builder("sex", org.ctdc.schema.VariableKind.FLAG).build())
        .add(org.ctdc.schema.Variable.builder("labour", org.ctdc.schema.VariableKind.FLAG).build())
        .add(org.ctdc.schema.Variable.builder("sexAndLabour", org.ctdc.schema.VariableKind.FLAG)
            .derivation(new org.ctdc.schema.Derivation(DerivationKind.ALL_OF, List.of("sex", "labour"))).build())
        .build();
    AlignmentSpec spec = AlignmentSpec.builder("both", schema).map("sex", "s", Map.of()).map("labour", "l", Map.of()).build();
    Dataset d = Aligner.of(spec).align(List.of(row("1", "1"), row("1", "0"), row("1", ""), row("0", "")), "rows").dataset();
    int c = d.column("sexAndLabour");
    // this schema's release format writes 0 and missing alike; the dataset keeps them apart
    assertEquals(List.of("1", "0", "missing", "0"),
        java.util.stream.IntStream.range(0, d.rowCount())
            .mapToObj(r -> d.isMissing(r, c) ? "missing" : Integer.toString(d.code(r, c))).toList());
  }

  private static Map<String, String> row(String labour, String sex) {
    Map<String, String> m = new HashMap<>();
    m.put("date", "2019");
    m.put("g", "Female");
    m.put("l", labour);
    m.put("s", sex);
    return m;
  }

  private static List<String> joined(List<String> from) {
    AlignmentSpec spec = AlignmentSpec.builder("mini", AlignerTest.schema())
        .rule(new TargetRule.Mapped("year", "date", List.of("year"), Map.of(), List.of(), TargetRule.OnUnmapped.REJECT))
        .constant("source", "Hotline")
        .map("gender", "g", Map.of())
        .map("labour", "l", Map.of())
        .map("sex", "s", Map.of())
        .constant("marriage", "1")
        .rule(new TargetRule.Derived("types", DerivationKind.JOINED_LABELS, from))
        .notCollected("ageBroad")
        .build();
    Dataset d = Aligner.of(spec).align(List.of(row("1", "0"), row("0", "1"), row("1", "1")), "rows").dataset();
    int c = d.column("types");
    return java.util.stream.IntStream.range(0, d.rowCount()).mapToObj(r -> d.token(r, c)).toList();
  }

  @Test
  void issue15_joinedLabelsFollowTheSchemaWhateverOrderTheSpecListsItsSources() {
    List<String> expected = List.of("Labour;Marriage", "Sex;Marriage", "Labour;Sex;Marriage");
    assertEquals(expected, joined(List.of("labour", "sex", "marriage")));
    // the same sources in another order: each flag keeps its own label, the written order stays the schema's
    assertEquals(expected, joined(List.of("marriage", "sex", "labour")));
    assertEquals(expected, joined(List.of("sex", "labour", "marriage")));
  }

  @Test
  void issue15_aMultiValuedColumnIsWrittenInTheSchemasOrderNotTheInputs() {
    AlignmentSpec spec = AlignmentSpec.builder("mini", AlignerTest.schema())
        .rule(new TargetRule.Mapped("year", "date", List.of("year"), Map.of(), List.of(), TargetRule.OnUnmapped.REJECT))
        .constant("source", "Hotline")
        .map("gender", "g", Map.of())
        .notCollected("labour", "sex", "marriage", "ageBroad")
        .map("types", "t", Map.of())
        .build();
    Map<String, String> r1 = row("", "");
    r1.put("t", "Marriage;Sex;Labour");
    Map<String, String> r2 = row("", "");
    r2.put("t", "Sex|Labour");
    Dataset d = Aligner.of(spec).align(List.of(r1, r2), "rows").dataset();
    assertEquals("Labour;Sex;Marriage", d.token(0, d.column("types")));
    assertEquals("Labour;Sex", d.token(1, d.column("types")));
  }
}
