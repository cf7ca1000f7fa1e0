package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ctdc.schema.SchemaChange.ValueSetRecoded;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: {@code schema diff} between the bundled 2020 and 2024 schemas pairs Montenegro and Timor-Leste.
 * Their 2020 labels were shared with CTDC's private code {@code Y2} and the former code {@code TP}, and a
 * label that repeats within a value set never pairs.
 */
class Issue15SchemaDiffCountriesTest {

  @Test
  void issue15_montenegroAndTimorLesteAreMatchedBetween2020And2024() {
    SchemaDiff d =
        SchemaDiff.between(Schemas.load("ctdc-global-kanon", "2020"), Schemas.load("ctdc-global-synthetic", "2024"));
    List<ValueSetRecoded> recoded =
        d.changes().stream().filter(ValueSetRecoded.class::isInstance).map(ValueSetRecoded.class::cast).toList();
    assertEquals(2, recoded.size());
    for (ValueSetRecoded r : recoded) {
      assertFalse(r.unmatchedFrom().contains("ME"), r.unmatchedFrom().toString());
      assertFalse(r.unmatchedFrom().contains("TL"), r.unmatchedFrom().toString());
      assertEquals(List.of(), r.unmatchedTo(), "every 2024 country pairs with a 2020 one");
      // what is left unmatched has no 2024 counterpart: private and former codes, and three territories
      assertEquals(List.of("JE", "MF", "SX", "Y1", "TB", "TP", "Y2", "Y3", "YU", "ZR"), r.unmatchedFrom());
    }
    assertFalse(d.toText().contains("MNE"), d.toText());
    assertFalse(d.toText().contains("TLS"), d.toText());
  }

  @Test
  void issue15_noCountryValueSetOfABundledSchemaRepeatsALabel() {
    int checked = 0;
    for (Schema s : Schemas.all()) {
      for (Variable v : s.variables()) {
        if (v.valueSet().isEmpty() || !v.values().name().startsWith("iso3166")) {
          continue;
        }
        checked++;
        Map<String, String> seen = new HashMap<>();
        for (Code c : v.values().codes()) {
          String before = seen.put(c.label().strip().toLowerCase(Locale.ROOT), c.code());
          assertTrue(before == null, s.id() + " " + v.name() + ": codes " + before + " and " + c.code() + " share a label");
        }
      }
    }
    assertTrue(checked >= 4, "country variables checked: " + checked);
  }
}
