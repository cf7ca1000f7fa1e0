package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML keys of local suppression, top and bottom coding and the risk measures. */
class DeidJobOptionsTest {

  static Path job(Path dir, String extra) throws Exception {
    Files.writeString(dir.resolve("g.csv"), "a;*\nb;*\n");
    Files.writeString(dir.resolve("h.csv"), "x;*\ny;*\n");
    Path p = dir.resolve("deid.yaml");
    Files.writeString(p, "quasiIdentifiers:\n  - {name: g, hierarchy: g.csv}\n  - {name: h, hierarchy: h.csv}\n"
        + "models:\n  - k: 5\n" + extra);
    return p;
  }

  @Test
  void theNewKeysAreRead(@TempDir Path dir) throws Exception {
    DeidConfig c = DeidJob.read(job(dir, """
        localSuppression: afterGeneralisation
        localSuppressionImportance: [h, g]
        topBottomCoding:
          - {variable: age, top: 80, bottom: 14}
          - {variable: victims, top: 10}
        risk: {smallClassThreshold: 3, riskThreshold: 0.2, weights: w}
        """)).config();
    assertEquals(LocalSuppressionMode.AFTER_GENERALISATION, c.localSuppression());
    assertEquals(List.of("h", "g"), c.suppressionImportance());
    assertEquals(List.of(new DeidConfig.Coding("age", false, 14), new DeidConfig.Coding("age", true, 80),
        new DeidConfig.Coding("victims", true, 10)), c.codings());
    assertEquals(3, c.riskSmallClassThreshold());
    assertEquals(0.2, c.riskThreshold());
    assertEquals(Optional.of("w"), c.riskWeights());
  }

  @Test
  void defaultsAreNoLocalSuppressionNoCodingAndTheRiskThresholdK(@TempDir Path dir) throws Exception {
    DeidConfig c = DeidJob.read(job(dir, "")).config();
    assertEquals(LocalSuppressionMode.NONE, c.localSuppression());
    assertEquals(List.of(), c.codings());
    assertEquals(5, c.riskSmallClassThreshold());
    assertEquals(0.1, c.riskThreshold());
    assertEquals(Optional.empty(), c.riskWeights());
    assertEquals(c.localSuppression(), c.toBuilder().build().localSuppression());
  }

  @Test
  void theJobListsTheHierarchiesAndKeyFileItRead(@TempDir Path dir) throws Exception {
    job(dir, "");
    Files.writeString(dir.resolve("s.csv"), "p;*\nq;*\n");
    Files.write(dir.resolve("pseudonym.key"), new byte[32]);
    Path yaml = dir.resolve("with-files.yaml");
    Files.writeString(yaml, "quasiIdentifiers:\n  - {name: g, hierarchy: g.csv}\n  - {name: h, hierarchy: h.csv}\n"
        + "models:\n  - k: 5\n  - tCloseness: {variable: s, t: 0.5, hierarchy: s.csv}\n"
        + "pseudonymKeyFile: pseudonym.key\n");
    DeidJob j = DeidJob.read(yaml);
    assertEquals(List.of("g.csv", "h.csv", "s.csv", "pseudonym.key"),
        j.filesRead().stream().map(p -> p.getFileName().toString()).toList());
    for (Path p : j.filesRead()) {
      assertTrue(Files.isSameFile(dir.resolve(p.getFileName()), p), p.toString());
    }
    assertEquals(List.of("g.csv", "h.csv"),
        DeidJob.read(dir.resolve("deid.yaml")).filesRead().stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(List.of(), new DeidJob(j.config(), j.schema(), j.delimiter(), j.missingTokens()).filesRead());
  }

  @Test
  void mistakesAreNamed(@TempDir Path dir) throws Exception {
    DeidException a = assertThrows(DeidException.class, () -> DeidJob.read(job(dir, "localSuppression: sometimes\n")));
    assertTrue(a.getMessage().contains("localSuppression") && a.getMessage().contains("afterGeneralisation"),
        a.getMessage());
    DeidException b = assertThrows(DeidException.class, () -> DeidJob.read(job(dir, "risk: {treshold: 1}\n")));
    assertTrue(b.getMessage().contains("risk: unknown key 'treshold'"), b.getMessage());
    DeidException c = assertThrows(DeidException.class,
        () -> DeidJob.read(job(dir, "topBottomCoding:\n  - {variable: age}\n")));
    assertTrue(c.getMessage().contains("topBottomCoding[0]"), c.getMessage());
    DeidException d = assertThrows(DeidException.class,
        () -> DeidJob.read(job(dir, "localSuppression: alone\nlocalSuppressionImportance: [g]\n")));
    assertTrue(d.getMessage().contains("importance"), d.getMessage());
  }
}
