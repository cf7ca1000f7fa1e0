package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSchemaExportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema validator(Schema schema) {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JsonSchemaExport.jsonSchema(schema));
  }

  private static ObjectNode row(Map<String, String> values) {
    ObjectNode o = JSON.createObjectNode();
    values.forEach(o::put);
    return o;
  }

  /** A schema with every kind, in the synthetic format (missing is empty, flags 1 or empty). */
  private static Schema everyKind(ReleaseFormat format) {
    return Schema.builder("every-kind", "1")
        .format(format)
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).label("Gender").definition("The gender.")
            .values(ValueSet.of(List.of(new Code("Female", "Female", "", List.of("F")), Code.of("Male"))))
            .build())
        .add(Variable.builder("IP_Gender", VariableKind.CATEGORICAL).multiValued(true).values("Female", "Male")
            .build())
        .add(Variable.builder("flag", VariableKind.FLAG).build())
        .add(Variable.builder("year", VariableKind.YEAR).minimum(2002).maximum(2030).build())
        .add(Variable.builder("openYear", VariableKind.YEAR).minimum(2002).build())
        .add(Variable.builder("count", VariableKind.COUNT).build())
        .add(Variable.builder("text", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("caseId", VariableKind.IDENTIFIER).build())
        .build();
  }

  private static Map<String, String> goodRow() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("gender", "Female");
    m.put("IP_Gender", "Female;Male");
    m.put("flag", "1");
    m.put("year", "2019");
    m.put("openYear", "2019");
    m.put("count", "12");
    m.put("text", "anything, at all");
    m.put("caseId", "X-1");
    return m;
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> m = goodRow();
    m.put(key, value);
    return m;
  }

  private static void assertValid(JsonSchema s, Map<String, String> row) {
    Set<ValidationMessage> errors = s.validate(row(row));
    assertTrue(errors.isEmpty(), () -> row + " -> " + errors);
  }

  private static void assertInvalid(JsonSchema s, Map<String, String> row) {
    assertFalse(s.validate(row(row)).isEmpty(), () -> "accepted " + row);
  }

  @Test
  void validRowsAreAccepted() {
    JsonSchema s = validator(everyKind(ReleaseFormat.CTDC_SYNTHETIC));
    assertValid(s, goodRow());
    assertValid(s, with("IP_Gender", "Male"));
    assertValid(s, with("IP_Gender", "Male;Female"));
    assertValid(s, with("IP_Gender", ""));
    assertValid(s, with("gender", ""));
    assertValid(s, with("gender", "F"));
    assertValid(s, with("flag", ""));
    assertValid(s, with("year", ""));
    assertValid(s, with("year", "2030"));
    assertValid(s, with("openYear", "1999"));
    assertValid(s, with("openYear", ""));
    assertValid(s, with("count", "0"));
    assertValid(s, with("count", ""));
    assertValid(s, with("text", ""));
  }

  @Test
  void faultyRowsAreRejected() {
    JsonSchema s = validator(everyKind(ReleaseFormat.CTDC_SYNTHETIC));
    assertInvalid(s, with("gender", "Robot"));
    assertInvalid(s, with("gender", "female"));
    assertInvalid(s, with("IP_Gender", "Female;Robot"));
    assertInvalid(s, with("IP_Gender", "Female;"));
    assertInvalid(s, with("IP_Gender", "Female; Male"));
    assertInvalid(s, with("IP_Gender", "FemaleMale"));
    assertInvalid(s, with("flag", "0"));
    assertInvalid(s, with("flag", "yes"));
    assertInvalid(s, with("year", "2001"));
    assertInvalid(s, with("year", "20x1"));
    assertInvalid(s, with("openYear", "19999"));
    assertInvalid(s, with("openYear", "-99"));
    assertInvalid(s, with("count", "-1"));
    assertInvalid(s, with("count", "1.5"));
    assertInvalid(s, with("extra", "x"));
    Map<String, String> missingProperty = goodRow();
    missingProperty.remove("year");
    assertInvalid(s, missingProperty);
    ObjectNode number = row(goodRow());
    number.put("count", 12);
    assertFalse(s.validate(number).isEmpty(), "a number is not a string as read from CSV");
  }

  @Test
  void kanonFormatAcceptsItsMissingTokensAndZeroFlags() {
    JsonSchema s = validator(everyKind(ReleaseFormat.CTDC_KANON));
    for (String missing : List.of("-99", "Unknown", "")) {
      assertValid(s, with("gender", missing));
      assertValid(s, with("IP_Gender", missing));
      assertValid(s, with("flag", missing));
      assertValid(s, with("year", missing));
      assertValid(s, with("openYear", missing));
      assertValid(s, with("count", missing));
    }
    assertValid(s, with("flag", "0"));
    assertInvalid(s, with("flag", "00"));
    assertInvalid(s, with("IP_Gender", "Female;-99"));
  }

  @Test
  void documentHasTheDraft2020HeaderAndAllPropertiesRequired() throws Exception {
    Schema schema = everyKind(ReleaseFormat.CTDC_SYNTHETIC);
    JsonNode doc = JSON.readTree(JsonSchemaExport.jsonSchema(schema));
    assertEquals("https://json-schema.org/draft/2020-12/schema", doc.get("$schema").asText());
    assertEquals("https://ctdc-oss.github.io/ctdc/schemas/every-kind/1/release-row.schema.json",
        doc.get("$id").asText());
    assertNotNull(doc.get("title"));
    assertNotNull(doc.get("description"));
    assertEquals("object", doc.get("type").asText());
    assertFalse(doc.get("additionalProperties").asBoolean(true));
    List<String> names = new ArrayList<>();
    doc.get("properties").fieldNames().forEachRemaining(names::add);
    List<String> expected = schema.variables().stream().map(Variable::name).toList();
    assertEquals(expected, names);
    List<String> required = new ArrayList<>();
    doc.get("required").forEach(n -> required.add(n.asText()));
    assertEquals(expected, required);
    JsonNode gender = doc.get("properties").get("gender");
    assertEquals("Gender", gender.get("title").asText());
    assertEquals("The gender.", gender.get("description").asText());
    assertEquals("string", gender.get("type").asText());
    assertEquals(List.of("Female", "F", "Male", ""), texts(gender.get("enum")));
    assertEquals(List.of("1", ""), texts(doc.get("properties").get("flag").get("enum")));
    assertEquals(29 + 1, doc.get("properties").get("year").get("enum").size());
    assertEquals("^(?:(?:Female|Male)(?:;(?:Female|Male))*)?$",
        doc.get("properties").get("IP_Gender").get("anyOf").get(0).get("pattern").asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void outputIsPrettyPrintedAndDeterministic() {
    Schema schema = DiffExportFixtures.victimPerpetrator();
    String a = JsonSchemaExport.jsonSchema(schema);
    assertEquals(a, JsonSchemaExport.jsonSchema(DiffExportFixtures.victimPerpetrator()));
    assertTrue(a.startsWith("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"), a);
    assertTrue(a.endsWith("}\n"));
    assertFalse(a.contains("\r"));
  }

  @Test
  void yearRangeWiderThan200YearsIsAPattern() throws Exception {
    Schema schema = Schema.builder("years", "1")
        .add(Variable.builder("y", VariableKind.YEAR).minimum(1000).maximum(1201).build()).build();
    JsonNode y = JSON.readTree(JsonSchemaExport.jsonSchema(schema)).get("properties").get("y");
    assertEquals("^[0-9]{4}$", y.get("anyOf").get(0).get("pattern").asText());
    assertFalse(y.has("enum"));
  }

  @Test
  void regexSyntaxInCodesIsEscaped() {
    Schema schema = Schema.builder("escapes", "1")
        .add(Variable.builder("m", VariableKind.CATEGORICAL).multiValued(true)
            .values("48+", "Americas/Oceania", "a|b", "(x)", "c.d", "[e]", "f\\g", "h{2}", "^$", "x?*")
            .separator("; ")
            .build())
        .build();
    JsonSchema s = validator(schema);
    for (String ok : List.of("48+", "Americas/Oceania", "a|b", "(x)", "c.d", "[e]", "f\\g", "h{2}", "^$",
        "x?*", "48+; a|b; (x)", "")) {
      assertTrue(s.validate(row(Map.of("m", ok))).isEmpty(), ok);
    }
    for (String bad : List.of("488", "48", "a", "b", "x", "cxd", "e", "fg", "hh", "x", "48+;a|b",
        "Americas")) {
      assertFalse(s.validate(row(Map.of("m", bad))).isEmpty(), bad);
    }
  }

  @Test
  void everySubsetOfCodesJoinedBySeparatorIsAccepted() {
    List<String> codes = List.of("FamilyIntimatePartner", "FriendAcquaintance", "StrangerUnknownOther",
        "0--29", "48+");
    Schema schema = Schema.builder("subsets", "1")
        .add(Variable.builder("m", VariableKind.CATEGORICAL).multiValued(true)
            .values(codes.toArray(String[]::new)).build())
        .build();
    JsonSchema s = validator(schema);
    qt().withExamples(200).forAll(integers().between(0, (1 << codes.size()) - 1), integers().between(0, 4))
        .checkAssert((mask, junkAt) -> {
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < codes.size(); i++) {
            if ((mask & (1 << i)) != 0) {
              parts.add(codes.get(i));
            }
          }
          String value = String.join(";", parts);
          assertTrue(s.validate(row(Map.of("m", value))).isEmpty(), value);
          parts.add(Math.min(junkAt, parts.size()), "Other");
          String bad = String.join(";", parts);
          assertFalse(s.validate(row(Map.of("m", bad))).isEmpty(), bad);
        });
  }

  private static List<Map<String, String>> victimPerpetratorRows() throws Exception {
    try (InputStream in =
        JsonSchemaExportTest.class.getResourceAsStream("/fixtures/ctdc/CTDC_VPsynthetic_condensed.csv")) {
      assertNotNull(in, "fixture missing");
      MappingIterator<Map<String, String>> it = new CsvMapper()
          .readerFor(Map.class)
          .with(CsvSchema.emptySchema().withHeader())
          .readValues(in);
      return it.readAll();
    }
  }

  @Test
  void everyRowOfTheRealVictimPerpetratorFileIsAccepted() throws Exception {
    Schema schema = DiffExportFixtures.victimPerpetrator();
    JsonSchema s = validator(schema);
    List<Map<String, String>> rows = victimPerpetratorRows();
    assertEquals(21_195, rows.size());
    assertEquals(schema.variables().stream().map(Variable::name).toList(), List.copyOf(rows.get(0).keySet()));
    int rejected = 0;
    String firstError = "";
    for (Map<String, String> r : rows) {
      Set<ValidationMessage> errors = s.validate(row(r));
      if (!errors.isEmpty()) {
        if (rejected == 0) {
          firstError = errors.toString();
        }
        rejected++;
      }
    }
    assertEquals(0, rejected, firstError);
  }

  @Test
  void faultyRowsInjectedIntoTheVictimPerpetratorFileAreRejected() throws Exception {
    JsonSchema s = validator(DiffExportFixtures.victimPerpetrator());
    Map<String, String> base = victimPerpetratorRows().get(0);
    assertTrue(s.validate(row(base)).isEmpty());
    List<Map<String, String>> faulty = new ArrayList<>();
    faulty.add(put(base, "yearRegister", "2018"));
    faulty.add(put(base, "gender", "Woman"));
    faulty.add(put(base, "UN_COO_Region", "Oceania"));
    faulty.add(put(base, "isForcedLabour", "0"));
    faulty.add(put(base, "IP_Gender", "Female;Man"));
    faulty.add(put(base, "IP_ageBroad", "0--29;18--20"));
    faulty.add(put(base, "IP_PayMoney", "No,Yes"));
    faulty.add(put(base, "IP_Relation", "-99"));
    faulty.add(put(base, "Datasource", "Case Management"));
    Map<String, String> missingColumn = new LinkedHashMap<>(base);
    missingColumn.remove("IP_Exploiter");
    faulty.add(missingColumn);
    for (Map<String, String> f : faulty) {
      assertFalse(s.validate(row(f)).isEmpty(), () -> "accepted " + f);
    }
  }

  private static Map<String, String> put(Map<String, String> base, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(base);
    m.put(key, value);
    return m;
  }
}
