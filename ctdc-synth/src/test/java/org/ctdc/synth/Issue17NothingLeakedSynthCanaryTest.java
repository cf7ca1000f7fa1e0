package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.synth.evaluate.Evaluation;
import org.ctdc.synth.evaluate.Evaluator;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, nothing leaked from ctdc-synth: records whose free text and rare codes are canary strings go
 * through aggregation, synthesis, evaluation and the report; exception messages (with causes), toString of
 * every result, the report, the metadata and every log event are searched. Permitted: nothing. In k-synthetic
 * mode a code rarer than the resolution reaches no output either.
 */
class Issue17NothingLeakedSynthCanaryTest {
  private static final String MARK = "CANARY";

  @BeforeEach
  void clear() {
    CapturingLogProvider.clear();
  }

  private static Dataset data(int rows) {
    List<String> codes = new ArrayList<>(List.of("common-a", "common-b"));
    for (int i = 0; i < 5; i++) {
      codes.add(MARK + "-rare-code-" + i);
    }
    Schema s = Schema.builder("canary", "1")
        .add(Variable.builder("notes", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("kind", VariableKind.CATEGORICAL).values(ValueSet.ofCodes(codes.toArray(new String[0])))
            .build())
        .add(Variable.builder("flag", VariableKind.FLAG).build())
        .add(Variable.builder("year", VariableKind.YEAR).build())
        .build();
    Dataset.Appender a = Dataset.appender(s);
    for (int r = 0; r < rows; r++) {
      a.setText(0, MARK + "-note-" + r);
      a.setCode(1, r < 5 ? 2 + r : r % 2);
      a.setCode(2, r % 3 == 0 ? 1 : 0);
      a.setInt(3, r < 3 ? 1900 + r : 2020 + r % 2);
      a.endRow();
    }
    return a.build();
  }

  @Test
  void issue17_noRecordValueInAnyMessageReportOrLog() {
    Dataset d = data(400);
    List<String> seen = new ArrayList<>();
    // failures: a free-text column, a year without bounds in mode dp
    ThrownText.recordThrown(seen, () -> Synthesizer.of(SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 2)
        .columns(List.of("kind", "notes")).resolution(5).build()).aggregate(d));
    ThrownText.recordThrown(seen, () -> Synthesizer.of(SynthConfig.builder(SynthConfig.Mode.DP, 2)
        .columns(List.of("kind", "year")).epsilon(1).build()).aggregate(d));
    // k-synthetic: rare codes and rare years are below the resolution
    SynthConfig k = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 3).columns(List.of("kind", "flag", "year"))
        .resolution(10).seed(1).build();
    Synthesizer s = Synthesizer.of(k);
    Aggregates a = s.aggregate(d);
    Dataset out = s.synthesize(a);
    StringWriter csv = new StringWriter();
    a.writeCsv(csv);
    Evaluation e = Evaluator.of(k.columns(), List.of(), 3, 10).evaluate(d, out);
    seen.add(csv.toString());
    seen.add(a.metadataJson());
    seen.add(SynthReport.of(a, out.rowCount(), Optional.of(e)).toJson());
    seen.add(a.toString() + out + e + k + a.accounting());
    StringWriter syn = new StringWriter();
    org.ctdc.schema.DatasetCsv.write(out, syn);
    seen.add(syn.toString());
    assertFalse(syn.toString().contains("1900") || syn.toString().contains("1901"), "a rare year was synthesised");
    seen.addAll(CapturingLogProvider.events());
    for (String text : seen) {
      assertFalse(text.contains(MARK), text);
    }
    assertTrue(seen.get(0).contains("notes"), seen.get(0));
    assertEquals(0, e.rareCombinations());
  }
}
