package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, "hierarchies that keep the data useful": the hierarchies {@link SchemaHierarchies} builds for
 * the variables of the bundled schemas have meaningful levels, no level that repeats the one below, and
 * named levels.
 */
class Issue15SchemaHierarchiesTest {

  private static Dataset empty(String name, String version) {
    return Dataset.appender(Schemas.load(name, version)).build();
  }

  private static Dataset emptyWith(Variable v) {
    return Dataset.appender(Schema.builder("issue15", "1").add(v).build()).build();
  }

  /** The partner's finding: UN_COO_Region got [Africa, Other, Other, *]. */
  @ParameterizedTest
  @ValueSource(strings = {"UN_COO_Region", "UN_COE_Region"})
  void issue15_regionCodesAreRegionsWithoutOtherPadding(String variable) {
    Hierarchy h = SchemaHierarchies.forVariable(empty("ctdc-victim-perpetrator", "2022"), variable).orElseThrow();
    assertEquals(1, h.height(), h.rows().toString());
    assertEquals(List.of("UN region", "*"), h.levelNames());
    assertEquals(List.of("Africa", "Americas/Oceania", "Asia", "Europe"), h.leaves());
    for (List<String> row : h.rows()) {
      assertFalse(row.contains("Other"), row.toString());
    }
  }

  @Test
  void issue15_subRegionCodesGoToTheirRegion() {
    Variable v = Variable.builder("originSubRegion", VariableKind.COUNTRY).role(Role.QUASI_IDENTIFIER)
        .values(org.ctdc.schema.ValueSet.of(List.of(
            new org.ctdc.schema.Code("Western Africa", "Western Africa", "A country in the UN M49 sub-region Western Africa of the region Africa.", List.of()),
            new org.ctdc.schema.Code("Northern Africa", "Northern Africa", "A country in the UN M49 sub-region Northern Africa of the region Africa.", List.of()),
            new org.ctdc.schema.Code("Eastern Europe", "Eastern Europe", "A country in the UN M49 sub-region Eastern Europe of the region Europe.", List.of()))))
        .build();
    Hierarchy h = SchemaHierarchies.forVariable(emptyWith(v), "originSubRegion").orElseThrow();
    assertEquals(List.of("UN sub-region", "UN region", "*"), h.levelNames());
    assertEquals("Africa", h.generalise("Western Africa", 1).orElseThrow());
    assertEquals("Europe", h.generalise("Eastern Europe", 1).orElseThrow());
  }

  @Test
  void issue15_countriesGoToSubRegionRegionAndTopInEverySchema() {
    Hierarchy kanon = SchemaHierarchies.forVariable(empty("ctdc-global-kanon", "2020"), "citizenship").orElseThrow();
    assertEquals(List.of("country", "UN sub-region", "UN region", "*"), kanon.levelNames());
    assertEquals("Eastern Europe", kanon.generalise("UA", 1).orElseThrow());
    assertEquals("Europe", kanon.generalise("UA", 2).orElseThrow());
    // the 2024 alpha-3 codes had no region note: every country went to "Other"
    for (String variable : List.of("citizenship", "CountryOfExploitation")) {
      Hierarchy h = SchemaHierarchies.forVariable(empty("ctdc-global-synthetic", "2024"), variable).orElseThrow();
      assertEquals(3, h.height());
      assertEquals("Eastern Europe", h.generalise("UKR", 1).orElseThrow());
      assertEquals("Europe", h.generalise("UKR", 2).orElseThrow());
      assertEquals("South-Eastern Asia", h.generalise("PHL", 1).orElseThrow());
      assertEquals("Americas", h.generalise("USA", 2).orElseThrow());
      assertEquals("Americas", h.generalise("ANT", 2).orElseThrow());
      assertEquals(5, h.labels(2).stream().filter(l -> !l.equals("Other")).count(), h.labels(2).toString());
      long other = h.leaves().stream().filter(c -> h.generalise(c, 2).orElseThrow().equals("Other")).count();
      assertTrue(other <= 10, other + " codes without a UN region (uninhabited territories only)");
    }
  }

  /** The partner's finding: year and gender had flat hierarchies; the VP year bands were value -> *. */
  @Test
  void issue15_yearBandsGoToPeriodsOfFiveAndTenYears() {
    Hierarchy h = SchemaHierarchies.forVariable(empty("ctdc-victim-perpetrator", "2022"), "yearRegister").orElseThrow();
    assertEquals(List.of("period", "periods of 5+ years", "periods of 10+ years", "*"), h.levelNames());
    assertEquals(List.of("2005-2013", "2014-2018", "2019-2022"), h.labels(1));
    assertEquals(List.of("2005-2018", "2019-2022"), h.labels(2));
    assertEquals("2019-2022", h.generalise("2020", 1).orElseThrow());
    assertEquals("2005-2018", h.generalise("2014-2018", 2).orElseThrow());
  }

  /** Years go to CTDC's own period bands (those of the Victim-Perpetrator release), then longer periods. */
  @Test
  void issue15_yearsGoToCtdcPeriodsThenFiveAndTenYearPeriods() {
    Dataset data = org.ctdc.samples.CtdcLikeData.generate(2_000, 15);
    Hierarchy h = SchemaHierarchies.forVariable(data, "yearOfRegistration").orElseThrow();
    assertEquals(List.of("year", "CTDC period", "periods of 5+ years", "periods of 10+ years", "*"), h.levelNames());
    assertEquals(List.of("2002-2013", "2014-2018", "2019", "2020", "2021-2022"), h.labels(1));
    assertEquals(List.of("2002-2013", "2014-2018", "2019-2022"), h.labels(2));
    assertEquals(List.of("2002-2013", "2014-2022"), h.labels(3));
    assertEquals("2014-2018", h.generalise("2017", 1).orElseThrow());
    assertEquals("2019-2022", h.generalise("2020", 2).orElseThrow());
  }

  @Test
  void issue15_yearsOutsideCtdcDataGetNestedIntervals() {
    Variable v = Variable.builder("year", VariableKind.YEAR).role(Role.QUASI_IDENTIFIER).build();
    Dataset.Appender a = Dataset.appender(Schema.builder("issue15", "1").add(v).build());
    for (int y = 1991; y <= 2012; y++) {
      a.setInt(0, y).endRow();
    }
    Hierarchy h = SchemaHierarchies.forVariable(a.build(), "year").orElseThrow();
    assertEquals(List.of("year", "5-year period", "10-year period", "20-year period", "*"), h.levelNames());
    assertEquals("1995-1999", h.generalise("1997", 1).orElseThrow());
    assertEquals("1980-1999", h.generalise("1997", 3).orElseThrow());
  }

  @Test
  void issue15_ageRangeOneBandsGoToAgeBroadThenMajority() {
    Variable v = Variable.builder("ageRange1", VariableKind.ORDERED_BAND).role(Role.QUASI_IDENTIFIER)
        .values("0--8", "9--11", "12--14", "15--17", "18--20", "21--23", "24--26", "27--29", "30--32", "33--35",
            "36--38", "39--47", "48--56", "57--65", "66+")
        .build();
    Hierarchy h = SchemaHierarchies.forVariable(emptyWith(v), "ageRange1").orElseThrow();
    assertEquals(List.of("age band", "ageBroad", "majority status", "*"), h.levelNames());
    assertEquals("9--17", h.generalise("12--14", 1).orElseThrow());
    assertEquals("Minor", h.generalise("12--14", 2).orElseThrow());
    assertEquals("30--38", h.generalise("33--35", 1).orElseThrow());
    assertEquals("48+", h.generalise("66+", 1).orElseThrow());
    assertEquals("Adult", h.generalise("66+", 2).orElseThrow());
    // and the same chain is what the exact-age hierarchy builds above the exact age
    Hierarchy exact = Hierarchies.exactAge("age");
    assertEquals(h.generalise("15--17", 1), exact.generalise("16", 2));
  }

  @Test
  void issue15_ageBroadGoesToMajorityWithoutARepeatedLevel() {
    Hierarchy h = SchemaHierarchies.forVariable(empty("ctdc-global-kanon", "2020"), "ageBroad").orElseThrow();
    assertEquals(List.of("age band", "majority status", "*"), h.levelNames());
    assertEquals("Minor", h.generalise("9--17", 1).orElseThrow());
    assertEquals("Adult", h.generalise("18--20", 1).orElseThrow());
  }

  /** A band spanning 18 (the perpetrators' 0--29) is neither minor nor adult: no majority level. */
  @Test
  void issue15_bandsSpanningEighteenHaveNoMajorityLevel() {
    Variable v = Variable.builder("perpetratorAge", VariableKind.ORDERED_BAND).role(Role.QUASI_IDENTIFIER)
        .values("0--29", "30--38", "39--47", "48+").build();
    Hierarchy h = SchemaHierarchies.forVariable(emptyWith(v), "perpetratorAge").orElseThrow();
    assertEquals(1, h.height(), h.rows().toString());
    assertFalse(h.labels(1).contains("Adult"));
  }

  @Test
  void issue15_anAgeCountGetsTheExactAgeChain() {
    Hierarchy h = SchemaHierarchies.forVariable(empty("htcds", "2.0"), "vic_AgeWhenTrafficked").orElseThrow();
    assertEquals(List.of("age", "age range 1", "ageBroad", "majority status", "*"), h.levelNames());
    assertEquals("Minor", h.generalise("16", 3).orElseThrow());
  }

  /** Every single-valued closed or year variable of every bundled schema gets a hierarchy, named levels, none repeated. */
  @Test
  void issue15_everyBundledVariableGetsAHierarchyWithoutRepeatedLevels() {
    for (String id : List.of("ctdc-global-kanon@2018", "ctdc-global-kanon@2020", "ctdc-global-synthetic@2024",
        "ctdc-victim-perpetrator@2022", "htcds@2.0")) {
      String[] nv = id.split("@");
      Dataset data = empty(nv[0], nv[1]);
      for (Variable v : data.schema().variables()) {
        boolean expected = !v.isMultiValued() && (v.kind().isClosed() || v.kind() == VariableKind.COUNT
            && v.label().toLowerCase(java.util.Locale.ROOT).contains("age"));
        var h = SchemaHierarchies.forVariable(data, v.name());
        assertEquals(expected, h.isPresent(), id + " " + v.name());
        if (h.isEmpty()) {
          continue;
        }
        assertEquals(h.get().levels(), h.get().levelNames().size());
        assertEquals("*", h.get().levelName(h.get().height()));
        for (int l = 1; l < h.get().height(); l++) {
          assertTrue(h.get().labels(l).size() < h.get().labels(l - 1).size(),
              id + " " + v.name() + ": level " + l + " generalises nothing");
        }
      }
    }
  }

  @Test
  void issue15_levelNamesAreCheckedAndKeptByWithName() {
    Hierarchy h = Hierarchies.flat("x", List.of("a", "b"));
    assertEquals(List.of("value", "*"), h.withName("y").levelNames());
    assertEquals(List.of("level 0", "level 1"), Hierarchy.of("z", List.of(List.of("a", "*"))).levelNames());
    assertThrows(HierarchyException.class, () -> h.withLevelNames(List.of("only one")));
    assertThrows(HierarchyException.class, () -> h.withLevelNames(List.of("value", "bad\nname")));
  }
}
