package org.ctdc.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one strict reader set-up of issue 14: limits at their edges, duplicate and unknown keys named by path
 * and key, messages that never quote the text, and YAML read in linear time.
 */
class StrictTreeTest {

  private static final StrictTree.Failure FAIL =
      (path, rule) -> new CtdcException("f.yaml: " + (path.isEmpty() ? "" : path + ": ") + rule);

  private static String parseError(String text, StrictTree.Format format) {
    return assertThrows(CtdcException.class, () -> StrictTree.parse(text, format, FAIL)).getMessage();
  }

  @Test
  void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsRefused(@TempDir Path dir) throws IOException {
    Path at = dir.resolve("at.yaml");
    try (RandomAccessFile f = new RandomAccessFile(at.toFile(), "rw")) {
      f.setLength(StrictTree.MAX_FILE_BYTES);
    }
    assertEquals(StrictTree.MAX_FILE_BYTES, StrictTree.readText(at, FAIL).length());
    Path over = dir.resolve("over.yaml");
    try (RandomAccessFile f = new RandomAccessFile(over.toFile(), "rw")) {
      f.setLength(StrictTree.MAX_FILE_BYTES + 1L);
    }
    assertEquals("f.yaml: the file is larger than " + StrictTree.MAX_FILE_BYTES + " bytes (limit)",
        assertThrows(CtdcException.class, () -> StrictTree.readText(over, FAIL)).getMessage());
  }

  @Test
  void missingFilesFoldersAndNonUtf8TextGetPlainMessages(@TempDir Path dir) throws IOException {
    assertEquals("f.yaml: cannot read: no such file",
        assertThrows(CtdcException.class, () -> StrictTree.read(dir.resolve("absent.yaml"), FAIL)).getMessage());
    assertEquals("f.yaml: cannot read: not a regular file",
        assertThrows(CtdcException.class, () -> StrictTree.read(dir, FAIL)).getMessage());
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "k: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("f.yaml: the file is not UTF-8 text",
        assertThrows(CtdcException.class, () -> StrictTree.read(latin1, FAIL)).getMessage());
  }

  @Test
  void anEmptyTextIsAMissingNodeAndAMappingIsATree() {
    assertTrue(StrictTree.parse("", StrictTree.Format.YAML, FAIL).isMissingNode());
    assertTrue(StrictTree.parse("# only a comment\n", StrictTree.Format.YAML, FAIL).isMissingNode());
    JsonNode tree = StrictTree.parse("a: 1\nb: [x, y]\nc: {d: 2.5, e: null, f: true}\n", StrictTree.Format.YAML, FAIL);
    assertEquals(1, tree.get("a").intValue());
    assertEquals("y", tree.get("b").get(1).asText());
    assertEquals(2.5, tree.get("c").get("d").doubleValue());
    assertTrue(tree.get("c").get("e").isNull());
    assertTrue(tree.get("c").get("f").booleanValue());
    JsonNode json = StrictTree.parse("{\"a\": [1, {\"b\": 12345678901}]}", StrictTree.Format.JSON, FAIL);
    assertEquals(12345678901L, json.get("a").get(1).get("b").longValue());
  }

  @ParameterizedTest
  @EnumSource(StrictTree.Format.class)
  void issue14_aDuplicateKeyIsRefusedWithItsPathAndKey(StrictTree.Format format) {
    String text = format == StrictTree.Format.JSON
        ? "{\"a\": 1, \"b\": {\"c\": 2,\n \"c\": \"secret\"}}" : "a: 1\nb:\n  c: 2\n  c: secret\n";
    String m = parseError(text, format);
    assertTrue(m.matches("f\\.yaml: b: line [2-4]: the key 'c' appears twice in one mapping"), m);
    assertFalse(m.contains("secret"), m);
  }

  @Test
  void issue14_anUnknownKeyIsNamedWithItsPathAndTheKnownKeys() {
    JsonNode tree = StrictTree.parse("models:\n  - {K: 5}\n", StrictTree.Format.YAML, FAIL);
    assertEquals("f.yaml: models[0]: unknown key 'K' (known: k, l)", assertThrows(CtdcException.class,
        () -> StrictTree.keys(tree.get("models").get(0), "models[0]", FAIL, "l", "k")).getMessage());
    assertEquals("f.yaml: unknown key 'n\\u0000n' (known: a)".replace("\\u0000", "?"), assertThrows(CtdcException.class,
        () -> StrictTree.keys(StrictTree.parse("{\"n\\u0000n\": 1}", StrictTree.Format.JSON, FAIL), "", FAIL, "a"))
        .getMessage());
    StrictTree.keys(tree, "", FAIL, "models");
  }

  @Test
  void nestingIsAllowedUpToTheLimitAndRefusedBeyondIt() {
    String within = "[".repeat(StrictTree.MAX_NESTING - 1) + "]".repeat(StrictTree.MAX_NESTING - 1);
    StrictTree.parse(within, StrictTree.Format.YAML, FAIL);
    StrictTree.parse(within, StrictTree.Format.JSON, FAIL);
    String beyond = "[".repeat(StrictTree.MAX_NESTING + 2) + "]".repeat(StrictTree.MAX_NESTING + 2);
    for (StrictTree.Format f : StrictTree.Format.values()) {
      String m = parseError(beyond, f);
      assertTrue(m.contains("over a reading limit (nesting deeper than " + StrictTree.MAX_NESTING), m);
    }
  }

  @ParameterizedTest
  @EnumSource(StrictTree.Format.class)
  void issue14_aParseErrorNamesItsLineAndNeverQuotesTheToken(StrictTree.Format format) {
    String text = format == StrictTree.Format.JSON ? "{\"a\": 1,\n\"b\": secretToken}" : "a: 1\nb: [secretToken\n";
    String m = parseError(text, format);
    assertTrue(m.matches("f\\.yaml: line [0-9]+: not valid " + format), m);
    assertFalse(m.contains("secret"), m);
    CtdcException e = assertThrows(CtdcException.class, () -> StrictTree.parse(text, format, FAIL));
    assertNull(e.getCause(), "the parser's exception quotes the text: it is never kept as the cause");
  }

  @Test
  void issue14_controlCharactersAreRefusedWithTheirLineAndNotShown() {
    String m = parseError("a: 1\nb: x\u0000y\u001b[2J\n", StrictTree.Format.YAML);
    assertEquals("f.yaml: line 2: a character YAML does not allow (a control character, U+0000)", m);
  }

  @Test
  void issue14_moreThanOneDocumentIsRefused() {
    String m = parseError("a: 1\n---\nb: 2\n", StrictTree.Format.YAML);
    assertTrue(m.endsWith("more than one document (or text after the end of the document)"), m);
    assertTrue(parseError("{} {}", StrictTree.Format.JSON).contains("more than one document"));
  }

  @Test
  void issue14_aLongCommentOrTextIsParsedInLinearTime() {
    // SnakeYAML's own reader copies its window at every 1,024 characters: a 4 MB comment line took 9 s
    String comment = "k: 5\n# " + "x".repeat(StrictTree.MAX_FILE_BYTES - 100) + "\nq: [a]\n";
    JsonNode tree = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> StrictTree.parse(comment, StrictTree.Format.YAML, FAIL));
    assertEquals(5, tree.get("k").intValue());
    assertEquals("a", tree.get("q").get(0).asText());
    String text = "k: '" + "y".repeat(StrictTree.MAX_STRING_LENGTH) + "'\n";
    JsonNode t2 = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> StrictTree.parse(text, StrictTree.Format.YAML, FAIL));
    assertEquals(StrictTree.MAX_STRING_LENGTH, t2.get("k").asText().length());
  }

  @Test
  void issue14_aTextOverTheLimitIsRefusedWithTheLimitNamed() {
    String over = "# " + "x".repeat(StrictTree.MAX_FILE_BYTES);
    assertEquals("f.yaml: the text is longer than " + StrictTree.MAX_FILE_BYTES + " characters (limit)",
        parseError(over, StrictTree.Format.YAML));
  }

  @Test
  void linesAndColumnsOfTheLinearReaderMatchSnakeYamls() {
    String text = "a: 1\r\nb:\r\n  - x\n  - \"y\u00e9\ud83d\ude00\"\n\u2028c: [1,\n 2]\n";
    JsonNode t = StrictTree.parse(text, StrictTree.Format.YAML, FAIL);
    assertEquals("y\u00e9\ud83d\ude00", t.get("b").get(1).asText());
    // a syntax error on the last line is reported there
    String m = parseError("a: 1\nb: 2\nc: [\n", StrictTree.Format.YAML);
    assertTrue(m.matches("f\\.yaml: line [34]: not valid YAML"), m);
  }
}
