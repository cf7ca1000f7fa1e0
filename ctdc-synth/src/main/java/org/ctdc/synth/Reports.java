package org.ctdc.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes the accounting as JSON, for the report and the aggregates' metadata. Thread-safe (stateless). */
final class Reports {
  private Reports() {}

  /** What writes the fields of one JSON object. */
  interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /** One pretty-printed JSON object, ending with a line break. */
  static String object(Fields fields) {
    java.io.StringWriter sw = new java.io.StringWriter();
    try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(sw)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sw + "\n";
  }

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
