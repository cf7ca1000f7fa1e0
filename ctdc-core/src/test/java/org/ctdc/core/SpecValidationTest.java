package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidationTest {

  private static final String HEAD =
      "alignmentFormat: 1\nname: t\ntarget: {schema: ctdc-victim-perpetrator, version: \"2022\"}\nrules:\n";

  /** Every VP variable except those listed in the test body gets notCollected. */
  private static String rest(String... except) {
    StringBuilder sb = new StringBuilder();
    List<String> skip = List.of(except);
    for (var v : org.ctdc.schema.Schemas.load("ctdc-victim-perpetrator", "2022").variables()) {
      if (!skip.contains(v.name())) {
        sb.append("  - {target: ").append(v.name()).append(", notCollected: true}\n");
      }
    }
    return sb.toString();
  }

  private static AlignmentSpecException fails(String yaml) {
    return assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "partner.yaml"));
  }

  @Test
  void aValidSpecLoads() {
    AlignmentSpec s =
        Specs.parse(HEAD + "  - {target: gender, column: sex, map: {F: Female, M: Male}}\n" + rest("gender"), "ok.yaml");
    assertEquals(16, s.rules().size());
    assertEquals("ok.yaml", s.origin());
  }

  @Test
  void unknownTargetVariableNamesFileAndPath() {
    AlignmentSpecException e = fails(HEAD + "  - {target: genderr, column: sex}\n" + rest());
    assertEquals("partner.yaml", e.source());
    assertEquals("rules[0].target", e.path());
    assertTrue(e.getMessage().contains("unknown target variable 'genderr'"), e.getMessage());
  }

  @Test
  void mappingOntoACodeOutsideTheValueSetNamesFileAndPath() {
    AlignmentSpecException e =
        fails(HEAD + rest("gender") + "  - {target: gender, column: sex, map: {F: Woman}}\n");
    assertEquals("rules[15].map.F", e.path());
    assertTrue(e.getMessage().startsWith("partner.yaml: rules[15].map.F: maps onto 'Woman'"), e.getMessage());
  }

  @Test
  void aCycleAmongDerivedVariablesNamesTheCycle() {
    AlignmentSpecException e =
        fails(HEAD + rest("isForcedLabour", "isSexualExploit")
            + "  - {target: isForcedLabour, derive: anyOf, from: [isSexualExploit]}\n"
            + "  - {target: isSexualExploit, derive: anyOf, from: [isForcedLabour]}\n");
    assertEquals("partner.yaml", e.source());
    assertTrue(e.path().startsWith("rules[1"), e.path());
    assertTrue(e.rule().contains("cycle among derived variables"), e.rule());
    assertTrue(e.rule().contains("isForcedLabour -> isSexualExploit -> isForcedLabour"), e.rule());
  }

  @Test
  void aTargetWithoutARuleIsAnError() {
    AlignmentSpecException e = fails(HEAD + rest("gender"));
    assertTrue(e.getMessage().contains("'gender' has no rule"), e.getMessage());
  }

  @Test
  void readingAnIdentifierOrFreeTextColumnIsAnError() {
    AlignmentSpecException e =
        fails(HEAD.replace("rules:\n", "freeTextColumns: [Name]\nrules:\n")
            + "  - {target: gender, column: Name}\n" + rest("gender"));
    assertEquals("rules[0].column", e.path());
  }

  @Test
  void unknownPropertiesNormalisersAndFormatsAreErrors() {
    AlignmentSpecException misspelt = fails(HEAD + "  - {target: gender, colum: sex}\n" + rest("gender"));
    assertEquals("rules[0]", misspelt.path());
    assertTrue(misspelt.rule().startsWith("unknown key 'colum' (known: "), misspelt::getMessage);
    assertEquals("rules[0].normalize[0]",
        fails(HEAD + "  - {target: gender, column: sex, normalize: [soundex]}\n" + rest("gender")).path());
    assertEquals("alignmentFormat", fails(HEAD.replace("alignmentFormat: 1", "alignmentFormat: 2")).path());
    assertEquals("rules[0]",
        fails(HEAD + "  - {target: gender, column: sex, constant: Male}\n" + rest("gender")).path());
    assertEquals("rules[0].constant",
        fails(HEAD + "  - {target: gender, constant: Man}\n" + rest("gender")).path());
  }

  @Test
  void aFlagRuleOnANonFlagAndATargetRuledTwiceAreErrors() {
    assertTrue(fails(HEAD + "  - {target: gender, column: t, when: [x]}\n" + rest("gender"))
        .rule().contains("not a flag"));
    assertTrue(fails(HEAD + rest() + "  - {target: gender, notCollected: true}\n")
        .rule().contains("already has a rule"));
  }

  @Test
  void theBuilderValidatesToo() {
    AlignmentSpecException e =
        assertThrows(AlignmentSpecException.class,
            () -> AlignmentSpec.builder("b", org.ctdc.schema.Schemas.load("ctdc-victim-perpetrator", "2022"))
                .constant("nope", "1").build());
    assertEquals("<builder>", e.source());
    assertEquals("rules[0].target", e.path());
  }

  @Test
  void everyBundledSpecLoads() {
    for (String name : Specs.names()) {
      AlignmentSpec s = Specs.load(name);
      assertEquals(name, s.name());
      assertEquals(s.target().size(), s.rules().size());
    }
  }
}
