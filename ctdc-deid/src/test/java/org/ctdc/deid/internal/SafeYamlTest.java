package org.ctdc.deid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML reader shared by the configuration files: its limits exactly at their edges, and messages that
 * name the line and the rule but never quote the text.
 */
class SafeYamlTest {

  private static IllegalArgumentException parseError(String text) {
    return assertThrows(IllegalArgumentException.class,
        () -> SafeYaml.parse(text, IllegalArgumentException::new));
  }

  @Test
  void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsRefused(@TempDir Path dir) throws IOException {
    Path at = dir.resolve("at.yaml");
    try (RandomAccessFile f = new RandomAccessFile(at.toFile(), "rw")) {
      f.setLength(SafeYaml.MAX_FILE_BYTES);
    }
    assertEquals(SafeYaml.MAX_FILE_BYTES, SafeYaml.readText(at).length());
    Path over = dir.resolve("over.yaml");
    try (RandomAccessFile f = new RandomAccessFile(over.toFile(), "rw")) {
      f.setLength(SafeYaml.MAX_FILE_BYTES + 1L);
    }
    IOException e = assertThrows(IOException.class, () -> SafeYaml.readText(over));
    assertEquals("the file is larger than " + SafeYaml.MAX_FILE_BYTES + " bytes (limit)", e.getMessage());
  }

  @Test
  void missingFilesAndNonUtf8TextGetPlainMessages(@TempDir Path dir) throws IOException {
    assertEquals("no such file",
        assertThrows(IOException.class, () -> SafeYaml.readText(dir.resolve("absent.yaml"))).getMessage());
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "k: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("the file is not UTF-8 text",
        assertThrows(IOException.class, () -> SafeYaml.readText(latin1)).getMessage());
  }

  @Test
  void anEmptyTextIsAMissingNodeAndAMappingIsATree() {
    assertTrue(SafeYaml.parse("", IllegalArgumentException::new).isMissingNode());
    JsonNode tree = SafeYaml.parse("a: 1\nb: [x, y]\n", IllegalArgumentException::new);
    assertEquals(1, tree.get("a").asInt());
    assertEquals("y", tree.get("b").get(1).asText());
  }

  @Test
  void aDuplicateKeyIsRefusedWithItsLine() {
    assertEquals("line 3: a key appears twice in one mapping", parseError("a: 1\nb: 2\na: secret\n").getMessage());
  }

  @Test
  void nestingIsAllowedUpToTheLimitAndRefusedBeyondIt() {
    String within = "[".repeat(SafeYaml.MAX_NESTING - 1) + "]".repeat(SafeYaml.MAX_NESTING - 1);
    SafeYaml.parse(within, IllegalArgumentException::new);
    String beyond = "[".repeat(SafeYaml.MAX_NESTING + 2) + "]".repeat(SafeYaml.MAX_NESTING + 2);
    String message = parseError(beyond).getMessage();
    // the parser's limit carries no location, so the message has no line
    assertEquals("over a reading limit (nesting deeper than " + SafeYaml.MAX_NESTING + ", or a text or key longer than "
        + SafeYaml.MAX_STRING_LENGTH + " characters)", message);
  }

  @Test
  void invalidYamlNamesItsLineAndQuotesNothing() {
    String message = parseError("a: 1\nb: [secret-value\n").getMessage();
    assertTrue(message.matches("line [0-9]+: not valid YAML"), message);
    assertTrue(!message.contains("secret"), message);
  }

  @Test
  void namesAreShownWholeUpToTheLimitAndCutBeyondIt() {
    String at = "n".repeat(SafeYaml.MAX_SHOWN);
    assertEquals(at, SafeYaml.shown(at));
    String over = "n".repeat(SafeYaml.MAX_SHOWN + 1);
    assertEquals("n".repeat(SafeYaml.MAX_SHOWN - 4) + "...(" + (SafeYaml.MAX_SHOWN + 1) + " chars)",
        SafeYaml.shown(over));
  }
}
