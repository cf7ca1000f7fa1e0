package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ctdc.deid.SettingErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: the settings of a {@link PublishedTableDefinition} set from Java ({@code minWidth},
 * {@code levels}) are checked when set with an {@link IllegalArgumentException} naming the setting, as
 * {@link AuditOptions.Builder#minWidth} is; the definition's spec (name, dimensions) stays a {@link
 * TableFormatException}. A definition file breaking the same rules is a {@link TableFormatException} naming
 * the file and the field, quoting none of the file and without the setter's exception as the cause.
 */
class Issue16DefinitionSettersTest {

  @TempDir Path dir;

  private static final PublishedTableDefinition DEF = PublishedTableDefinition.of("t",
      List.of(new TableDimension("g", "Total", Map.of("Total", List.of("F", "M")))));

  static Stream<Arguments> settersOutOfRange() {
    return Stream.of(
        Arguments.of("minWidth", (Supplier<?>) () -> DEF.withMinWidth(0)),
        Arguments.of("minWidth", (Supplier<?>) () -> DEF.withMinWidth(-2.5)),
        Arguments.of("minWidth", (Supplier<?>) () -> DEF.withMinWidth(Double.NaN)),
        Arguments.of("minWidth", (Supplier<?>) () -> DEF.withMinWidth(Double.POSITIVE_INFINITY)),
        Arguments.of("minWidth", (Supplier<?>) () -> new PublishedTableDefinition("t", DEF.dimensions(),
            OptionalDouble.of(0))),
        Arguments.of("levels", (Supplier<?>) () -> DEF.withLevels(" ")),
        Arguments.of("levels", (Supplier<?>) () -> DEF.withLevels("..")),
        Arguments.of("levels", (Supplier<?>) () -> DEF.withLevels("sub/t.levels.json")),
        Arguments.of("levels", (Supplier<?>) () -> DEF.withLevels("sub\\t.levels.json")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("settersOutOfRange")
  void issue16_aSettingOutOfRangeIsAnIllegalArgumentNamingTheSetting(String setting, Supplier<?> set) {
    SettingErrors.assertRefusedByTheSetter(setting, set);
  }

  @Test
  void issue16_theSpecStaysATableFormatExceptionAndValidSettingsAreKept() {
    assertThrows(TableFormatException.class, () -> PublishedTableDefinition.of(" ", DEF.dimensions()));
    assertThrows(TableFormatException.class, () -> PublishedTableDefinition.of("t", List.of()));
    PublishedTableDefinition d = DEF.withMinWidth(0.5).withLevels("t.levels.json");
    assertEquals(OptionalDouble.of(0.5), d.minWidth());
    assertEquals("t.levels.json", d.levels().orElseThrow());
  }

  private static final String HEAD = "{\"tableFormat\": 1, \"name\": \"t\", \"dimensions\": [{\"name\": \"g\","
      + " \"total\": \"Total\", \"hierarchy\": {\"Total\": [\"F\", \"M\"]}}], \"protection\": ";

  /** Each line: the protection object | the field and rule the error must name | the value given. */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"minWidth\": 0}                  | field 'protection.minWidth': minWidth must be positive and finite | ''",
      "{\"minWidth\": -37.25}             | field 'protection.minWidth': minWidth must be positive and finite | -37.25",
      "{\"minWidth\": 1, \"levels\": \"q/zz.json\"} | field 'protection.levels': levels must be a file name    | q/zz.json",
      "{\"levels\": \"...\"}              | field 'protection.levels': levels must be a file name              | ...",
  })
  void issue16_aSettingBrokenInTheFileIsATableFormatExceptionNamingFileAndField(String protection,
      String expected, String value) throws IOException {
    Path f = Files.writeString(dir.resolve("t.table.json"), HEAD + protection + "}");
    SettingErrors.assertLocated(TableFormatException.class, () -> PublishedTableDefinition.read(f), f.toString(),
        expected, value);
    String text = Files.readString(f);
    SettingErrors.assertLocated(TableFormatException.class, () -> PublishedTableDefinition.parse(text, "src.json"),
        "src.json", expected, value);
  }

  @Test
  void issue16_aValidFileKeepsWidthAndLevels() throws IOException {
    Path f = Files.writeString(dir.resolve("t.table.json"), HEAD + "{\"minWidth\": 2, \"levels\": \"t.levels.json\"}}");
    PublishedTableDefinition d = PublishedTableDefinition.read(f);
    assertEquals(OptionalDouble.of(2), d.minWidth());
    assertEquals("t.levels.json", d.levels().orElseThrow());
  }
}
