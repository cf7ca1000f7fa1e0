package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

class PseudonymTest {

  static final byte[] KEY = "partner-held secret key 0123456789".getBytes(StandardCharsets.UTF_8);

  static Dataset data() {
    Schema s = Schema.builder("p", "1")
        .add(Variable.builder("name", VariableKind.IDENTIFIER).build())
        .add(Variable.builder("g", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b")).build())
        .build();
    Dataset.Appender a = Dataset.appender(s);
    String[] names = {"Ann", "Bob", "Ann", "Cid"};
    for (String n : names) {
      a.setText(0, n).setCode(1, 0).endRow();
    }
    return a.build();
  }

  static DeidConfig.Builder config() {
    return DeidConfig.builder().quasiIdentifier("g", Hierarchies.flat("g", List.of("a", "b"))).k(2);
  }

  static String hmac(byte[] key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void identifiersBecomeKeyedHmacPseudonymsThatMatchAcrossDatasets() throws Exception {
    DeidResult r = Deidentifier.of(config().pseudonymKey(KEY).build()).run(data());
    Dataset rel = r.release();
    assertEquals(hmac(KEY, "Ann"), rel.text(0, rel.column("name")));
    assertEquals(rel.text(0, 0), rel.text(2, 0));
    assertNotEquals(rel.text(0, 0), rel.text(1, 0));
    assertEquals(List.of("name"), r.report().pseudonymisedVariables());
    byte[] other = "another partner's key, not shared".getBytes(StandardCharsets.UTF_8);
    DeidResult r2 = Deidentifier.of(config().pseudonymKey(other).build()).run(data());
    assertNotEquals(rel.text(0, 0), r2.release().text(0, 0));
  }

  @Test
  void withoutAKeyIdentifiersAreDroppedAndTheKeyIsNeverShown() {
    DeidResult r = Deidentifier.of(config().build()).run(data());
    assertEquals(-1, r.release().schema().indexOf("name"));
    assertEquals(List.of("name"), r.report().droppedVariables());
    DeidConfig withKey = config().pseudonymKey(KEY).build();
    String shown = withKey.toString() + Deidentifier.of(withKey).run(data()).report().toJson();
    assertFalse(shown.contains("partner-held"), shown);
    assertFalse(shown.contains(HexFormat.of().formatHex(KEY)), shown);
  }
}
