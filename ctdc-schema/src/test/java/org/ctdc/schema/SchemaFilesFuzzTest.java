package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes schema files, as YAML and as JSON. In a plain build these run over the committed corpus in
 * {@code src/test/resources/org/ctdc/schema/SchemaFilesFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} they
 * fuzz (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either gives a schema that writes and reads back equal (in both formats) and
 * exports without failing, or throws a {@link SchemaFormatException} naming the source. Any other throwable
 * (a parser's own exception, an NPE, a stack overflow) is a finding.
 */
class SchemaFilesFuzzTest {

  private static final String SOURCE = "fuzz-schema";

  @FuzzTest(maxDuration = "2m")
  void yaml(byte[] data) {
    Schema s;
    try {
      s = SchemaFiles.readYaml(new ByteArrayInputStream(data), SOURCE);
    } catch (SchemaFormatException e) {
      assertLocated(e);
      return;
    }
    checkAccepted(s);
  }

  @FuzzTest(maxDuration = "2m")
  void json(byte[] data) {
    Schema s;
    try {
      s = SchemaFiles.readJson(
          new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8), SOURCE);
    } catch (SchemaFormatException e) {
      assertLocated(e);
      return;
    }
    checkAccepted(s);
  }

  private static void assertLocated(SchemaFormatException e) {
    assertEquals(SOURCE, e.source());
    assertTrue(e.getMessage().startsWith(SOURCE + ": "), e::getMessage);
    assertFalse(e.rule().isBlank(), "the rule is named");
  }

  private static void checkAccepted(Schema s) {
    assertEquals(s, SchemaFiles.fromYaml(SchemaFiles.toYaml(s), "again.yaml"), "YAML round trip");
    assertEquals(s, SchemaFiles.fromJson(SchemaFiles.toJson(s), "again.json"), "JSON round trip");
    assertFalse(Codebook.markdown(s).isEmpty());
    assertFalse(Codebook.csv(s).isEmpty());
    assertFalse(JsonSchemaExport.jsonSchema(s).isEmpty());
  }
}
