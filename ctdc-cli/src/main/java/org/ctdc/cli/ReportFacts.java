package org.ctdc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.risk.RiskReport;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;

/**
 * The aggregate facts of a de-identification, as the ordered maps written to {@code deid-report.json} and
 * drawn in {@code report.html} (layout in {@code docs/reports.md}). Only counts, shares and codes of closed
 * value sets or hierarchy labels; counts 1 to 10 become {@code <11}. Stateless and thread-safe.
 */
final class ReportFacts {
  /** Class-size buckets: lower bounds, the last open. */
  static final int[] BUCKETS = {1, 2, 3, 5, 11, 21, 51, 101};
  static final String MISSING = "(missing)";

  private ReportFacts() {}

  static Map<String, Object> deid(Dataset before, Dataset release, DeidConfig config, DeidReport report,
      VerificationResult verification, RiskReport riskBefore, RiskReport riskAfter, String sensitive, int l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reportFormat", 1);
    m.put("report", "deid");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("schema", before.schema().id());
    p.put("quasiIdentifiers", config.quasiIdentifiers());
    p.put("k", DemoPipeline.THRESHOLD);
    p.put("lDiversity", Map.of("type", "distinct", "sensitive", sensitive, "l", l));
    p.put("suppressionLimit", config.suppressionLimit());
    p.put("metric", config.metric().name());
    p.put("missingValues", config.missingValues().name());
    m.put("parameters", p);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("inputRecords", report.inputRecords());
    r.put("releasedRecords", report.releasedRecords());
    r.put("recordsSuppressed", DemoPipeline.shown(report.recordsSuppressed()));
    r.put("suppressionRate", round(report.suppressionRate()));
    r.put("classes", report.classes());
    r.put("smallestClass", report.smallestClass());
    r.put("optimal", report.optimal());
    r.put("latticeSize", report.latticeSize());
    r.put("nodesEvaluated", report.nodesEvaluated());
    m.put("result", r);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("passed", verification.passed());
    v.put("verifier", "org.ctdc.deid.verify.Verifier (shares no code with the search)");
    v.put("violations", verification.violations().size());
    m.put("verification", v);
    Map<String, Object> risk = new LinkedHashMap<>();
    risk.put("before", risk(riskBefore));
    risk.put("after", risk(riskAfter));
    m.put("risk", risk);
    Map<String, Object> hist = new LinkedHashMap<>();
    hist.put("before", histogram(riskBefore.classSizeHistogram()));
    hist.put("after", histogram(riskAfter.classSizeHistogram()));
    m.put("classSizes", hist);
    List<Object> vars = new ArrayList<>();
    List<Object> dists = new ArrayList<>();
    for (int i = 0; i < config.quasiIdentifiers().size(); i++) {
      String q = config.quasiIdentifiers().get(i);
      Hierarchy h = config.hierarchies().get(i);
      int level = report.level(q);
      Map<String, Object> var = new LinkedHashMap<>();
      var.put("name", q);
      var.put("level", level);
      var.put("height", h.height());
      DeidReport.QiLevel kept = report.quasiIdentifiers().get(i);
      var.put("levelName", kept.levelName());
      var.put("atTop", kept.atTop());
      var.put("distinctInput", kept.distinctInput());
      var.put("distinctReleased", kept.distinctReleased());
      var.put("distinctShareKept", round(kept.distinctShareKept()));
      long missBefore = missing(before, q);
      long missAfter = missing(release, q);
      var.put("missingBefore", DemoPipeline.shown(missBefore));
      var.put("missingAfter", DemoPipeline.shown(missAfter));
      var.put("missingShareBefore", round((double) missBefore / Math.max(1, before.rowCount())));
      var.put("missingShareAfter", round((double) missAfter / Math.max(1, release.rowCount())));
      vars.add(var);
      if (missBefore < before.rowCount()) {
        dists.add(distribution(q, before, release, h, level));
      }
    }
    dists.add(distribution(sensitive, before, release, null, 0));
    m.put("variables", vars);
    m.put("distributions", dists);
    try {
      // the search figures without the wall time, so that the same run writes the same bytes
      com.fasterxml.jackson.databind.JsonNode search = new ObjectMapper().readTree(report.toJson()).path("search");
      if (search instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
        o.remove("elapsedMillis");
      }
      m.put("search", search);
    } catch (IOException e) {
      throw new CtdcException("cannot read the de-identification report (" + e.getClass().getSimpleName() + ")", e);
    }
    return m;
  }

  /**
   * The information kept per quasi-identifier, one line: {@code name: level name, level 1 of 3, 21 -> 5
   * distinct values (24 %)}, joined by {@code ; }; the name is left out when it is the default {@code level N}
   * of a hierarchy file.
   */
  static String informationKept(DeidReport report) {
    StringBuilder b = new StringBuilder();
    for (DeidReport.QiLevel q : report.quasiIdentifiers()) {
      b.append(b.length() == 0 ? "" : "; ").append(q.name()).append(": ");
      if (!q.levelName().equals("level " + q.level())) {
        b.append(q.levelName()).append(", ");
      }
      b.append("level ").append(q.level()).append(" of ").append(q.height()).append(", ").append(q.distinctInput()).append(" -> ")
          .append(q.distinctReleased()).append(" distinct values (")
          .append(String.format(java.util.Locale.ROOT, "%.0f %%", 100 * q.distinctShareKept())).append(')');
    }
    return b.toString();
  }

  static Map<String, Object> risk(RiskReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", r.rows());
    m.put("classes", r.classes());
    m.put("sampleUniques", DemoPipeline.shown(r.sampleUniques()));
    m.put("recordsInClassesBelow11", DemoPipeline.shown(r.recordsInSmallClasses()));
    m.put("maxProsecutorRisk", round(r.maxProsecutorRisk()));
    m.put("averageProsecutorRisk", round(r.averageProsecutorRisk()));
    m.put("recordsAboveRiskThreshold", DemoPipeline.shown(r.recordsAboveRiskThreshold()));
    m.put("riskThreshold", r.options().riskThreshold());
    return m;
  }

  /** Records and classes per class-size bucket. */
  static List<Object> histogram(SortedMap<Integer, Long> classesBySize) {
    long[] classes = new long[BUCKETS.length];
    long[] records = new long[BUCKETS.length];
    classesBySize.forEach((size, n) -> {
      int b = BUCKETS.length - 1;
      while (b > 0 && size < BUCKETS[b]) {
        b--;
      }
      classes[b] += n;
      records[b] += n * size;
    });
    List<Object> out = new ArrayList<>();
    for (int b = 0; b < BUCKETS.length; b++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("classSize", bucketLabel(b));
      m.put("classes", DemoPipeline.shown(classes[b]));
      m.put("records", DemoPipeline.shown(records[b]));
      out.add(m);
    }
    return out;
  }

  static String bucketLabel(int b) {
    int lo = BUCKETS[b];
    if (b == BUCKETS.length - 1) {
      return lo + "+";
    }
    int hi = BUCKETS[b + 1] - 1;
    return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
  }

  private static long missing(Dataset d, String variable) {
    int c = d.column(variable);
    long n = 0;
    for (int r = 0; r < d.rowCount(); r++) {
      if (d.isMissing(r, c)) {
        n++;
      }
    }
    return n;
  }

  /** Before: the input generalised to the chosen level; after: the release. */
  private static Map<String, Object> distribution(String variable, Dataset before, Dataset release, Hierarchy h,
      int level) {
    Map<String, Long> b = new TreeMap<>();
    Map<String, Long> a = new TreeMap<>();
    int cb = before.column(variable);
    for (int r = 0; r < before.rowCount(); r++) {
      String label = label(before, r, cb);
      if (h != null && !label.equals(MISSING)) {
        label = h.generalise(label, level).orElse(label);
      } else if (h != null && level >= h.height()) {
        label = h.labels(h.height()).get(0);
      }
      b.merge(label, 1L, Long::sum);
    }
    int ca = release.column(variable);
    for (int r = 0; r < release.rowCount(); r++) {
      a.merge(label(release, r, ca), 1L, Long::sum);
    }
    TreeMap<String, Boolean> all = new TreeMap<>();
    b.keySet().forEach(k -> all.put(k, true));
    a.keySet().forEach(k -> all.put(k, true));
    List<Object> cats = new ArrayList<>();
    for (String k : all.keySet()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("value", k);
      c.put("before", DemoPipeline.shown(b.getOrDefault(k, 0L)));
      c.put("after", DemoPipeline.shown(a.getOrDefault(k, 0L)));
      cats.add(c);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("variable", variable);
    m.put("level", level);
    m.put("categories", cats);
    return m;
  }

  /** A cell as a code of its closed value set, a year, or {@code (missing)}. */
  static String label(Dataset d, int row, int col) {
    if (d.isMissing(row, col)) {
      return MISSING;
    }
    Variable v = d.variable(col);
    if (DemoPipeline.isYear(v)) {
      return Integer.toString(d.intValue(row, col));
    }
    return v.values().code(d.code(row, col)).code();
  }

  static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }
}
