package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: schema files are read with the one strict reader set-up; a parse error never quotes the file. */
class Issue14SchemaFilesTest {

  @Test
  void issue14_aJsonSchemaFileParseErrorDoesNotQuoteTheOffendingToken(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("s.json"), "{\"schemaFormat\": 1,\n \"name\": JaneRoeSecret}\n");
    SchemaFormatException e = assertThrows(SchemaFormatException.class, () -> SchemaFiles.read(f));
    assertEquals(f + ": line 2: not valid JSON", e.getMessage());
    assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("Unrecognized"), e.getMessage());
    assertNull(e.getCause(), "the parser's exception quotes the token: it is not kept");
  }

  @Test
  void issue14_aYamlSchemaParseErrorDoesNotQuoteTheFile() {
    SchemaFormatException e = assertThrows(SchemaFormatException.class,
        () -> SchemaFiles.fromYaml("schemaFormat: 1\nname: [JaneRoeSecret\n", "s.yaml"));
    assertTrue(e.getMessage().matches("s\\.yaml: line [0-9]+: not valid YAML"), e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void issue14_anUnknownOrDuplicatedKeyOfASchemaFileIsNamedWithItsPath() {
    SchemaFormatException unknown = assertThrows(SchemaFormatException.class,
        () -> SchemaFiles.fromYaml("schemaFormat: 1\nname: t\nversion: '1'\nformat: {delimter: ';'}\nvariables: []\n", "s.yaml"));
    assertEquals("format", unknown.path());
    assertTrue(unknown.rule().startsWith("unknown key 'delimter' (known: delimiter, flagFalse, flagTrue, missing, separator)"),
        unknown.getMessage());
    SchemaFormatException twice = assertThrows(SchemaFormatException.class,
        () -> SchemaFiles.fromJson("{\"schemaFormat\": 1, \"name\": \"t\", \"name\": \"u\"}", "s.json"));
    assertEquals("s.json: line 1: the key 'name' appears twice in one mapping", twice.getMessage());
  }
}
