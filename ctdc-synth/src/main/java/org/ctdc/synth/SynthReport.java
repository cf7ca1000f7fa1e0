package org.ctdc.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctdc.synth.evaluate.Evaluation;

/**
 * The report of a synthesis: the {@link Accounting} of the aggregates, the number of combinations reported by
 * length, the number of synthetic records, and the {@link Evaluation} when one was made. The evaluation is
 * computed from the sensitive data and is not differentially private: the report is for the data owner.
 * Counts and rates only, never a record value or a combination.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accounting the accounting
 * @param combinationsByLength the number of reported combinations of each length 1..R
 * @param syntheticRecords the number of synthetic records
 * @param evaluation the evaluation, when made
 */
public record SynthReport(Accounting accounting, List<Integer> combinationsByLength, long syntheticRecords,
    Optional<Evaluation> evaluation) {

  /** Copies the list. */
  public SynthReport {
    combinationsByLength = List.copyOf(combinationsByLength);
  }

  /**
   * The report of aggregates and synthetic data.
   *
   * @param aggregates the aggregates
   * @param syntheticRecords the number of synthetic records
   * @param evaluation the evaluation, when made
   * @return the report
   */
  public static SynthReport of(Aggregates aggregates, long syntheticRecords, Optional<Evaluation> evaluation) {
    List<Integer> n = new ArrayList<>();
    for (int k = 1; k <= aggregates.reportingLength(); k++) {
      n.add(aggregates.combinationCount(k));
    }
    return new SynthReport(aggregates.accounting(), n, syntheticRecords, evaluation);
  }

  /**
   * The report as JSON.
   *
   * @return the JSON text, deterministic, ending with a line break
   */
  public String toJson() {
    return Reports.object(g -> {
      g.writeFieldName("accounting");
      Reports.accounting(g, accounting);
      g.writeArrayFieldStart("combinationsByLength");
      for (int n : combinationsByLength) {
        g.writeNumber(n);
      }
      g.writeEndArray();
      g.writeNumberField("syntheticRecords", syntheticRecords);
      if (evaluation.isPresent()) {
        g.writeFieldName("evaluation");
        g.writeRawValue(evaluation.get().toJson());
      }
    });
  }
}
