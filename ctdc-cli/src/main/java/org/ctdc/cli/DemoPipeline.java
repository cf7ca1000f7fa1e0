package org.ctdc.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.MergedDataset;
import org.ctdc.core.PartnerDataset;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.DeidResult;
import org.ctdc.deid.Deidentifier;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.deid.SchemaHierarchies;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.risk.RiskReport;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.OutputOptions;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableReport;
import org.ctdc.deid.table.TableWriter;
import org.ctdc.deid.table.Tabulation;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpecFile;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.excel.XlsxSource;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Role;
import org.ctdc.schema.SchemaFiles;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.synth.Aggregates;
import org.ctdc.synth.SynthConfig;
import org.ctdc.synth.SynthReport;
import org.ctdc.synth.Synthesizer;
import org.ctdc.synth.evaluate.Evaluation;
import org.ctdc.synth.evaluate.Evaluator;

/**
 * The main job of {@code ctdc demo}, step by step: generate the two partner extracts, align each onto
 * {@code ctdc-global-kanon} 2020, merge with provenance, de-identify with the CTDC default, verify the
 * release independently, tabulate and protect two tables (audited), publish the 2024 layout by synthesis
 * (differentially private aggregates and synthetic records made from them alone), and write the reports. Every figure that leaves this class is an aggregate; counts 1 to 10 are
 * written {@code <11}. Not thread-safe.
 */
final class DemoPipeline {

  /** CTDC's threshold: k, and the smallest count shown. */
  static final int THRESHOLD = PrivacyModel.CTDC_DEFAULT_K;
  /** The sensitive variable of the l-diversity model. */
  static final String SENSITIVE = "isSexualExploit";
  /** l of the distinct l-diversity model. */
  static final int L = 2;
  /** The record-suppression limit (share of the merged rows). */
  static final double SUPPRESSION_LIMIT = SchemaHierarchies.CTDC_DEFAULT_SUPPRESSION_LIMIT;
  /** The seed of the generated extracts. */
  static final long SEED = 2020L;
  /** The flags of the type-of-exploitation tables. */
  static final List<String> EXPLOITATION_FLAGS = List.of("isForcedLabour", "isSexualExploit", "isOtherExploit");
  /** The label written instead of a suppressed or small count. */
  static final String SMALL = "<" + THRESHOLD;

  static final int STEPS = 9;
  /** The share of the generated people recorded by both partners. */
  static final double OVERLAP = 0.15;
  /** The columns of the demo's synthesis (of the 2024 layout). */
  static final List<String> SYNTH_COLUMNS = List.of("yearOfRegistration", "gender", "ageBroad", "citizenship",
      "CountryOfExploitation", "isForcedLabour", "isSexualExploit", "isOtherExploit");
  /** The reporting length of the demo's synthesis. */
  static final int SYNTH_REPORTING_LENGTH = 3;
  /** The total privacy budget epsilon of the demo's synthesis (delta by the documented default). */
  static final double SYNTH_EPSILON = 4;

  /** Rows in and out of one partner. */
  record PartnerFacts(String partner, String spec, String extract, String aligned, long read, long alignedRows,
      long rejected) {}

  /** What a run produced, for the summary. */
  record Outcome(List<PartnerFacts> partners, DeidReport deid, VerificationResult verification,
      RiskReport riskBefore, RiskReport riskAfter, List<TableReport> tables, AuditResult audit,
      SynthReport synth, DemoLinking.Quality linkage, List<String> files, int exitCode) {}

  private final Outputs outputs;
  private final int rows;
  private final Progress progress;
  private final Cancellation cancellation;
  private final ObjectMapper json = new ObjectMapper();
  private CsvWriteOptions csv = CsvWriteOptions.defaults();

  DemoPipeline(Outputs outputs, int rows, Progress progress, Cancellation cancellation) {
    this.outputs = outputs;
    this.rows = rows;
    this.progress = progress;
    this.cancellation = cancellation;
  }

  /**
   * Sets how the CSV outputs are written (the formula guard, on by default).
   *
   * @param options the options
   * @return this pipeline
   */
  DemoPipeline csv(CsvWriteOptions options) {
    this.csv = options;
    return this;
  }

  /** Names the step that starts now, after checking the signal. */
  private void step(String name) {
    cancellation.throwIfCancelled(OPERATION);
    progress.step(name);
  }

  /** The operation named when the demo is cancelled between steps. */
  static final String OPERATION = "demo";

  /** The files every successful run writes (tables are added when they are known). */
  static List<String> promisedFiles() {
    return List.of("extracts/hotline.csv", "extracts/case-management.csv", "extracts/case-management.xlsx", "aligned/hotline.csv",
        "aligned/case-management.csv", "link/link.yaml", "aligned/merged.csv", "release/deid.yaml", "release/release.csv", "release/release-schema.yaml",
        "release/verify.yaml", "synthetic/synth.yaml", "synthetic/synthetic-2024.csv",
        "synthetic/aggregates.csv", "synthetic/aggregates-metadata.json", "alignment-report.json",
        "deid-report.json", "tables-report.json", "synth-report.json", "link-report.json", "report.html");
  }

  Outcome run() {
    outputs.expect(promisedFiles().toArray(String[]::new));
    // 1. generate and align each partner's extract
    step("aligning");
    List<PartnerFacts> partners = new ArrayList<>();
    List<PartnerDataset> parts = new ArrayList<>();
    List<Object> alignmentReports = new ArrayList<>();
    PartnerSamples.Overlapping extracts = PartnerSamples.overlapping(rows, SEED, OVERLAP);
    List<Path> extractFiles = new ArrayList<>();
    for (PartnerSamples.Profile p : PartnerSamples.Profile.values()) {
      String slug = slug(p);
      String text = p == PartnerSamples.Profile.HOTLINE ? extracts.hotline() : extracts.caseManagement();
      Path extract = outputs.writeString("extracts/" + slug + ".csv", text);
      extractFiles.add(extract);
      Aligner aligner = Aligner.builder(Specs.load(p.specName())).progress(progress).cancellation(cancellation).build();
      // the case-management extract is also written as a workbook, as such systems export, and aligned from there
      // (issue 21): the same rows as its CSV, with dates as date cells and numbers as numbers
      String source = "extracts/" + slug + (p == PartnerSamples.Profile.HOTLINE ? ".csv" : ".xlsx");
      AlignmentResult r = p == PartnerSamples.Profile.HOTLINE ? aligner.alignCsv(extract)
          : aligner.align(XlsxSource.of(outputs.writeBytes(source, o -> DemoWorkbook.write(text, o))));
      outputs.write("aligned/" + slug + ".csv", w -> DatasetCsv.write(r.dataset(), w, csv));
      partners.add(new PartnerFacts(r.report().partner(), p.specName(), source,
          "aligned/" + slug + ".csv", r.report().rowsRead(), r.report().rowsAligned(), r.report().rowsRejected()));
      parts.add(PartnerDataset.of(r));
      alignmentReports.add(tree(r.report().toJson()));
    }
    progress.done();
    // 2. find the overlap (each partner encodes its identifying fields under the demo key; the encodings are
    // matched) and merge with provenance, one row per matched person
    step("linking");
    DemoLinking linking = new DemoLinking(progress, cancellation);
    Path linkConfig = outputs.writeString("link/link.yaml", DemoLinking.configYaml());
    MergedDataset merged = linking.run(linkConfig, extractFiles, parts, extracts.truth());
    progress.done();
    step("merging");
    Dataset data = merged.dataset();
    outputs.write("aligned/merged.csv", w -> DatasetCsv.write(data, w, csv));
    List<String> qis = new ArrayList<>();
    for (Variable v : data.schema().variables()) {
      if (v.role() == Role.QUASI_IDENTIFIER) {
        qis.add(v.name());
      }
    }
    progress.done();
    // 3. risk before
    step("measuring risk");
    RiskOptions riskOptions = RiskOptions.defaults().withSmallClassThreshold(THRESHOLD);
    RiskReport before = RiskMeasures.of(data, qis, riskOptions);
    progress.done();
    // 4. de-identify (an unsatisfiable model throws, which the command line turns into exit code 3)
    step("de-identifying");
    DeidConfig config = SchemaHierarchies.ctdcDefaults(data)
        .model(new PrivacyModel.DistinctLDiversity(SENSITIVE, L))
        .build();
    DeidResult deid = Deidentifier.builder(config).progress(progress).cancellation(cancellation).build().run(data);
    Dataset release = deid.release();
    progress.done();
    // 5. verify with the independent verifier; a release that fails is not written
    step("verifying");
    VerificationResult verification = Verifier.verify(release, deid.verificationSpec());
    RiskReport after = RiskMeasures.of(release, qis, riskOptions);
    if (verification.passed()) {
      outputs.write("release/release.csv", w -> DatasetCsv.write(release, w, csv));
      outputs.writeString("release/release-schema.yaml", SchemaFiles.toYaml(release.schema()));
      writeVerifySpec(config, deid);
    }
    progress.done();
    // 6. tables from the merged data, suppressed and audited
    step("tabulating");
    TableRun tables = tabulate(data);
    progress.done();
    // 7. the 2024 layout by synthesis: DP aggregates of the merged rows (crosswalked to the 2024 value sets)
    // and synthetic records made from those aggregates alone, evaluated against the merged rows
    step("synthesising");
    SynthRun synth = synthesize(data);
    progress.done();
    // 8. reports
    step("reports");
    Map<String, Object> alignment = new LinkedHashMap<>();
    alignment.put("reportFormat", 1);
    alignment.put("report", "alignment");
    List<Object> partnerFacts = new ArrayList<>();
    for (int i = 0; i < partners.size(); i++) {
      PartnerFacts f = partners.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("partner", f.partner());
      m.put("spec", f.spec());
      m.put("extract", f.extract());
      m.put("aligned", f.aligned());
      m.put("rowsRead", f.read());
      m.put("rowsAligned", f.alignedRows());
      m.put("rowsRejected", shown(f.rejected()));
      m.put("alignment", alignmentReports.get(i));
      partnerFacts.add(m);
    }
    alignment.put("partners", partnerFacts);
    Map<String, Object> mergedFacts = new LinkedHashMap<>();
    mergedFacts.put("schema", data.schema().id());
    mergedFacts.put("rows", data.rowCount());
    Map<String, Object> byPartner = new LinkedHashMap<>();
    for (String p : merged.partners()) {
      byPartner.put(p, shown(merged.rowsOf(p)));
    }
    mergedFacts.put("rowsByPartner", byPartner);
    alignment.put("merged", mergedFacts);
    outputs.writeString("alignment-report.json", pretty(alignment));

    Map<String, Object> deidFacts = ReportFacts.deid(data, release, config, deid.report(), verification, before, after,
        SENSITIVE, L);
    outputs.writeString("deid-report.json", pretty(deidFacts));
    outputs.writeString("tables-report.json", pretty(tables.facts()));
    outputs.writeString("synth-report.json", synth.report().toJson());
    outputs.writeString("link-report.json", pretty(linking.facts()));
    outputs.writeString("report.html", ReportHtml.render(alignment, deidFacts, tables.facts(), synth.facts(),
        linking.facts()));
    progress.done();
    int exit = verification.passed() && tables.audit().passed() ? Main.OK : Main.INVALID;
    return new Outcome(partners, deid.report(), verification, before, after, tables.reports(), tables.audit(),
        synth.report(), linking.quality(), outputs.written(), exit);
  }

  /**
   * Writes {@code release/verify.yaml} and its hierarchy files with the library's call for a finished
   * de-identification (the same as {@code ctdc deid --verify-spec}), so that {@code ctdc verify} re-checks the
   * release; then {@code release/deid.yaml}, which names the same hierarchy files.
   */
  private void writeVerifySpec(DeidConfig config, DeidResult deid) {
    DeidReport report = deid.report();
    new VerificationSpecFile(deid.verificationSpec(), VerificationSpecFile.ReleaseReading.schema("release-schema.yaml"))
        .files("verify.yaml", "hierarchies")
        .forEach((file, text) -> outputs.writeString("release/" + file, text));
    StringBuilder d = new StringBuilder();
    d.append("# The demo's de-identification, for ctdc deid (docs/deid-config.md):\n")
        .append("#   ctdc deid --config deid.yaml --in ../aligned/merged.csv --out release.csv --report deid.json\n");
    d.append("input: {schema: \"").append(report.schema()).append("\"}\n");
    d.append("quasiIdentifiers:\n");
    for (String q : config.quasiIdentifiers()) {
      d.append("  - {name: ").append(q).append(", hierarchy: hierarchies/").append(q).append(".csv}\n");
    }
    d.append("models:\n  - k: ").append(THRESHOLD).append("\n  - distinctL: {variable: ").append(SENSITIVE)
        .append(", l: ").append(L).append("}\n");
    d.append("suppressionLimit: ").append(SUPPRESSION_LIMIT).append('\n');
    d.append("metric: ").append(config.metric().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
    outputs.writeString("release/deid.yaml", d.toString());
  }

  /** The tables of a run. */
  record TableRun(List<TableReport> reports, AuditResult audit, Map<String, Object> facts) {}

  private TableRun tabulate(Dataset data) {
    Hierarchy country = SchemaHierarchies.forVariable(data, "citizenship").orElseThrow();
    Hierarchy exploitCountry = SchemaHierarchies.forVariable(data, "CountryOfExploitation").orElseThrow();
    Hierarchy year = SchemaHierarchies.forVariable(data, "yearOfRegistration").orElseThrow();
    // citizenship: the countries present are the inner cells, with UN sub-regions and regions as published
    // subtotals (country -> sub-region -> region -> total)
    Map<String, String> exploitationRegion = Dimension.leafOf(exploitCountry, 2);
    Map<String, String> period = Dimension.leafOf(year, 1);
    int cc = data.column("citizenship");
    TreeSet<String> present = new TreeSet<>();
    for (int row = 0; row < data.rowCount(); row++) {
      if (!data.isMissing(row, cc)) {
        present.add(data.variable(cc).values().code(data.code(row, cc)).code());
      }
    }
    Dimension region = Dimension.of("citizenshipRegion", country, 0, 1, 2).restrictedTo(present);
    Dimension periods = Dimension.of("period", year, 1);
    int g = data.column("gender");
    List<String> genders = data.variable(g).values().codes().stream().map(c -> c.code()).toList();
    Dimension gender = Dimension.flat("gender", "Total", genders);
    org.ctdc.deid.table.TableDefinition first =
        org.ctdc.deid.table.TableDefinition.of("citizenship-region-by-period-by-gender", List.of(region, periods, gender));
    List<String> firstVariables = List.of("citizenship", "yearOfRegistration", "gender");
    Map<String, Map<String, String>> firstLeaves = Map.of("period", period);
    Tabulation.Result t1 = Tabulation.tabulate(data, first, firstVariables, firstLeaves);
    // why the rows left out of each table were left out, by reason and variable
    List<List<RowsLeftOut.Count>> leftOutWhy = new ArrayList<>();
    leftOutWhy.add(RowsLeftOut.count(data, t1, first, firstVariables, firstLeaves, List.of()));

    Dimension exploitRegion = Dimension.of("exploitationRegion", exploitCountry, 2);
    List<org.ctdc.deid.table.TableDefinition> group =
        Tabulation.flagGroup("exploitation-type-by-region", EXPLOITATION_FLAGS, List.of(exploitRegion));
    boolean[] denominator = Tabulation.flagGroupDenominator(data, EXPLOITATION_FLAGS);
    // the linked tables share their totals: a row counts only when every flag of the group is known
    int[] flagCols = EXPLOITATION_FLAGS.stream().mapToInt(data::column).toArray();
    for (int row = 0; row < denominator.length; row++) {
      for (int c : flagCols) {
        denominator[row] &= !data.isMissing(row, c);
      }
    }
    List<Table> linked = new ArrayList<>();
    List<Tabulation.Result> results = new ArrayList<>();
    results.add(t1);
    for (int i = 0; i < group.size(); i++) {
      List<String> variables = List.of(EXPLOITATION_FLAGS.get(i), "CountryOfExploitation");
      Map<String, Map<String, String>> leaves = Map.of("exploitationRegion", exploitationRegion);
      Tabulation.Result r = Tabulation.tabulate(data, group.get(i), variables, leaves, Optional.empty(),
          Optional.of(denominator));
      leftOutWhy.add(RowsLeftOut.count(data, r, group.get(i), variables, leaves, EXPLOITATION_FLAGS));
      linked.add(r.table());
      results.add(r);
    }
    SuppressionRules rules = SuppressionRules.ctdcDefaults();
    TableProtection p1 = TableProtector.builder(rules).progress(progress).cancellation(cancellation).build().suppress(List.of(t1.table()));
    TableProtection p2 = TableProtector.builder(rules).progress(progress).cancellation(cancellation).build().suppress(linked);
    cancellation.throwIfCancelled(OPERATION);
    List<ProtectedTable> protectedTables = new ArrayList<>(p1.tables());
    protectedTables.addAll(p2.tables());
    List<TableReport> reports = new ArrayList<>(p1.reports());
    reports.addAll(p2.reports());

    Path staging = outputs.stage();
    List<String> files;
    try {
      OutputOptions options = new OutputOptions(SMALL, 1, Map.of(), csv.formulaGuard());
      for (ProtectedTable t : protectedTables) {
        TableWriter.write(t, staging, options);
      }
      files = outputs.moveIn(staging, "tables");
    } finally {
      Outputs.deleteQuietly(staging);
    }
    List<PublishedTable> published = new ArrayList<>();
    for (ProtectedTable t : protectedTables) {
      Path dir = outputs.dir().resolve("tables");
      published.add(PublishedTable.read(dir.resolve(t.definition().name() + ".csv"),
          dir.resolve(t.definition().name() + ".table.json")));
    }
    // the first table and the flag group are separate publications (their grand totals count different
    // populations), each audited on its own; the flag group's tables are audited together
    AuditResult a1 = TableAudit.builder().options(AuditOptions.defaults()).progress(progress).cancellation(cancellation).build().audit(published.subList(0, 1));
    AuditResult a2 = TableAudit.builder().options(AuditOptions.defaults()).progress(progress).cancellation(cancellation).build().audit(published.subList(1, published.size()));
    List<String> auditedTables = published.stream().map(PublishedTable::name).toList();
    List<org.ctdc.deid.audit.CellInterval> cells = new ArrayList<>(a1.cells());
    cells.addAll(a2.cells());
    AuditResult audit = new AuditResult(auditedTables, cells, a1.linearPrograms() + a2.linearPrograms(),
        a1.determinedByRank() + a2.determinedByRank());

    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("reportFormat", 1);
    facts.put("report", "tables");
    facts.put("source", "the merged aligned rows (" + data.schema().id() + "), before de-identification");
    facts.put("rules", Map.of("threshold", SMALL, "zeros", "published", "minWidth", 1, "suppressedLabel", SMALL));
    List<Object> tableFacts = new ArrayList<>();
    for (int i = 0; i < protectedTables.size(); i++) {
      ProtectedTable t = protectedTables.get(i);
      Tabulation.Result r = results.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.definition().name());
      m.put("file", "tables/" + t.definition().name() + ".csv");
      m.put("definition", "tables/" + t.definition().name() + ".table.json");
      m.put("dimensions", t.definition().dimensions().stream().map(Dimension::name).toList());
      m.put("linkedWith", i == 0 ? List.of() : group.stream().map(d -> d.name()).filter(n -> !n.equals(t.definition().name())).toList());
      m.put("rowsRead", r.rowsRead());
      m.put("rowsLeftOut", r.rowsLeftOut());
      m.put("rowsLeftOutBy", leftOutWhy.get(i).stream().map(RowsLeftOut.Count::toMap).toList());
      m.put("cells", t.cells().size());
      Map<String, Object> byStatus = new LinkedHashMap<>();
      for (CellStatus s : CellStatus.values()) {
        byStatus.put(s.token(), t.count(s));
      }
      m.put("cellsByStatus", byStatus);
      tableFacts.add(m);
    }
    facts.put("tables", tableFacts);
    Map<String, Object> auditFacts = new LinkedHashMap<>();
    auditFacts.put("passed", audit.passed());
    auditFacts.put("suppressedCells", audit.cells().size());
    auditFacts.put("primaryCells", audit.primaries().size());
    auditFacts.put("exposedPrimaryCells", audit.exposedPrimaries().size());
    auditFacts.put("linearPrograms", audit.linearPrograms());
    facts.put("audit", auditFacts);
    facts.put("files", files);
    return new TableRun(reports, audit, facts);
  }

  /** The synthesis of a run. */
  record SynthRun(SynthReport report, Map<String, Object> facts) {}

  /**
   * The merged rows in the 2024 layout (the bundled crosswalk on the rows before de-identification, so every
   * value is a code of the 2024 value sets), their DP aggregates, the synthetic records made from the aggregates
   * alone, and the independent evaluation; writes {@code synthetic/} and returns the report.
   */
  private SynthRun synthesize(Dataset data) {
    // re-read as data (the guard off); the outputs are written through the guard
    CsvWriteOptions asData = CsvWriteOptions.defaults().withFormulaGuard(false);
    StringWriter mergedCsv = new StringWriter();
    DatasetCsv.write(data, mergedCsv, asData);
    AlignmentResult r = Aligner.of(Specs.load(Specs.KANON_TO_SYNTHETIC)).align(readCsv(mergedCsv.toString()),
        "aligned/merged.csv");
    if (r.report().rowsRejected() != 0) {
      throw new CtdcException("aligned/merged.csv: the crosswalk " + Specs.KANON_TO_SYNTHETIC + " rejected "
          + r.report().rowsRejected() + " row(s) (rule: every merged row converts)");
    }
    Dataset sensitive = r.dataset();
    SynthConfig config = SynthConfig.builder(SynthConfig.Mode.DP, SYNTH_REPORTING_LENGTH)
        .schema(sensitive.schema().id())
        .columns(SYNTH_COLUMNS)
        .epsilon(SYNTH_EPSILON)
        .seed(SEED)
        .build();
    Synthesizer synthesizer = Synthesizer.builder(config).progress(progress).cancellation(cancellation).build();
    Aggregates aggregates = synthesizer.aggregate(sensitive);
    Dataset synthetic = synthesizer.synthesize(aggregates);
    cancellation.throwIfCancelled(OPERATION);
    Evaluation evaluation = Evaluator.of(config.columns(), config.sensitiveZeros(), config.reportingLength(),
        config.resolution()).evaluate(sensitive, synthetic);
    SynthReport report = SynthReport.of(aggregates, synthetic.rowCount(), Optional.of(evaluation));
    outputs.writeString("synthetic/synth.yaml", synthYaml(config));
    outputs.write("synthetic/synthetic-2024.csv", w -> DatasetCsv.write(synthetic, w, csv));
    outputs.write("synthetic/aggregates.csv", aggregates::writeCsv);
    outputs.writeString("synthetic/aggregates-metadata.json", aggregates.metadataJson());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("schema", sensitive.schema().id());
    facts.put("crosswalk", Specs.KANON_TO_SYNTHETIC);
    facts.put("columns", config.columns());
    facts.put("sensitiveRows", sensitive.rowCount());
    facts.put("file", "synthetic/synthetic-2024.csv");
    facts.put("report", tree(report.toJson()));
    return new SynthRun(report, facts);
  }

  /** The demo's synthesis as a configuration for {@code ctdc synth} (docs/synth-config.md). */
  private static String synthYaml(SynthConfig c) {
    StringBuilder y = new StringBuilder();
    y.append("# The demo's synthesis, for ctdc synth (docs/synth-config.md); the merged rows in the 2024 layout are\n")
        .append("# the crosswalk ").append(Specs.KANON_TO_SYNTHETIC).append(" of ../aligned/merged.csv.\n")
        .append("# The seed makes the demo reproducible: remove it for a release (SecureRandom).\n");
    y.append("schema: ").append(c.schema().orElseThrow()).append('\n');
    y.append("columns: [").append(String.join(", ", c.columns())).append("]\n");
    y.append("mode: ").append(c.mode().word()).append('\n');
    y.append("reportingLength: ").append(c.reportingLength()).append('\n');
    y.append("epsilon: ").append(fmtNumber(c.epsilon())).append('\n');
    y.append("seed: ").append(c.seed().orElseThrow()).append('\n');
    return y.toString();
  }

  private static String fmtNumber(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  static String slug(PartnerSamples.Profile p) {
    return p == PartnerSamples.Profile.HOTLINE ? "hotline" : "case-management";
  }

  static List<Map<String, String>> readCsv(String text) {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      List<Map<String, String>> rows = new ArrayList<>();
      while (it.hasNext()) {
        rows.add(new LinkedHashMap<>(it.next()));
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw new CtdcException("cannot re-read a CSV text of the demo (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static Object tree(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new CtdcException("cannot read a report (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  String pretty(Object o) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new CtdcException("cannot write a report (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * A count as shown: {@code <11} for 1 to 10, else the number.
   *
   * @param n the count
   * @return the number or the label
   */
  static Object shown(long n) {
    return n > 0 && n < THRESHOLD ? SMALL : (Object) n;
  }

  static boolean isYear(Variable v) {
    return v.kind() == VariableKind.YEAR || v.kind() == VariableKind.COUNT;
  }
}
