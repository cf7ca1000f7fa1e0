package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: the linkage configuration, its builder's checks and its strict reader. */
class Issue18ConfigTest {

  @TempDir Path dir;

  static Path example() throws Exception {
    return Paths.get(Issue18ConfigTest.class.getResource("/issue18/link.yaml").toURI());
  }

  @Test
  void issue18_theWorkedExampleReads() throws Exception {
    LinkConfig c = LinkConfig.read(example());
    assertEquals("record_id", c.idColumn());
    assertEquals(4, c.fields().size());
    assertEquals(FieldKind.DATE, c.fields().get(2).kind());
    assertEquals(DateOrder.DMY, c.fields().get(2).dateOrder());
    assertEquals("name", c.fields().get(1).group());
    assertEquals(1024, c.bits());
    assertEquals(Hardening.BALANCE, c.hardening());
    assertEquals(0.82, c.threshold());
    assertEquals(256, c.bands());
    assertEquals(18, c.bitsPerBand());
    assertEquals(java.util.List.of("record_id", "given_name", "family_name", "date_of_birth", "sex"), c.columns());
  }

  private LinkException bad(String yaml) throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, yaml);
    return assertThrows(LinkException.class, () -> LinkConfig.read(f));
  }

  @Test
  void issue18_unknownAndDuplicateKeysAreRejectedWithFileAndPath() throws Exception {
    String ok = Files.readString(example());
    LinkException e = bad(ok.replace("    weight: 4", "    weight: 4\n    colour: red"));
    assertTrue(e.getMessage().startsWith("bad.yaml: fields[3]: unknown key 'colour'"), e.getMessage());
    assertFalse(e.getMessage().contains("red"), e.getMessage());
    e = bad(ok.replace("id: record_id", "id: record_id\nid: other"));
    assertTrue(e.getMessage().startsWith("bad.yaml"), e.getMessage());
    e = bad(ok.replace("kind: code", "kind: phonetic"));
    assertTrue(e.getMessage().contains("fields[3].kind: unknown value"), e.getMessage());
    e = bad(ok.replace("bits: 1024", "bits: 1000"));
    assertTrue(e.getMessage().contains("encoding.bits"), e.getMessage());
    e = bad(ok.replace("weight: 20", "weight: 0"));
    assertTrue(e.getMessage().contains("fields[2]") && e.getMessage().contains("weight"), e.getMessage());
    e = bad(ok.replace("threshold: 0.82", "threshold: 1.5"));
    assertTrue(e.getMessage().contains("match.threshold"), e.getMessage());
    e = bad(ok.replace("name: sex", "name: dob"));
    assertTrue(e.getMessage().contains("named twice"), e.getMessage());
    e = bad("id: x\nfields: []\n");
    assertTrue(e.getMessage().contains("fields"), e.getMessage());
  }

  @Test
  void issue18_theBuilderChecksEachSettingAtTheSetter() {
    LinkConfig.Builder b = LinkConfig.builder("id");
    assertThrows(IllegalArgumentException.class, () -> b.bits(100));
    assertThrows(IllegalStateException.class, () -> b.bits(192)); // balancing needs a multiple of 128
    b.hardening(Hardening.XOR_FOLD).bits(192);
    assertThrows(IllegalStateException.class, () -> b.hardening(Hardening.BALANCE));
    assertThrows(IllegalArgumentException.class, () -> b.threshold(0));
    assertThrows(IllegalArgumentException.class, () -> b.blocking(10, 40));
    assertThrows(IllegalStateException.class, () -> b.field(LinkConfig.Field.of("x", "id", FieldKind.CODE, 1)));
    assertThrows(IllegalStateException.class, b::build);
    assertThrows(IllegalArgumentException.class, () -> LinkConfig.Field.of("x", "c", FieldKind.CODE, 101));
  }
}
