package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a country name inside a longer value is left unmapped, and the alignment report shows the
 * suggested country code (a code of a closed value set) with its rows, never the value.
 */
class Issue15UnmappedCountrySuggestionsTest {

  private static AlignmentResult align(List<String> citizenships) {
    List<Map<String, String>> rows = new ArrayList<>();
    int i = 0;
    for (Map<String, String> sample : PartnerSamples.rows(Profile.HOTLINE, citizenships.size(), 15)) {
      Map<String, String> m = new LinkedHashMap<>(sample);
      m.put("Citizenship", citizenships.get(i++));
      rows.add(m);
    }
    return Aligner.builder(Specs.load(Profile.HOTLINE.specName())).mode(AlignmentMode.LENIENT).build()
        .align(rows, "issue15");
  }

  @Test
  void issue15_aCountryNameInsideALongerValueIsUnmappedWithItsSuggestedCodeInTheReport() {
    AlignmentResult r = align(List.of("Chad Smith", "Jordan Reyes", "Chad Smith", "Mexico", "Phillipines", "Paris"));
    AlignmentReport.TargetCoverage c = r.report().target("citizenship");
    assertEquals(2, c.values(), "Mexico and the misspelling Phillipines are aligned");
    assertEquals(List.of(new AlignmentReport.ValueCount("TCD", 2), new AlignmentReport.ValueCount("JOR", 1)),
        c.unmappedSuggestions());
    assertEquals(1, c.fuzzyWithheld(), "the fuzzy match is counted");
    assertTrue(c.unmapped().isEmpty(), "values held by fewer than 11 rows are not shown");
    String json = r.report().toJson();
    JsonNode target = null;
    try {
      for (JsonNode t : new ObjectMapper().readTree(json).get("targets")) {
        if (t.get("target").asText().equals("citizenship")) {
          target = t;
        }
      }
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
    assertEquals("[{\"code\":\"TCD\",\"count\":2},{\"code\":\"JOR\",\"count\":1}]",
        Objects.requireNonNull(target).get("unmappedSuggestions").toString());
    for (String value : List.of("Chad Smith", "Jordan", "Reyes", "Paris", "Phillipines")) {
      assertFalse(json.contains(value), "the report never shows " + value);
    }
  }

  @Test
  void issue15_valuesWithoutACandidateAddNoSuggestion() {
    AlignmentReport.TargetCoverage c = align(List.of("Atlantis", "Paris", "Mexico")).report().target("citizenship");
    assertEquals(List.of(), c.unmappedSuggestions());
  }
}
