package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.OperationBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: the aligner's builder checks every setting when it is set, naming it, and every failure of
 * the aligner that is not a programmer's mistake is a {@link CtdcException}.
 */
class Issue16AlignerTest {

  @TempDir Path dir;

  static Stream<Arguments> setterChecks() {
    AlignmentSpec spec = AlignerTest.spec();
    return Stream.of(
        Issue16RuleBuildersTest.check("spec null", NullPointerException.class, "spec", () -> Aligner.builder(null)),
        Issue16RuleBuildersTest.check("of null", NullPointerException.class, "spec", () -> Aligner.of(null)),
        Issue16RuleBuildersTest.check("mode null", NullPointerException.class, "mode", () -> Aligner.builder(spec).mode(null)),
        Issue16RuleBuildersTest.check("rowsListed negative", IllegalArgumentException.class, "rowsListed",
            () -> Aligner.builder(spec).rowsListed(-1)),
        Issue16RuleBuildersTest.check("showValuesSeenAtLeast 1", IllegalArgumentException.class, "showValuesSeenAtLeast",
            () -> Aligner.builder(spec).showValuesSeenAtLeast(1)),
        Issue16RuleBuildersTest.check("progress null", NullPointerException.class, "listener", () -> Aligner.builder(spec).progress(null)),
        Issue16RuleBuildersTest.check("cancellation null", NullPointerException.class, "signal",
            () -> Aligner.builder(spec).cancellation(null)),
        // the country resolver's builder follows the same rule: a setting out of range is the caller's mistake
        Issue16RuleBuildersTest.check("fuzzyThreshold 0", IllegalArgumentException.class, "fuzzyThreshold",
            () -> org.ctdc.core.normalize.CountryResolver.builder().fuzzyThreshold(0)),
        Issue16RuleBuildersTest.check("fuzzyThreshold above 1", IllegalArgumentException.class, "fuzzyThreshold",
            () -> org.ctdc.core.normalize.CountryResolver.builder().fuzzyThreshold(1.5)),
        Issue16RuleBuildersTest.check("fuzzyThreshold NaN", IllegalArgumentException.class, "fuzzyThreshold",
            () -> org.ctdc.core.normalize.CountryResolver.builder().fuzzyThreshold(Double.NaN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setterChecks")
  void issue16_eachAlignerSettingIsCheckedWhenSetAndTheMessageNamesIt(
      String what, Class<? extends RuntimeException> type, String setting, Supplier<?> call) {
    Issue16RuleBuildersTest.assertRefused(what, type, setting, call);
  }

  @Test
  void issue16_theAlignerBuilderIsAnOperationBuilder() {
    OperationBuilder<Aligner.Builder> b = Aligner.builder(AlignerTest.spec());
    assertInstanceOf(Aligner.Builder.class, b.progress((stage, done, total) -> { }));
  }

  @Test
  void issue16_theAlignerNullChecksItsArgumentsNamingThem() {
    Aligner a = Aligner.of(AlignerTest.spec());
    assertTrue(assertThrows(NullPointerException.class, () -> a.alignCsv((Path) null)).getMessage().contains("file"));
    assertTrue(assertThrows(NullPointerException.class, () -> a.alignCsv((Reader) null, "x")).getMessage().contains("in"));
    assertTrue(assertThrows(NullPointerException.class, () -> a.alignCsv(new StringReader(""), null)).getMessage()
        .contains("name"));
    assertTrue(assertThrows(NullPointerException.class, () -> a.alignJsonLines((Path) null)).getMessage().contains("file"));
    assertTrue(assertThrows(NullPointerException.class, () -> a.align(List.of(), null)).getMessage().contains("name"));
    assertTrue(assertThrows(NullPointerException.class, () -> a.align((org.ctdc.schema.Dataset) null)).getMessage()
        .contains("source"));
  }

  /** A reader that fails at once, as a broken network stream does. */
  private static Reader failing() {
    return new Reader() {
      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void issue16_everyFailureOfTheInputIsACtdcException() throws IOException {
    Aligner a = Aligner.of(AlignerTest.spec());
    Path missing = dir.resolve("missing.csv");
    Path folder = Files.createDirectories(dir.resolve("a-folder.csv"));
    List<Supplier<?>> calls = List.of(
        () -> a.alignCsv(missing),
        () -> a.alignJsonLines(missing),
        () -> a.alignCsv(folder),
        () -> a.alignJsonLines(folder),
        () -> a.alignCsv(failing(), "net.csv"),
        () -> a.alignJsonLines(failing(), "net.jsonl"),
        () -> a.alignCsv(new StringReader(""), "empty.csv"),
        () -> a.alignCsv(new StringReader("id,name\n1,x\n"), "no-columns.csv"));
    for (int i = 0; i < calls.size(); i++) {
      Supplier<?> call = calls.get(i);
      RuntimeException e = assertThrows(RuntimeException.class, call::get, "call " + i);
      assertInstanceOf(CtdcException.class, e, "call " + i + ": " + e);
    }
  }

  @Test
  void issue16_rowsOfAnyShapeFromThePartnersCodeAlignOrAreRejectedNeverThrow() {
    Map<String, Object> nullKey = new HashMap<>(Map.of("date", "2019", "sex_of_person", "F"));
    nullKey.put(null, "x");
    Map<String, Object> odd = new HashMap<>();
    odd.put("date", 2019);
    odd.put("sex_of_person", List.of("F"));
    odd.put("type", new Object[] {"Sex"});
    odd.put("age", Map.of("a", 1));
    List<Map<String, ?>> rows = new ArrayList<>();
    rows.add(nullKey);
    rows.add(odd);
    rows.add(null);
    AlignmentResult r = Aligner.of(AlignerTest.spec()).align(rows, "rows");
    assertEquals(3, r.report().rowsRead());
    assertEquals(r.report().rowsRead(), r.report().rowsAligned() + r.report().rowsRejected());
    String json = r.report().toJson();
    assertTrue(!json.contains("null,") && !json.contains("\"null\""), json);
  }
}
