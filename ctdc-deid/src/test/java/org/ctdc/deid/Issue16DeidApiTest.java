package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.deid.transform.LocalSuppression;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: de-identification and local suppression are operation objects built like every long-running
 * operation ({@link OperationBuilder}); {@link DeidConfig}'s builder checks each setting when it is set
 * (IllegalArgumentException for a value out of range, IllegalStateException for a conflict with a setting
 * made before, each naming the setting), while a configuration file still fails with {@link DeidException}
 * naming the file and the key; the report has a one-line summary.
 */
class Issue16DeidApiTest {

  private static Hierarchy flat(String name, String... values) {
    return Hierarchies.flat(name, List.of(values));
  }

  private static void refused(Class<? extends RuntimeException> type, String setting, Executable setter) {
    RuntimeException e = assertThrows(type, setter);
    assertTrue(e.getMessage().contains(setting), e.getMessage());
    assertFalse(e instanceof CtdcException, "a programmer error, not a library failure: " + e);
  }

  @Test
  void issue16_valuesOutOfRangeAreRefusedAtTheSetter() {
    DeidConfig.Builder b = DeidConfig.builder().quasiIdentifier("gender", flat("gender", "male", "female"));
    refused(IllegalArgumentException.class, "k", () -> b.k(1));
    refused(IllegalArgumentException.class, "suppressionLimit", () -> b.suppressionLimit(1.5));
    refused(IllegalArgumentException.class, "suppressionLimit", () -> b.suppressionLimit(-0.1));
    refused(IllegalArgumentException.class, "suppressionLimit", () -> b.suppressionLimit(Double.NaN));
    refused(IllegalArgumentException.class, "threads", () -> b.threads(0));
    refused(IllegalArgumentException.class, "nodeBudget", () -> b.nodeBudget(-1));
    refused(IllegalArgumentException.class, "timeBudget", () -> b.timeBudget(Duration.ofSeconds(-1)));
    refused(IllegalArgumentException.class, "riskThreshold", () -> b.riskThreshold(1.01));
    refused(IllegalArgumentException.class, "riskSmallClassThreshold", () -> b.riskSmallClassThreshold(-1));
    refused(IllegalArgumentException.class, "pseudonymKey", () -> b.pseudonymKey(new byte[8]));
    refused(IllegalArgumentException.class, "levels", () -> b.levels("gender", 0, 2));
    refused(IllegalArgumentException.class, "levels", () -> b.levels("gender", 1, 0));
    refused(IllegalArgumentException.class, "suppressionImportance",
        () -> b.suppressionImportance(List.of("gender", "gender")));
    // the refused settings left the builder as it was
    DeidConfig c = b.k(2).build();
    assertEquals(0, c.suppressionLimit());
    assertEquals(1, c.threads());
  }

  @Test
  void issue16_settingsThatConflictWithOnesSetBeforeAreRefusedAtTheSetter() {
    refused(IllegalStateException.class, "levels", () -> DeidConfig.builder().levels("age", 0, 1));
    refused(IllegalStateException.class, "role",
        () -> DeidConfig.builder().quasiIdentifier("g", flat("g", "a", "b")).role("g", Role.INSENSITIVE));
    refused(IllegalStateException.class, "quasiIdentifier",
        () -> DeidConfig.builder().role("g", Role.SENSITIVE).quasiIdentifier("g", flat("g", "a", "b")));
    refused(IllegalStateException.class, "model", () -> DeidConfig.builder()
        .quasiIdentifier("g", flat("g", "a", "b")).model(new PrivacyModel.DistinctLDiversity("g", 2)));
    refused(IllegalStateException.class, "quasiIdentifier", () -> DeidConfig.builder()
        .model(new PrivacyModel.DistinctLDiversity("g", 2)).quasiIdentifier("g", flat("g", "a", "b")));
    refused(IllegalStateException.class, "role",
        () -> DeidConfig.builder().model(new PrivacyModel.DistinctLDiversity("s", 2)).role("s", Role.IDENTIFIER));
    refused(IllegalStateException.class, "localSuppression", () -> DeidConfig.builder()
        .model(new PrivacyModel.DistinctLDiversity("s", 2)).localSuppression(LocalSuppressionMode.ALONE));
    refused(IllegalStateException.class, "localSuppression", () -> DeidConfig.builder()
        .localSuppression(LocalSuppressionMode.ALONE).model(new PrivacyModel.DistinctLDiversity("s", 2)));
    refused(IllegalStateException.class, "topCode", () -> DeidConfig.builder().topCode("n", 5).topCode("n", 6));
    refused(IllegalStateException.class, "quasiIdentifier", () -> DeidConfig.builder().k(2).build());
    refused(IllegalStateException.class, "model",
        () -> DeidConfig.builder().quasiIdentifier("g", flat("g", "a", "b")).build());
    refused(IllegalStateException.class, "suppressionImportance", () -> DeidConfig.builder()
        .quasiIdentifier("g", flat("g", "a", "b")).quasiIdentifier("h", flat("h", "a", "b")).k(2)
        .suppressionImportance(List.of("g")).build());
    // a top and a bottom coding of one variable do not conflict
    DeidConfig.builder().topCode("n", 5).bottomCode("n", 1);
  }

  @Test
  void issue16_aConfigurationFileStillFailsWithDeidExceptionNamingFileAndKey(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("g.csv"), "male;*\nfemale;*\n", StandardCharsets.UTF_8);
    String head = "quasiIdentifiers:\n  - {name: gender, hierarchy: g.csv}\nmodels:\n  - k: 2\n";
    for (String[] c : new String[][] {
        {"suppressionLimit: 2\n", "suppressionLimit"},
        {"threads: 0\n", "threads"},
        {"risk: {riskThreshold: 3}\n", "riskThreshold"},
        {"models:\n  - k: 2\n  - distinctL: {variable: gender, l: 2}\n", "gender"}}) {
      String yaml = c[0].startsWith("models") ? head.substring(0, head.indexOf("models")) + c[0] : head + c[0];
      Path f = dir.resolve("deid.yaml");
      Files.writeString(f, yaml, StandardCharsets.UTF_8);
      DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(f));
      assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains(c[1]), e.getMessage());
      assertEquals(null, e.getCause(), "no exception that might quote the file is kept");
    }
  }

  @Test
  void issue16_aDeidentifierIsAReusableThreadSafeOperation() throws Exception {
    DeidConfig config = SevenRecordExampleTest.config().build();
    Dataset data = SevenRecordExampleTest.data();
    Deidentifier deid = Deidentifier.of(config);
    assertEquals(config, deid.config());
    DeidResult one = deid.run(data);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.Callable<DeidResult> task = () -> deid.run(data);
      List<Future<DeidResult>> runs = pool.invokeAll(java.util.Collections.nCopies(8, task));
      for (Future<DeidResult> f : runs) {
        assertEquals(one.release(), f.get().release());
        assertEquals(one.report().summary(), f.get().report().summary());
      }
    } finally {
      pool.shutdown();
    }
    RecordingListener listener = RecordingListener.recording();
    DeidReport plan = Deidentifier.builder(config).progress(listener).cancellation(Cancellation.create()).build()
        .plan(data);
    assertEquals(one.report().recordsSuppressed(), plan.recordsSuppressed());
    listener.assertCompleteStage(Deidentifier.SEARCHING);
    Cancellation raised = Cancellation.create();
    raised.cancel();
    assertThrows(OperationCancelledException.class,
        () -> Deidentifier.builder(config).cancellation(raised).build().run(data));
    OperationBuilder<Deidentifier.Builder> shape = Deidentifier.builder(config);
    assertTrue(shape.cancellation(Cancellation.none()) instanceof Deidentifier.Builder);
  }

  @Test
  void issue16_localSuppressionIsAnOperationObjectInTheTransformPackage() {
    Dataset data = SevenRecordExampleTest.data();
    List<String> qis = List.of("age", "gender", "zipcode");
    LocalSuppression ls = LocalSuppression.builder(qis, 2).importance(List.of("gender", "age", "zipcode")).build();
    assertEquals(2, ls.k());
    LocalSuppression.Result r = ls.apply(data);
    assertEquals(r.dataset(), ls.apply(data).dataset());
    assertEquals(List.of("gender", "age", "zipcode"), r.importanceOrder());
    refused(IllegalArgumentException.class, "importance",
        () -> LocalSuppression.builder(qis, 2).importance(List.of("age")));
    refused(IllegalArgumentException.class, "k", () -> LocalSuppression.builder(qis, 0));
    Cancellation raised = Cancellation.create();
    raised.cancel();
    assertThrows(OperationCancelledException.class,
        () -> LocalSuppression.builder(qis, 2).cancellation(raised).build().apply(data));
    assertEquals("org.ctdc.deid.transform", LocalSuppression.class.getPackageName());
    assertEquals("org.ctdc.deid.transform", org.ctdc.deid.transform.TopBottomCoding.class.getPackageName());
  }

  @Test
  void issue16_theReportSaysInOneLineWhatTheRunDid() {
    DeidResult r = Deidentifier.of(SevenRecordExampleTest.config().build()).run(SevenRecordExampleTest.data());
    DeidReport report = r.report();
    String s = report.summary();
    assertTrue(s.startsWith("k-anonymity(k=3): 7 records, " + report.releasedRecords() + " released, "
        + report.recordsSuppressed() + " suppressed (limit 0); node age "), s);
    for (DeidReport.QiLevel q : report.quasiIdentifiers()) {
      assertTrue(s.contains(q.name() + " " + q.level() + " (" + q.levelName() + ")"), s);
    }
    assertTrue(s.contains("information kept " + Math.round(100 * report.informationKept()) + " %"), s);
    assertTrue(s.endsWith("; optimal"), s);
    assertTrue(report.informationKept() > 0 && report.informationKept() < 1, "the seven records are generalised");
    assertFalse(s.contains("81667") || s.contains("female"), "never a record value: " + s);
  }
}
