package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.SuppressionRules.ThresholdBound;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.deid.SettingErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: the settings of {@link SuppressionRules} and {@link OutputOptions} set from Java are programmer
 * errors, checked when set with an {@link IllegalArgumentException} naming the setting (as {@code
 * AuditOptions} and {@code DeidConfig} do), not a {@link TableException}. The same rules broken in a
 * configuration file are a {@link TableException} naming the file, the key path and the rule, quoting
 * none of the file and without the setter's exception as the cause.
 */
class Issue16RulesSettersTest {

  @TempDir Path dir;

  private static final SuppressionRules D = SuppressionRules.ctdcDefaults();

  static Stream<Arguments> settersOutOfRange() {
    return Stream.of(
        Arguments.of("threshold", (Supplier<?>) () -> D.withThreshold(-1, ThresholdBound.LESS_THAN)),
        Arguments.of("threshold", (Supplier<?>) () -> new SuppressionRules(-3, ThresholdBound.AT_MOST, false, 0, 0,
            0, 0, 1, 0, false)),
        Arguments.of("dominanceN", (Supplier<?>) () -> D.withMagnitudeRules(-1, 80, 0, 0)),
        Arguments.of("dominanceK", (Supplier<?>) () -> D.withMagnitudeRules(2, 0, 0, 0)),
        Arguments.of("dominanceK", (Supplier<?>) () -> D.withMagnitudeRules(2, 100.5, 0, 0)),
        Arguments.of("dominanceK", (Supplier<?>) () -> D.withMagnitudeRules(2, Double.NaN, 0, 0)),
        Arguments.of("pPercent", (Supplier<?>) () -> D.withMagnitudeRules(0, 0, -0.5, 0)),
        Arguments.of("pPercent", (Supplier<?>) () -> D.withMagnitudeRules(0, 0, 101, 0)),
        Arguments.of("minContributors", (Supplier<?>) () -> D.withMagnitudeRules(0, 0, 0, -2)),
        Arguments.of("minWidth", (Supplier<?>) () -> D.withProtection(0, 0)),
        Arguments.of("minWidthPercent", (Supplier<?>) () -> D.withProtection(1, -1)),
        Arguments.of("minWidthPercent", (Supplier<?>) () -> D.withProtection(1, 1000.5)),
        Arguments.of("suppressedLabel", (Supplier<?>) () -> new OutputOptions("  ", 1, Map.of())),
        Arguments.of("minWidth", (Supplier<?>) () -> new OutputOptions("..", 0, Map.of())),
        Arguments.of("hxlTags", (Supplier<?>) () -> new OutputOptions("..", 1, Map.of("gender", "gender+code"))),
        Arguments.of("hxlTags", (Supplier<?>) () -> new OutputOptions("..", 1, Map.of("g", "x"), false)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("settersOutOfRange")
  void issue16_aSettingOutOfRangeIsAnIllegalArgumentNamingTheSetting(String setting, Supplier<?> set) {
    SettingErrors.assertRefusedByTheSetter(setting, set);
  }

  @Test
  void issue16_aMissingBoundOrLabelIsANullPointerNamingIt() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> D.withThreshold(11, null));
    assertEquals("bound", e.getMessage());
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("gender", null);
    assertThrows(NullPointerException.class, () -> new OutputOptions("..", 1, tags));
  }

  @Test
  void issue16_settingsInRangeAreKept() {
    SuppressionRules r = D.withThreshold(0, ThresholdBound.LESS_THAN).withMagnitudeRules(2, 100, 100, 3)
        .withProtection(1, 1000);
    assertEquals(0, r.threshold());
    assertEquals(100, r.dominanceK());
    assertEquals(1000, r.minWidthPercent());
    OutputOptions o = new OutputOptions("<11", 2, Map.of("gender", "#gender"));
    assertEquals("#gender", o.hxlTags().get("gender"));
  }

  private static final String HEAD = "tablesConfig: 1\nschema: ctdc-global-kanon@2020\n";
  private static final String TAIL = "dimensions:\n  - {name: gender, leaves: [Female, Male]}\n"
      + "tables:\n  - {name: by_gender, dimensions: [gender]}\n";

  /** Each line: the rules or output mapping | the key path and rule the error must name | the value. */
  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "rules: {threshold: -7}                 | rules.threshold: threshold must not be negative                | -7",
      "rules: {dominance: {n: -2, k: 80}}     | rules.dominance: dominanceN must not be negative               | -2",
      "rules: {dominance: {n: 2, k: 170.25}}  | rules.dominance: dominanceK must be in (0, 100]                | 170.25",
      "rules: {dominance: {n: 2}}             | rules.dominance: dominanceK must be in (0, 100]                | ''",
      "rules: {pPercent: 130.75}              | rules.pPercent: pPercent (p of the p%-rule) must be in [0, 100] | 130.75",
      "rules: {minContributors: -9}           | rules.minContributors: minContributors must not be negative    | -9",
      "rules: {minWidth: -41}                 | rules.minWidth: minWidth must be at least 1                    | -41",
      "rules: {minWidthPercent: 4321.5}       | rules.minWidthPercent: minWidthPercent must be in [0, 1000]    | 4321.5",
      "output: {hxl: {gender: 'gender+code'}} | output.hxl: hxlTags: the tag of 'gender' must start with '#'   | gender+code",
  })
  void issue16_aRuleBrokenInTheFileIsATableExceptionNamingFileKeyAndRule(String mapping, String expected,
      String value) throws IOException {
    Path f = Files.writeString(dir.resolve("t.yaml"), HEAD + mapping + "\n" + TAIL);
    SettingErrors.assertLocated(TableException.class, () -> TablesConfig.read(f), f.toString(), expected, value);
    String text = Files.readString(f);
    SettingErrors.assertLocated(TableException.class, () -> TablesConfig.parse(text, "src.yaml", dir), "src.yaml",
        expected, value);
  }

  @Test
  void issue16_catchingCtdcExceptionCatchesTheFileErrorAndNotTheProgrammerError() throws IOException {
    Path f = Files.writeString(dir.resolve("t.yaml"), HEAD + "rules: {minWidth: 0}\n" + TAIL);
    RuntimeException fromFile = assertThrows(RuntimeException.class, () -> TablesConfig.read(f));
    assertInstanceOf(CtdcException.class, fromFile);
    RuntimeException fromJava = assertThrows(RuntimeException.class, () -> D.withProtection(0, 0));
    assertInstanceOf(IllegalArgumentException.class, fromJava);
  }

  @Test
  void issue16_aValidFileStillReadsItsRules() throws IOException {
    Path f = Files.writeString(dir.resolve("t.yaml"), HEAD
        + "rules: {threshold: 5, bound: '<=', protectZeros: true, dominance: {n: 2, k: 85}, pPercent: 10,"
        + " minContributors: 3, minWidth: 2, minWidthPercent: 15, forceGrandTotal: true}\n"
        + "output: {suppressedLabel: '<5', hxl: {gender: '#gender'}}\n" + TAIL);
    TablesConfig c = TablesConfig.read(f);
    assertEquals(new SuppressionRules(5, ThresholdBound.AT_MOST, true, 2, 85, 10, 3, 2, 15, true), c.rules());
    assertEquals(new OutputOptions("<5", 2, Map.of("gender", "#gender")), c.output());
  }

  /** No table to protect or to audit is a programmer error in both operations, after the cancellation check. */
  @Test
  void issue16_noTableIsAnIllegalArgumentInTheProtectorAndTheAudit() {
    RuntimeException protect = assertThrows(RuntimeException.class, () -> TableProtector.of(D).suppress(List.of()));
    assertInstanceOf(IllegalArgumentException.class, protect);
    assertTrue(protect.getMessage().startsWith("linked: "), protect.getMessage());
    RuntimeException audit = assertThrows(RuntimeException.class, () -> TableAudit.of().audit(List.of()));
    assertInstanceOf(IllegalArgumentException.class, audit);
    assertTrue(audit.getMessage().startsWith("tables: "), audit.getMessage());
    Cancellation cancelled = Cancellation.create();
    cancelled.cancel();
    assertThrows(OperationCancelledException.class,
        () -> TableProtector.builder(D).cancellation(cancelled).build().suppress(List.of()));
  }
}
