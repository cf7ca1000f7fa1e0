package org.ctdc.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, the configuration: SDS's names, defaults, strict reading, checks at the setter. */
class Issue17SynthConfigTest {
  @TempDir Path dir;

  private SynthConfig read(String yaml) throws Exception {
    Path f = dir.resolve("synth.yaml");
    Files.writeString(f, yaml);
    return SynthConfig.read(f);
  }

  @Test
  void issue17_aMinimalDpConfigurationIsCompleteWithTheDocumentedDefaults() throws Exception {
    SynthConfig c = read("schema: ctdc-global-synthetic@2024\ncolumns: [gender, ageBroad]\nmode: dp\n"
        + "reportingLength: 3\nepsilon: 4\n");
    assertEquals(SynthConfig.Mode.DP, c.mode());
    assertEquals(3, c.reportingLength());
    assertEquals(4.0, c.epsilon());
    assertEquals(99.0, c.percentile());
    assertEquals(0.01, c.percentileEpsilonProportion());
    assertEquals(0.005, c.numberOfRecordsEpsilonProportion());
    assertEquals(List.of(1.0, 0.5, 1.0 / 3), c.sigmaProportions());
    assertEquals(SynthConfig.ThresholdType.ADAPTIVE, c.thresholdType());
    assertEquals(0.5, c.threshold(2));
    assertEquals(0.5, c.threshold(3));
    assertTrue(c.delta().isEmpty());
    assertEquals(OptionalLong.empty(), c.seed());
    assertEquals(10, c.resolution());
  }

  @Test
  void issue17_everySdsParameterIsRead() throws Exception {
    SynthConfig c = read("columns: [a, b]\nmode: dp\nreportingLength: 2\nepsilon: 1.5\ndelta: 0.0001\n"
        + "percentile: 95\npercentileEpsilonProportion: 0.02\nnumberOfRecordsEpsilonProportion: 0.01\n"
        + "sigmaProportions: [1, 0.25]\nthresholds: {type: fixed, values: {2: 12}}\nsensitiveZeros: [b]\nseed: 7\n"
        + "resolution: 5\n");
    assertEquals(0.0001, c.delta().getAsDouble());
    assertEquals(95.0, c.percentile());
    assertEquals(0.02, c.percentileEpsilonProportion());
    assertEquals(0.01, c.numberOfRecordsEpsilonProportion());
    assertEquals(List.of(1.0, 0.25), c.sigmaProportions());
    assertEquals(SynthConfig.ThresholdType.FIXED, c.thresholdType());
    assertEquals(12.0, c.threshold(2));
    assertEquals(List.of("b"), c.sensitiveZeros());
    assertEquals(7L, c.seed().getAsLong());
    assertEquals(5, c.resolution());
    assertTrue(c.schema().isEmpty());
  }

  @Test
  void issue17_kSyntheticNeedsAResolutionAndDpAnEpsilon() throws Exception {
    SynthConfig k = read("columns: [a]\nmode: k-synthetic\nreportingLength: 4\nresolution: 10\n");
    assertEquals(10, k.resolution());
    SynthException noRes = assertThrows(SynthException.class,
        () -> read("columns: [a]\nmode: k-synthetic\nreportingLength: 4\n"));
    assertTrue(noRes.getMessage().contains("resolution"), noRes.getMessage());
    SynthException noEps = assertThrows(SynthException.class, () -> read("columns: [a]\nmode: dp\nreportingLength: 4\n"));
    assertTrue(noEps.getMessage().contains("epsilon"), noEps.getMessage());
    SynthException epsInK = assertThrows(SynthException.class,
        () -> read("columns: [a]\nmode: k-synthetic\nreportingLength: 4\nresolution: 10\nepsilon: 1\n"));
    assertTrue(epsInK.getMessage().contains("epsilon applies to mode dp only"), epsInK.getMessage());
  }

  @Test
  void issue17_unknownAndRepeatedKeysAreRefusedNamingFileAndKey() {
    SynthException unknown = assertThrows(SynthException.class,
        () -> read("columns: [a]\nmode: dp\nreportingLength: 2\nepsilon: 1\nepsilonn: 2\n"));
    assertTrue(unknown.getMessage().contains("synth.yaml") && unknown.getMessage().contains("unknown key 'epsilonn'"),
        unknown.getMessage());
    SynthException twice = assertThrows(SynthException.class,
        () -> read("columns: [a]\nmode: dp\nreportingLength: 2\nepsilon: 1\nepsilon: 2\n"));
    assertTrue(twice.getMessage().contains("synth.yaml") && twice.getMessage().contains("epsilon"), twice.getMessage());
    SynthException nested = assertThrows(SynthException.class,
        () -> read("columns: [a]\nmode: dp\nreportingLength: 2\nepsilon: 1\nthresholds: {kind: fixed}\n"));
    assertTrue(nested.getMessage().contains("thresholds") && nested.getMessage().contains("kind"), nested.getMessage());
  }

  @Test
  void issue17_theBuilderChecksEachSettingWhenSetNamingIt() {
    IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
        () -> SynthConfig.builder(SynthConfig.Mode.DP, 0));
    assertTrue(len.getMessage().contains("reportingLength"));
    SynthConfig.Builder b = SynthConfig.builder(SynthConfig.Mode.DP, 3);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.epsilon(-1)).getMessage().contains("epsilon"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.delta(1)).getMessage().contains("delta"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.sigmaProportions(List.of(1.0)))
        .getMessage().contains("sigmaProportions"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.threshold(4, 0.5)).getMessage()
        .contains("thresholds"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.threshold(2, 1.5)).getMessage()
        .contains("adaptive"));
    b.threshold(2, 0.3);
    assertTrue(assertThrows(IllegalStateException.class, () -> b.thresholdType(SynthConfig.ThresholdType.FIXED))
        .getMessage().contains("thresholds.type"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.columns(List.of("a", "a"))).getMessage()
        .contains("columns"));
    SynthConfig.Builder k = SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, 3);
    assertTrue(assertThrows(IllegalStateException.class, () -> k.percentile(90)).getMessage().contains("percentile"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> k.resolution(0)).getMessage().contains("resolution"));
  }

  @Test
  void issue17_aSchemaFileResolvesAgainstTheConfigurationsFolder() throws Exception {
    SynthConfig c = read("schema: schemas/mine.yaml\ncolumns: [a]\nmode: k-synthetic\nreportingLength: 1\nresolution: 2\n");
    assertEquals(dir.resolve("schemas/mine.yaml").toAbsolutePath().normalize().toString(), c.schema().get());
  }
}
