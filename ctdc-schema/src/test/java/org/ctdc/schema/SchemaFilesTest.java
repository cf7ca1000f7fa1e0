package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaFilesTest {

  static Schema everyFeature() {
    ValueSet regions =
        ValueSet.named(
            "unRegion",
            List.of(
                new Code("Africa", "Africa", "UN M49 region.", List.of()),
                new Code("Americas/Oceania", "Americas and Oceania", "", List.of("Americas"))));
    return Schema.builder("test-schema", "1.0")
        .description("A schema exercising every feature.")
        .sources(List.of("written for the tests"))
        .notes(List.of("a note"))
        .format(ReleaseFormat.CTDC_KANON)
        .add(Variable.builder("year", VariableKind.YEAR).minimum(2002).maximum(2030).role(Role.QUASI_IDENTIFIER).build())
        .add(
            Variable.builder("gender", VariableKind.CATEGORICAL)
                .label("Gender")
                .definition("Gender of the person.")
                .values(ValueSet.of(List.of(new Code("Female", "Female", "", List.of("F", "female")), Code.of("Male"))))
                .role(Role.QUASI_IDENTIFIER)
                .note("Collected from 2017.")
                .build())
        .add(Variable.builder("band", VariableKind.ORDERED_BAND).values("0--8", "9--17", "18+").build())
        .add(Variable.builder("coo", VariableKind.COUNTRY).values(regions).previousNames(List.of("citizenship")).build())
        .add(Variable.builder("coe", VariableKind.COUNTRY).values(regions).multiValued(true).separator("; ").build())
        .add(Variable.builder("flagA", VariableKind.FLAG).label("Debt bondage").role(Role.SENSITIVE).build())
        .add(Variable.builder("flagB", VariableKind.FLAG).label("Threats").role(Role.SENSITIVE).build())
        .add(
            Variable.builder("joined", VariableKind.CATEGORICAL)
                .values(ValueSet.named("labels", List.of(Code.of("Debt bondage"), Code.of("Threats"))))
                .multiValued(true)
                .derivation(new Derivation(DerivationKind.JOINED_LABELS, List.of("flagA", "flagB")))
                .build())
        .add(Variable.builder("pay", VariableKind.CATEGORICAL).values("Yes", "No", "1", "true", "null", "0--8").build())
        .add(Variable.builder("count", VariableKind.COUNT).minimum(0).build())
        .add(Variable.builder("story", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("caseId", VariableKind.IDENTIFIER).build())
        .build();
  }

  @Test
  void yamlRoundTripIsIdentity() {
    Schema s = everyFeature();
    String yaml = SchemaFiles.toYaml(s);
    assertEquals(s, SchemaFiles.fromYaml(yaml, "t.yaml"));
    assertEquals(yaml, SchemaFiles.toYaml(SchemaFiles.fromYaml(yaml, "t.yaml")));
  }

  @Test
  void jsonRoundTripIsIdentity() {
    Schema s = everyFeature();
    String json = SchemaFiles.toJson(s);
    assertEquals(s, SchemaFiles.fromJson(json, "t.json"));
    assertEquals(json, SchemaFiles.toJson(SchemaFiles.fromJson(json, "t.json")));
  }

  @Test
  void fileRoundTripChoosesFormatByExtension(@TempDir Path dir) throws Exception {
    Schema s = everyFeature();
    Path json = dir.resolve("s.json");
    Path yaml = dir.resolve("s.yaml");
    SchemaFiles.write(s, json);
    SchemaFiles.write(s, yaml);
    assertTrue(Files.readString(json).startsWith("{"));
    assertEquals(s, SchemaFiles.read(json));
    assertEquals(s, SchemaFiles.read(yaml));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file is left behind");
    }
  }

  private static final String HEAD = "schemaFormat: 1\nname: t\nversion: \"1\"\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown kind | variables: [{name: a, kind: colour}] | variables[0].kind | unknown variable kind 'colour'
          duplicate variable | variables: [{name: a, kind: year}, {name: a, kind: count}] | variables[1] | duplicate variable 'a'
          alias collides with code | variables: [{name: a, kind: categorical, values: [{code: X}, {code: Y, aliases: [X]}]}] | variables[0].values | alias 'X' of code 'Y' collides with code 'X'
          empty value set | variables: [{name: a, kind: categorical, values: []}] | variables[0].values | must not be empty
          derivation refers to unknown | variables: [{name: a, kind: flag}, {name: b, kind: flag, derivedFrom: {rule: anyOf, sources: [a, zz]}}] | variables[1].derivedFrom.sources[1] | unknown variable 'zz'
          unknown property | variables: [{name: a, kind: year, colour: red}] | variables[0] | unknown key 'colour' (known:
          unknown value set reference | variables: [{name: a, kind: country, valueSet: nope}] | variables[0].valueSet | no value set named 'nope'
          closed kind without values | variables: [{name: a, kind: orderedBand}] | variables[0] | needs 'values' or 'valueSet'
          flag with values | variables: [{name: a, kind: flag, values: [{code: Y}]}] | variables[0] | takes no value set
          separator without multi | variables: [{name: a, kind: categorical, separator: ';', values: [{code: Y}]}] | variables[0] | separator
          unknown role | variables: [{name: a, kind: year, role: secret}] | variables[0].role | unknown role 'secret'
          bounds on text | variables: [{name: a, kind: freeText, minimum: 1}] | variables[0] | bounds are only for year and count
          """)
  void invalidSchemaNamesFilePathAndRule(String what, String body, String path, String rule) {
    SchemaFormatException e =
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml(HEAD + body, "bad.yaml"), what);
    assertEquals("bad.yaml", e.source());
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.rule().contains(rule), e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.yaml: " + path), e.getMessage());
  }

  @Test
  void unknownFormatVersionIsRefused() {
    SchemaFormatException e =
        assertThrows(
            SchemaFormatException.class,
            () -> SchemaFiles.fromYaml("schemaFormat: 2\nname: t\nversion: '1'\nvariables: []", "v2.yaml"));
    assertEquals("schemaFormat", e.path());
  }

  @Test
  void missingFormatVersionIsRefused() {
    SchemaFormatException e =
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml("name: t\nversion: '1'\n", "x.yaml"));
    assertEquals("schemaFormat", e.path());
  }

  @Test
  void malformedYamlNamesLine() {
    SchemaFormatException e =
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml(HEAD + "variables: [ {name: a", "broken.yaml"));
    assertTrue(e.getMessage().startsWith("broken.yaml: line "), e.getMessage());
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml(HEAD + "name: u\nvariables: []", "dup.yaml"));
    assertThrows(
        SchemaFormatException.class,
        () -> SchemaFiles.fromJson("{\"schemaFormat\":1,\"name\":\"a\",\"name\":\"b\"}", "dup.json"));
  }

  @Test
  void yamlAliasBombIsRefusedWithinLimits() {
    StringBuilder sb = new StringBuilder(HEAD).append("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      String p = "*a" + (i - 1);
      sb.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, p))).append("]\n");
    }
    SchemaFormatException e =
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml(sb.toString(), "bomb.yaml"));
    assertEquals("bomb.yaml", e.source());
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromJson(deep, "deep.json"));
    assertThrows(SchemaFormatException.class, () -> SchemaFiles.fromYaml("x: " + deep, "deep.yaml"));
  }

  @Test
  void missingFileIsAClearError(@TempDir Path dir) {
    SchemaFormatException e =
        assertThrows(SchemaFormatException.class, () -> SchemaFiles.read(dir.resolve("none.yaml")));
    assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
  }
}
