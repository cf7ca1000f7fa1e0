package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled schemas of CTDC's k-anonymised Global Dataset (2018 dictionary and the 2020 release). */
class BundledKanonSchemaTest {

  private static final String ROOT = "/META-INF/ctdc/schemas/";

  static Schema bundled(String file) throws IOException {
    try (InputStream in = BundledKanonSchemaTest.class.getResourceAsStream(ROOT + file)) {
      assertNotNull(in, file);
      return SchemaFiles.readYaml(in, file);
    }
  }

  @Test
  void version2018HasTheSixtyTwoDictionaryVariables() throws IOException {
    Schema s = bundled("ctdc-global-kanon-2018.yaml");
    assertEquals("ctdc-global-kanon", s.name());
    assertEquals("2018", s.version());
    assertEquals(62, s.size());
    assertEquals("yearOfRegistration", s.variables().get(0).name());
    assertEquals("recruiterRelationUnknown", s.variables().get(61).name());
    assertEquals(ReleaseFormat.CTDC_KANON, s.format());
    assertEquals(VariableKind.YEAR, s.variable("yearOfRegistration").orElseThrow().kind());
    assertEquals(9, s.variable("ageBroad").orElseThrow().values().size());
    assertEquals(1, s.variable("ageBroad").orElseThrow().values().indexOf("09--17"));
    assertEquals(0, s.variable("Datasource").orElseThrow().values().indexOf("Case management"));
    Variable coe = s.variable("CountryOfExploitation").orElseThrow();
    assertEquals(VariableKind.COUNTRY, coe.kind());
    assertEquals(List.of("CountryofExploitation"), coe.previousNames());
    ValueSet countries = coe.values();
    assertEquals("iso3166-alpha2", countries.name());
    assertTrue(countries.indexOf("Y1") >= 0 && countries.indexOf("TB") >= 0 && countries.indexOf("YU") >= 0);
    for (String unknown : List.of("00", "ZZ", "0", "-99")) {
      assertEquals(-1, countries.indexOf(unknown), unknown);
    }
    assertFalse(s.variables().stream().anyMatch(v -> v.role() == Role.IDENTIFIER));
  }

  @Test
  void joinedLabelsRebuildTheConcatenatedColumns() throws IOException {
    Schema s = bundled("ctdc-global-kanon-2018.yaml");
    int derived = 0;
    for (Variable v : s.variables()) {
      if (v.derivation().isEmpty() || v.derivation().get().kind() != DerivationKind.JOINED_LABELS) {
        continue;
      }
      derived++;
      assertTrue(v.isMultiValued(), v.name());
      List<String> labels = new ArrayList<>();
      for (String source : v.derivation().get().sources()) {
        Variable flag = s.variable(source).orElseThrow();
        assertEquals(VariableKind.FLAG, flag.kind(), source);
        labels.add(flag.label());
      }
      assertEquals(labels, v.values().codes().stream().map(Code::code).toList(), v.name());
    }
    assertEquals(5, derived);
    assertEquals("; ", s.variable("RecruiterRelationship").orElseThrow().separatorIn(s.format()));
  }

  @Test
  void version2020AddsOnlyIsSlaveryAndPractices() throws IOException {
    Schema old = bundled("ctdc-global-kanon-2018.yaml");
    Schema now = bundled("ctdc-global-kanon-2020.yaml");
    assertEquals("2020", now.version());
    assertEquals(63, now.size());
    assertEquals(now.indexOf("isOrganRemoval") + 1, now.indexOf("isSlaveryAndPractices"));
    Variable added = now.variable("isSlaveryAndPractices").orElseThrow();
    assertEquals(VariableKind.FLAG, added.kind());
    assertEquals(Role.SENSITIVE, added.role());
    for (Variable v : now.variables()) {
      if (!v.name().equals("isSlaveryAndPractices")) {
        assertEquals(old.variable(v.name()).orElseThrow(), v, v.name());
      }
    }
    assertEquals(old.format(), now.format());
    assertEquals(Set.copyOf(old.sharedValueSets().keySet()), Set.copyOf(now.sharedValueSets().keySet()));
  }

  @Test
  void bundledFilesRoundTrip() throws IOException {
    for (String file : List.of("ctdc-global-kanon-2018.yaml", "ctdc-global-kanon-2020.yaml")) {
      Schema s = bundled(file);
      assertEquals(s, SchemaFiles.fromYaml(SchemaFiles.toYaml(s), file));
      assertEquals(s, SchemaFiles.fromJson(SchemaFiles.toJson(s), file));
    }
  }
}
