package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.transform.LocalSuppression;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.table.TablesConfig;
import org.ctdc.deid.table.TablesRun;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaFiles;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaked from the public entry points of ctdc-deid: {@link Deidentifier} (run and plan, with and
 * without a pseudonym key), {@link DeidJob}, {@link Verifier}, {@link RiskMeasures}, {@link LocalSuppression},
 * {@link TablesRun} and {@link TableAudit}, on records whose identifier and free-text values are unique canary
 * strings and whose pseudonym key is itself a canary. Exception messages (with causes), {@code toString()} of
 * results, reports and their JSON, written releases and tables, and every log event
 * ({@link CapturingLogProvider}) are searched. Permitted: nothing. The identifier column of a pseudonymised
 * release holds HMAC-SHA-256 hex only.
 */
class NothingLeakedDeidCanaryTest {

  private static final String MARK = "CANARY";
  private static final String KEY = MARK + "-pseudonym-key-never-shown";

  @TempDir Path dir;
  private final List<String> observed = new ArrayList<>();
  private int next;

  @BeforeEach
  void clear() {
    CapturingLogProvider.clear();
  }

  private String canary(String tag) {
    return MARK + "-" + tag + "-" + (next++);
  }

  static Schema schema() {
    return Schema.builder("canary", "1")
        .add(Variable.builder("caseId", VariableKind.IDENTIFIER).build())
        .add(Variable.builder("notes", VariableKind.FREE_TEXT).build())
        .add(Variable.builder("age", VariableKind.CATEGORICAL).role(Role.QUASI_IDENTIFIER)
            .values(ValueSet.ofCodes("0--17", "18--29", "30+")).build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).role(Role.QUASI_IDENTIFIER)
            .values(ValueSet.ofCodes("Female", "Male")).build())
        .add(Variable.builder("outcome", VariableKind.CATEGORICAL).role(Role.SENSITIVE)
            .values(ValueSet.ofCodes("a", "b", "c")).build())
        .build();
  }

  private Dataset data(int n) {
    Dataset.Appender a = Dataset.appender(schema());
    Random rnd = new Random(8);
    for (int i = 0; i < n; i++) {
      a.setText(0, canary("id")).setText(1, canary("note") + ",\n\"" + canary("note"))
          .setCode(2, rnd.nextInt(3)).setCode(3, rnd.nextInt(2)).setCode(4, i % 3).endRow();
    }
    return a.build();
  }

  private static DeidConfig.Builder config(int k) {
    return DeidConfig.builder()
        .quasiIdentifier("age", Hierarchy.of("age", List.of(List.of("0--17", "Minor", "*"),
            List.of("18--29", "Adult", "*"), List.of("30+", "Adult", "*"))))
        .quasiIdentifier("gender", Hierarchies.flat("gender", List.of("Female", "Male")))
        .k(k)
        .suppressionLimit(0.1);
  }

  @Test
  void captureBindingIsTheActiveSlf4jProvider() {
    CapturingLogProvider.assertCapturing();
  }

  @Test
  void deidentificationRiskAndVerificationLeakNoCanaryNorTheKey() throws IOException {
    Dataset data = data(60);
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);

    DeidConfig pseudonymising = config(3).pseudonymKey(key).build();
    DeidResult r = Deidentifier.of(pseudonymising).run(data);
    observe(pseudonymising.toString(), r.toString(), r.report().toString(), r.report().toJson(),
        r.release().toString(), Deidentifier.of(pseudonymising).plan(data).toJson());
    StringWriter release = new StringWriter();
    DatasetCsv.write(r.release(), release);
    observe(release.toString());
    String firstRow = release.toString().split("\n")[1];
    assertTrue(firstRow.matches("[0-9a-f]{64},.*"), "pseudonyms are HMAC hex: " + firstRow);
    DeidResult dropped = Deidentifier.of(config(3).build()).run(data);
    StringWriter plain = new StringWriter();
    DatasetCsv.write(dropped.release(), plain);
    observe(dropped.toString(), dropped.report().toJson(), plain.toString());

    // local suppression through the de-identifier and directly
    DeidResult local = Deidentifier.of(config(5).localSuppression(LocalSuppressionMode.ALONE).build()).run(data);
    observe(local.report().toJson(), local.toString());
    LocalSuppression.Result ls = LocalSuppression.of(List.of("age", "gender"), 5).apply(data);
    observe(ls.toString());

    // risk
    observe(RiskMeasures.of(data, List.of("age", "gender"), RiskOptions.defaults()).toString(),
        RiskMeasures.of(data, List.of("age", "gender"), RiskOptions.defaults()).aggregates().toString());

    // verification of a release holding a free-text column used as the sensitive variable
    VerificationResult v = Verifier.verify(r.release(), VerificationSpec.builder()
        .quasiIdentifiers(List.of("age", "gender")).k(3).distinctL("outcome", 3).build());
    observe(v.toString(), v.summary());
    v.violations().forEach(x -> observe(x.toString(), x.detail()));
    VerificationResult strict = Verifier.verify(data, VerificationSpec.builder()
        .quasiIdentifiers(List.of("age", "gender")).k(40).distinctL("outcome", 4).entropyL("outcome", 3.5)
        .tClosenessEqual("outcome", 0.001).build());
    assertFalse(strict.passed());
    observe(strict.toString(), strict.summary());
    strict.violations().forEach(x -> observe(x.toString(), x.detail(), x.classValues().toString()));

    // failures: unsatisfiable, a short key that is a canary, identifiers or free text misused as
    // quasi-identifiers, sensitive variables and risk variables
    thrown(() -> Deidentifier.of(config(1000).build()).run(data));
    thrown(() -> config(3).pseudonymKey((MARK + "-short").getBytes(StandardCharsets.UTF_8)));
    thrown(() -> Deidentifier.of(config(3)
        .quasiIdentifier("caseId", Hierarchies.flat("caseId", List.of("x", "y"))).build()).run(data));
    thrown(() -> Deidentifier.of(config(3)
        .quasiIdentifier("notes", Hierarchies.flat("notes", List.of("x"))).build()).run(data));
    thrown(() -> Deidentifier.of(config(3).model(new PrivacyModel.DistinctLDiversity("notes", 2)).build()).run(data));
    thrown(() -> RiskMeasures.of(data, List.of("caseId"), RiskOptions.defaults()));
    thrown(() -> LocalSuppression.of(List.of("notes", "age"), 3).apply(data));
    VerificationResult onIds = Verifier.verify(data, VerificationSpec.builder().quasiIdentifiers(List.of("caseId"))
        .k(2).build());
    observe(onIds.toString(), onIds.summary());
    onIds.violations().forEach(x -> observe(x.toString(), x.detail(), x.classValues().toString()));
    VerificationResult onNotes = Verifier.verify(data, VerificationSpec.builder().quasiIdentifiers(List.of("age"))
        .distinctL("notes", 100).entropyL("notes", 90).recursiveCL("notes", 0.5, 3).tClosenessEqual("notes", 0.0001)
        .build());
    observe(onNotes.toString(), onNotes.summary());
    onNotes.violations().forEach(x -> observe(x.toString(), x.detail(), x.classValues().toString()));

    assertNoCanary();
    assertFalse(String.join("\n", observed).contains(HexFormat.of().formatHex(key)), "the key in hex");
  }

  @Test
  void jobsTablesAndAuditLeakNoCanary() throws IOException {
    Dataset data = data(80);
    Path schemaFile = Files.writeString(dir.resolve("canary.yaml"), SchemaFiles.toYaml(schema()));
    Path csv = dir.resolve("data.csv");
    DatasetCsv.write(data, csv);
    Files.writeString(dir.resolve("age.csv"), "0--17;Minor;*\n18--29;Adult;*\n30+;Adult;*\n");
    Files.writeString(dir.resolve("gender.csv"), "Female;*\nMale;*\n");
    Files.writeString(dir.resolve("key.bin"), KEY);
    Files.writeString(dir.resolve("short.bin"), MARK + "-short");
    String job = "input: {schema: \"" + schemaFile + "\"}\nquasiIdentifiers:\n"
        + "  - {name: age, hierarchy: age.csv}\n  - {name: gender, hierarchy: gender.csv}\n"
        + "models:\n  - k: 3\nsuppressionLimit: 0.1\npseudonymKeyFile: key.bin\n";
    DeidJob ok = DeidJob.read(Files.writeString(dir.resolve("job.yaml"), job));
    observe(ok.toString(), ok.config().toString());
    thrown(() -> DeidJob.read(writeQuietly("short.yaml", job.replace("key.bin", "short.bin"))));
    thrown(() -> DeidJob.read(writeQuietly("missing-key.yaml", job.replace("key.bin", "no-such.bin"))));
    thrown(() -> DeidJob.read(writeQuietly("bad.yaml", job + canary("yaml") + ": [\n")));

    // tables over the records (identifier and free text are never tabulated), and the audit
    TablesConfig tc = TablesConfig.parse("tablesConfig: 1\nschema: \"" + schemaFile + "\"\nmethod: suppression\n"
        + "rules: {threshold: 3}\ndimensions:\n  - {name: gender, leaves: [Female, Male]}\n"
        + "  - {name: age, leaves: [\"0--17\", \"18--29\", \"30+\"]}\n"
        + "tables:\n  - {name: by_age_gender, dimensions: [age, gender]}\n", "tables.yaml", dir);
    Path out = dir.resolve("tables");
    TablesRun.Outcome o = TablesRun.of(tc, out).run(data);
    observe(o.toString());
    o.reports().forEach(r -> observe(r.lines().toString()));
    PublishedTable t = PublishedTable.read(out.resolve("by_age_gender.csv"), out.resolve("by_age_gender.table.json"));
    observe(TableAudit.of().audit(t).reportLines().toString());
    thrown(() -> TablesConfig.parse("tablesConfig: 1\nschema: \"" + schemaFile + "\"\nmethod: suppression\n"
        + "dimensions:\n  - {name: notes, leaves: [x]}\ntables:\n  - {name: t, dimensions: [notes]}\n", "t.yaml", dir)
        .tables().forEach(s -> TablesRun.of(TablesConfig.parse("tablesConfig: 1\nschema: \"" + schemaFile
            + "\"\nmethod: suppression\ndimensions:\n  - {name: notes, leaves: [x]}\ntables:\n"
            + "  - {name: t, dimensions: [notes]}\n", "t.yaml", dir), dir.resolve("t2")).run(data)));
    List<String> forged = new ArrayList<>(Files.readAllLines(out.resolve("by_age_gender.csv")));
    forged.set(1, forged.get(1).replaceFirst(",[0-9]+,", "," + canary("cell") + ","));
    forged.add(canary("row") + "," + canary("row"));
    Path forgedCsv = writeQuietly("forged.csv", String.join("\n", forged) + "\n");
    thrown(() -> PublishedTable.read(forgedCsv, out.resolve("by_age_gender.table.json")));
    thrown(() -> PublishedTable.read(out.resolve("by_age_gender.csv"), forgedCsv));

    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        observe(Files.readString(f));
      }
    }
    assertNoCanary();
  }

  private Path writeQuietly(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void observe(String... texts) {
    observed.addAll(List.of(texts));
  }

  /** Runs an action that must throw; records the message, string form and stack of it and every cause. */
  private void thrown(Runnable action) {
    ThrownText.recordThrown(observed, action);
  }


  private void assertNoCanary() {
    List<String> all = new ArrayList<>(observed);
    all.addAll(CapturingLogProvider.events());
    List<String> leaks = all.stream().filter(s -> s.contains(MARK)).toList();
    assertEquals(List.of(), leaks, "canaries reached messages, reports, outputs or logs");
  }
}
