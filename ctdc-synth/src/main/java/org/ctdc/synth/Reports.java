package org.ctdc.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes the accounting as JSON, for the report and the aggregates' metadata. Thread-safe (stateless). */
final class Reports {
  private Reports() {}

  static void accounting(JsonGenerator g, Accounting a) throws IOException {
    g.writeStartObject();
    g.writeStringField("mode", a.mode().word());
    g.writeNumberField("reportingLength", a.reportingLength());
    g.writeNumberField("protectedRecordCount", a.protectedRecordCount());
    g.writeNumberField("resolution", a.resolution());
    g.writeStringField("noise", a.noise());
    g.writeStringField("randomness", a.randomness());
    if (a.seed().isPresent()) {
      g.writeNumberField("seed", a.seed().getAsLong());
    }
    if (a.budget().isPresent()) {
      Budget b = a.budget().get();
      g.writeObjectFieldStart("budget");
      g.writeNumberField("epsilon", b.epsilon());
      g.writeNumberField("delta", b.delta());
      g.writeNumberField("numberOfRecordsEpsilon", b.numberOfRecordsEpsilon());
      g.writeNumberField("marginalsEpsilon", b.marginalsEpsilon());
      g.writeNumberField("rho", b.rho());
      g.writeNumberField("percentilesRho", b.percentilesRho());
      g.writeNumberField("countsRho", b.countsRho());
      g.writeNumberField("percentileEpsilon", b.percentileEpsilon());
      g.writeNumberField("sigma", b.sigma());
      g.writeEndObject();
      g.writeArrayFieldStart("lengths");
      for (int k = 1; k <= a.reportingLength(); k++) {
        g.writeStartObject();
        g.writeNumberField("length", k);
        g.writeNumberField("sigma", b.sigmas().get(k - 1));
        g.writeNumberField("sensitivity", a.sensitivities().get(k - 1));
        g.writeNumberField("threshold", a.thresholds().get(k - 1));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
