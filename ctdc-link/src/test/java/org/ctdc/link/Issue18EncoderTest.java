package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.link.internal.Normalise;
import org.ctdc.link.internal.Tokens;
import org.ctdc.samples.LinkageSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: normalisation, tokens, keyed encoding and its hardening. */
class Issue18EncoderTest {

  @TempDir Path dir;

  @Test
  void issue18_namesInSeveralScriptsNormaliseToLatinWords() {
    assertEquals(List.of("SERGEJ", "IVANOV"), Normalise.words("Сергей Иванов"));
    assertEquals(List.of("OBRIEN"), Normalise.words("O’Brien"));
    assertEquals(List.of("AL", "HASSAN"), Normalise.words("Al-Hassan"));
    assertEquals(List.of("JOSE", "MARIA"), Normalise.words("  José  María "));
    assertEquals(List.of("MUHAMMAD"), Normalise.words("Muhammad"));
    assertEquals(List.of("NGUYEN", "VAN", "AN"), Normalise.words("Nguyễn Văn An"));
    assertEquals(Normalise.skeleton("MOHAMMED"), Normalise.skeleton("MUHAMMAD"));
    assertEquals(Normalise.skeleton("SERGEJ"), Normalise.skeleton("SERGEY"));
    assertEquals(Normalise.skeleton("SMIRNOFF"), Normalise.skeleton("SMIRNOV"));
    assertNotEquals(Normalise.skeleton("MARIA"), Normalise.skeleton("MARTA"));
  }

  @Test
  void issue18_qgramsAndDateComponents() {
    List<String> t = new ArrayList<>();
    Tokens.qgrams("JOHN", 2, t::add);
    assertEquals(List.of("_J", "JO", "OH", "HN", "N_"), t);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    assertTrue(Tokens.date("1990-05-12", DateOrder.DMY, a::add));
    assertTrue(Tokens.date("05/12/1990", DateOrder.DMY, b::add)); // day and month swapped
    assertEquals(List.of("Y1990", "C199", "M05", "D12", "P05-12"), a);
    assertEquals(List.of("Y1990", "C199", "M12", "D05", "P05-12"), b);
    List<String> y = new ArrayList<>();
    assertTrue(Tokens.date("1991", DateOrder.DMY, y::add));
    assertEquals(List.of("Y1991", "C199"), y);
    assertFalse(Tokens.date("unknown", DateOrder.DMY, y::add));
    assertFalse(Tokens.date("31/13/1990", DateOrder.DMY, y::add));
  }

  private static Map<String, String> person(String given, String family, String dob, String sex) {
    return Map.of("record_id", "x", "given_name", given, "family_name", family, "date_of_birth", dob, "sex", sex);
  }

  @Test
  void issue18_variantsOfOnePersonAreCloserThanAnotherPerson() {
    try (LinkKey k = LinkFixtures.key()) {
      Encoder e = Encoder.builder(LinkFixtures.config(), k).build();
      Clk a = e.encode("1", person("Сергей", "Иванов", "12/05/1990", "M")::get);
      Clk b = e.encode("2", person("Sergey", "Ivanoff", "1990-05-12", "male")::get);
      Clk c = e.encode("3", person("Ivanov", "Sergei", "05/12/1990", "M")::get); // swapped, day/month swapped
      Clk other = e.encode("4", person("Dmitri", "Petrov", "03/02/1985", "M")::get);
      assertTrue(a.dice(b) > 0.82, "variant " + a.dice(b));
      assertTrue(a.dice(c) > 0.82, "swapped " + a.dice(c));
      assertTrue(a.dice(other) < 0.75, "other " + a.dice(other));
      assertEquals(512, a.cardinality(), "balancing sets exactly half the bits");
      assertTrue(e.encode("5", person("", " ", "", "")::get).isEmpty());
    }
  }

  @Test
  void issue18_theEncodingDependsOnTheKeyAndNotOnTheThreads() {
    LinkageSamples.Linkage l = LinkageSamples.generate(7, 2, 20000, 0.3, LinkageSamples.Corruption.defaults());
    List<String[]> rows = LinkFixtures.rows(l.extracts().get(0).csv());
    List<Clk> one;
    List<Clk> two;
    try (LinkKey k = LinkFixtures.key()) {
      one = Encoder.builder(LinkFixtures.config(), k).build().encode(LinkageSamples.HEADER, rows, "a").encodings();
      two = Encoder.builder(LinkFixtures.config(), k).threads(3).build().encode(LinkageSamples.HEADER, rows, "a").encodings();
    }
    assertEquals(one, two);
    try (LinkKey other = LinkKey.of("another-key-0123456789-abcdef".toCharArray())) {
      List<Clk> three = Encoder.builder(LinkFixtures.config(), other).build().encode(LinkageSamples.HEADER, rows, "a").encodings();
      assertNotEquals(one.get(0), three.get(0));
    }
    for (Hardening h : Hardening.values()) {
      LinkConfig cfg = LinkConfig.builder("record_id").hardening(h)
          .field(LinkConfig.Field.of("given", "given_name", FieldKind.NAME, 6)).build();
      try (LinkKey k = LinkFixtures.key()) {
        Clk c = Encoder.builder(cfg, k).build().encode("1", person("Anna", "Popova", "", "")::get);
        assertEquals(1024 / 64, c.words().length, h.name());
        assertEquals(c, Clk.fromBase64("1", c.toBase64(), 1024));
      }
    }
  }

  @Test
  void issue18_theKeyIsNeverShownAndIsZeroedOnClose() throws Exception {
    LinkKey k = LinkFixtures.key();
    assertFalse(k.toString().contains(LinkFixtures.KEY));
    Encoder e = Encoder.builder(LinkFixtures.config(), k).build();
    k.close();
    // the encoder keeps the HMAC's state: it still encodes once the key is closed
    assertFalse(e.encode("1", person("Anna", "Popova", "1990", "F")::get).isEmpty());
    assertThrows(IllegalStateException.class, () -> Encoder.builder(LinkFixtures.config(), k).build());
    assertFalse(e.toString().contains(LinkFixtures.KEY));
    Path f = dir.resolve("KEY");
    Files.write(f, "short\n".getBytes(StandardCharsets.UTF_8));
    LinkException x = assertThrows(LinkException.class, () -> LinkKey.fromFile(f));
    assertEquals("KEY: the key is shorter than 16 bytes", x.getMessage());
    Files.write(f, (LinkFixtures.KEY + "\n").getBytes(StandardCharsets.UTF_8));
    try (LinkKey fromFile = LinkKey.fromFile(f); LinkKey fromChars = LinkFixtures.key()) {
      Clk a = Encoder.builder(LinkFixtures.config(), fromFile).build().encode("1", person("Anna", "Popova", "1990", "F")::get);
      Clk b = Encoder.builder(LinkFixtures.config(), fromChars).build().encode("1", person("Anna", "Popova", "1990", "F")::get);
      assertEquals(a, b, "the trailing line break of a key file is not part of the key");
    }
  }

  @Test
  void issue18_encodingACsvWritesIdAndClkOnlyAndNamesRowsNotValues() throws Exception {
    Path in = dir.resolve("partner.csv");
    Files.writeString(in, "record_id,given_name,family_name,date_of_birth,sex,notes\n"
        + "A1,Anna,Popova,1990-01-02,F,secret note\nA2,,,,,\n");
    Path out = dir.resolve("partner.clk.csv");
    try (LinkKey k = LinkFixtures.key()) {
      Encoder.Summary s = Encoder.builder(LinkFixtures.config(), k).build().encodeCsv(in, out);
      assertEquals(2, s.records());
      assertEquals(1, s.empty());
      assertEquals(1L, s.missing().get("given"));
    }
    List<String> lines = Files.readAllLines(out);
    assertEquals("id,clk", lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(lines.get(1).startsWith("A1,"));
    assertEquals("A2,", lines.get(2));
    String all = Files.readString(out);
    for (String v : List.of("Anna", "ANNA", "Popova", "1990", "secret")) {
      assertFalse(all.contains(v), v);
    }
    ClkSet set = ClkFile.read(out, 1024);
    assertEquals("partner", set.source());
    assertTrue(set.isEmpty(1));
    Files.writeString(in, "record_id,given_name,family_name,date_of_birth,sex\nA1,Anna,Popova,,\nA1,Olga,Orlova,,\n");
    try (LinkKey k = LinkFixtures.key()) {
      LinkException e = assertThrows(LinkException.class, () -> Encoder.builder(LinkFixtures.config(), k).build().encodeCsv(in, out));
      assertEquals("partner.csv: row 2: column 'record_id': the record id repeats that of row 1", e.getMessage());
    }
  }
}
