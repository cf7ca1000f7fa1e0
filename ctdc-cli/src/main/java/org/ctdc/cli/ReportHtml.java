package org.ctdc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report.html}: one self-contained page (no script, no external font, style sheet or image)
 * with the parameters of a run and inline SVG charts drawn from the same facts as the JSON reports. A count
 * shown as {@code <11} is drawn as a hatched stub of fixed height, so that its size cannot be read off the
 * chart. Stateless and thread-safe.
 */
final class ReportHtml {
  private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportHtml() {}

  static String render(Map<String, Object> alignment, Map<String, Object> deid, Map<String, Object> tables,
      Map<String, Object> synth, Map<String, Object> link) {
    JsonNode sy = JSON.valueToTree(synth);
    JsonNode li = JSON.valueToTree(link);
    JsonNode al = JSON.valueToTree(alignment);
    JsonNode de = JSON.valueToTree(deid);
    JsonNode ta = JSON.valueToTree(tables);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>ctdc demo report</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0 auto;")
        .append("max-width:1100px;padding:24px;color:#222;background:#fff;line-height:1.45}\n")
        .append("h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #4e79a7;")
        .append("padding-bottom:.2em;margin-top:1.8em}h3{font-size:1.05em;margin:1.2em 0 .3em}\n")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:left;font-size:.92em}th{background:#f0f4f8}td.n{text-align:right}\n")
        .append(".note{color:#555;font-size:.9em}.ok{color:#2e7d32;font-weight:bold}.bad{color:#c62828;font-weight:bold}\n")
        .append(".grid{display:flex;flex-wrap:wrap;gap:16px}svg{background:#fafafa;border:1px solid #e3e3e3}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>ctdc demo report</h1>\n<p class=\"note\">Every figure on this page is an aggregate. Counts from 1 to 10 ")
        .append("are shown as &lt;11 and drawn as hatched stubs; no record value appears.</p>\n");

    // what was done
    h.append("<h2>What was done</h2>\n<ol>\n")
        .append("<li>Generated two partner extracts (hotline style and case-management style) and aligned each onto ")
        .append(esc(al.path("merged").path("schema").asText())).append(" with its bundled alignment spec.</li>\n")
        .append("<li>Found the overlap between the partners by keyed Bloom-filter encodings of names, date of birth ")
        .append("and sex (no name exchanged), and measured it against the generated truth.</li>\n")
        .append("<li>Merged the aligned rows with their provenance, one row per matched person.</li>\n")
        .append("<li>De-identified the merged rows: optimal generalisation with record suppression.</li>\n")
        .append("<li>Verified the release with the independent verifier.</li>\n")
        .append("<li>Tabulated and protected tables from the merged rows (small-cell suppression, secondary ")
        .append("suppression, LP audit).</li>\n")
        .append("<li>Published the 2024 layout by synthesis: differentially private aggregates of the merged rows ")
        .append("and synthetic records made from those aggregates alone, evaluated against the merged rows.</li>\n</ol>\n");

    // alignment
    h.append("<h2>Alignment</h2>\n<table><tr><th>partner</th><th>spec</th><th>rows read</th><th>aligned</th>")
        .append("<th>rejected</th></tr>\n");
    for (JsonNode p : al.path("partners")) {
      h.append("<tr><td>").append(esc(p.path("partner").asText())).append("</td><td>")
          .append(esc(p.path("spec").asText())).append("</td><td class=\"n\">").append(esc(p.path("rowsRead").asText()))
          .append("</td><td class=\"n\">").append(esc(p.path("rowsAligned").asText())).append("</td><td class=\"n\">")
          .append(esc(p.path("rowsRejected").asText())).append("</td></tr>\n");
    }
    h.append("</table>\n<p>Merged: ").append(esc(al.path("merged").path("rows").asText())).append(" rows of ")
        .append(esc(al.path("merged").path("schema").asText())).append(".</p>\n");

    overlap(h, li);

    // de-identification parameters and result
    JsonNode par = de.path("parameters");
    JsonNode res = de.path("result");
    h.append("<h2>De-identification</h2>\n<table>\n");
    row(h, "quasi-identifiers", String.join(", ", texts(par.path("quasiIdentifiers"))));
    row(h, "k-anonymity", "k = " + par.path("k").asText());
    row(h, "l-diversity", "distinct, l = " + par.path("lDiversity").path("l").asText() + " on "
        + par.path("lDiversity").path("sensitive").asText());
    row(h, "record-suppression limit", pct(par.path("suppressionLimit").asDouble()));
    row(h, "metric minimised", par.path("metric").asText().toLowerCase(Locale.ROOT));
    row(h, "missing values", par.path("missingValues").asText().toLowerCase(Locale.ROOT).replace('_', ' '));
    row(h, "records in / released", res.path("inputRecords").asText() + " / " + res.path("releasedRecords").asText());
    row(h, "records suppressed", res.path("recordsSuppressed").asText() + " (" + pct(res.path("suppressionRate").asDouble()) + ")");
    row(h, "equivalence classes (smallest)", res.path("classes").asText() + " (" + res.path("smallestClass").asText() + ")");
    row(h, "search", res.path("nodesEvaluated").asText() + " of " + res.path("latticeSize").asText()
        + " lattice nodes evaluated, " + (res.path("optimal").asBoolean() ? "optimal" : "not proven optimal"));
    boolean passed = de.path("verification").path("passed").asBoolean();
    h.append("<tr><th>independent verification</th><td class=\"").append(passed ? "ok\">passed" : "bad\">FAILED")
        .append("</td></tr>\n</table>\n");

    JsonNode rb = de.path("risk").path("before");
    JsonNode ra = de.path("risk").path("after");
    h.append("<h3>Re-identification risk (prosecutor model)</h3>\n<table><tr><th></th><th>before</th><th>after</th></tr>\n");
    for (String[] f : new String[][] {{"rows", "rows"}, {"classes", "equivalence classes"},
        {"sampleUniques", "records unique on the quasi-identifiers"},
        {"recordsInClassesBelow11", "records in classes below 11"}, {"maxProsecutorRisk", "highest risk"},
        {"averageProsecutorRisk", "average risk"}}) {
      h.append("<tr><th>").append(f[1]).append("</th><td class=\"n\">").append(esc(rb.path(f[0]).asText()))
          .append("</td><td class=\"n\">").append(esc(ra.path(f[0]).asText())).append("</td></tr>\n");
    }
    h.append("</table>\n");

    // chart 1: class sizes
    h.append("<h3>Equivalence-class sizes before and after</h3>\n<p class=\"note\">Records per class-size range; ")
        .append("a record in a class of size 1 is unique on the quasi-identifiers.</p>\n");
    List<String> buckets = new ArrayList<>();
    List<List<JsonNode>> hv = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < de.path("classSizes").path("before").size(); i++) {
      buckets.add(de.path("classSizes").path("before").get(i).path("classSize").asText());
      hv.get(0).add(de.path("classSizes").path("before").get(i).path("records"));
      hv.get(1).add(de.path("classSizes").path("after").get(i).path("records"));
    }
    h.append(columns("Records by equivalence-class size", buckets, List.of("before", "after"), hv, "class size"));

    // chart 2: generalisation and suppression per variable
    h.append("<h3>Generalisation and missing values per quasi-identifier</h3>\n");
    List<String> names = new ArrayList<>();
    List<List<JsonNode>> gv = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<JsonNode>> mv = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<JsonNode>> kv = List.of(new ArrayList<>());
    for (JsonNode v : de.path("variables")) {
      names.add(v.path("name").asText() + " (" + v.path("levelName").asText() + ", level " + v.path("level").asText()
          + " of " + v.path("height").asText() + ")");
      gv.get(0).add(JSON.getNodeFactory().numberNode(v.path("level").asInt()));
      gv.get(1).add(JSON.getNodeFactory().numberNode(v.path("height").asInt()));
      kv.get(0).add(JSON.getNodeFactory().numberNode(100 * v.path("distinctShareKept").asDouble()));
      mv.get(0).add(JSON.getNodeFactory().numberNode(100 * v.path("missingShareBefore").asDouble()));
      mv.get(1).add(JSON.getNodeFactory().numberNode(100 * v.path("missingShareAfter").asDouble()));
    }
    h.append("<div class=\"grid\">");
    h.append(bars("Generalisation level chosen (of the hierarchy's height)", names, List.of("level", "height"), gv, ""));
    h.append(bars("Missing values (% of rows) before and after", names, List.of("before", "after"), mv, "%"));
    h.append(bars("Distinct values kept (% of the released records' own)", names, List.of("kept"), kv, "%"));
    h.append("</div>\n<p class=\"note\">Records suppressed as a whole: ").append(esc(res.path("recordsSuppressed").asText()))
        .append(" of ").append(esc(res.path("inputRecords").asText())).append(" (")
        .append(pct(res.path("suppressionRate").asDouble())).append(").</p>\n");

    // chart 3: distributions
    h.append("<h3>Distribution of key variables before and after</h3>\n<p class=\"note\">Before: the merged rows ")
        .append("generalised to the chosen level; after: the release (suppressed records removed).</p>\n<div class=\"grid\">");
    for (JsonNode d : de.path("distributions")) {
      List<String> cats = new ArrayList<>();
      List<List<JsonNode>> dv = List.of(new ArrayList<>(), new ArrayList<>());
      for (JsonNode c : d.path("categories")) {
        cats.add(c.path("value").asText());
        dv.get(0).add(c.path("before"));
        dv.get(1).add(c.path("after"));
      }
      h.append(bars(d.path("variable").asText() + " (level " + d.path("level").asText() + ")", cats,
          List.of("before", "after"), dv, ""));
    }
    h.append("</div>\n");

    // tables
    h.append("<h2>Tables</h2>\n<p>These tables count ").append(esc(ta.path("source").asText())).append(". Counts ")
        .append("below 11 are suppressed (shown as &lt;11), and further cells are suppressed (secondary suppression) ")
        .append("so that no hidden count can be recomputed from the others.</p>\n");
    JsonNode audit = ta.path("audit");
    boolean auditOk = audit.path("passed").asBoolean();
    h.append("<p>LP audit of all tables together: <span class=\"").append(auditOk ? "ok\">passed" : "bad\">FAILED")
        .append("</span> (").append(esc(audit.path("suppressedCells").asText())).append(" suppressed cells, ")
        .append(esc(audit.path("exposedPrimaryCells").asText())).append(" exposed).</p>\n");
    List<String> tnames = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (JsonNode t : ta.path("tables")) {
      tnames.add(t.path("name").asText());
      t.path("cellsByStatus").fieldNames().forEachRemaining(s -> {
        if (!statuses.contains(s)) {
          statuses.add(s);
        }
      });
    }
    List<List<JsonNode>> sv = new ArrayList<>();
    for (String s : statuses) {
      List<JsonNode> col = new ArrayList<>();
      for (JsonNode t : ta.path("tables")) {
        col.add(t.path("cellsByStatus").path(s));
      }
      sv.add(col);
    }
    h.append(stacked("Table cells by status", tnames, statuses, sv));
    h.append("<p>A row is left out of a table when a variable the table counts is missing (unknown, not collected ")
        .append("by the row's source, or not applicable), when its value is not a category of the table, or, for ")
        .append("the linked exploitation tables, by their shared denominator: they count only the rows where every ")
        .append("exploitation flag is known and at least one is set.</p>\n");
    h.append("<table><tr><th>table</th><th>file</th><th>cells</th><th>rows left out</th><th>why (rows: reason)</th>")
        .append("</tr>\n");
    for (JsonNode t : ta.path("tables")) {
      List<String> why = new ArrayList<>();
      for (JsonNode c : t.path("rowsLeftOutBy")) {
        why.add(RowsLeftOut.words(c.path("reason").asText(),
            c.has("variable") ? java.util.Optional.of(c.path("variable").asText()) : java.util.Optional.empty(),
            c.path("rows").asLong()));
      }
      h.append("<tr><td>").append(esc(t.path("name").asText())).append("</td><td>").append(esc(t.path("file").asText()))
          .append("</td><td class=\"n\">").append(esc(t.path("cells").asText())).append("</td><td class=\"n\">")
          .append(esc(t.path("rowsLeftOut").asText())).append("</td><td>").append(esc(String.join("; ", why)))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    synthesis(h, sy, de);
    h.append("<p class=\"note\">The same facts are in alignment-report.json, link-report.json, deid-report.json, ")
        .append("tables-report.json and synth-report.json ")
        .append("(layouts in docs/reports.md).</p>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * The synthesis: the two ways of publishing side by side, the budget, and the evaluation (preservation by
   * length and by count bucket, fabricated and suppressed combinations) as charts.
   */
  private static void synthesis(StringBuilder h, JsonNode sy, JsonNode de) {
    JsonNode rep = sy.path("report");
    JsonNode acc = rep.path("accounting");
    JsonNode budget = acc.path("budget");
    JsonNode ev = rep.path("evaluation");
    h.append("<h2>Synthetic 2024 layout: publishing by synthesis</h2>\n<p>Since 2021 CTDC publishes synthetic ")
        .append("records generated from differentially private aggregate counts instead of k-anonymised microdata. ")
        .append("The merged rows were converted to ").append(esc(sy.path("schema").asText())).append(" with ")
        .append(esc(sy.path("crosswalk").asText())).append(" (every value a code of the 2024 value sets), the counts ")
        .append("of every combination of up to ").append(esc(acc.path("reportingLength").asText()))
        .append(" of the columns ").append(esc(String.join(", ", texts(sy.path("columns")))))
        .append(" were protected with discrete Gaussian noise, and ").append(esc(rep.path("syntheticRecords").asText()))
        .append(" synthetic records were made from those counts alone (").append(esc(sy.path("file").asText()))
        .append(").</p>\n");
    if (acc.has("seed")) {
      h.append("<p class=\"bad\">Seeded with ").append(esc(acc.path("seed").asText())).append(" so that the demo is ")
          .append("reproducible: a seeded output must not be published as protected (a release uses SecureRandom).</p>\n");
    }
    JsonNode res = de.path("result");
    h.append("<h3>The two ways of publishing side by side</h3>\n<table><tr><th></th><th>k-anonymous release</th>")
        .append("<th>synthetic data (").append(esc(acc.path("mode").asText())).append(")</th></tr>\n");
    compare(h, "protection", "k = " + de.path("parameters").path("k").asText() + ", distinct l-diversity, generalisation "
        + "and record suppression", budget.isMissingNode() ? "resolution " + acc.path("resolution").asText()
        : "differential privacy, epsilon = " + budget.path("epsilon").asText() + ", delta = "
        + String.format(Locale.ROOT, "%.3g", budget.path("delta").asDouble()));
    compare(h, "layout", de.path("parameters").path("schema").asText() + " (generalised labels)",
        sy.path("schema").asText() + " (the 2024 value sets' codes)");
    compare(h, "records published", res.path("releasedRecords").asText() + " of " + res.path("inputRecords").asText()
        + " (" + res.path("recordsSuppressed").asText() + " suppressed)",
        rep.path("syntheticRecords").asText() + " synthetic records generated from the noisy counts (not the real records)");
    compare(h, "what is kept", "every released record's values, at the generalisation level chosen",
        "the counts of every combination of up to " + acc.path("reportingLength").asText() + " attributes, with noise");
    compare(h, "protection across releases", "none (k-anonymity does not compose)",
        "budgets add up: two releases of epsilon e cost 2e");
    h.append("</table>\n");

    if (!budget.isMissingNode()) {
      h.append("<h3>The privacy budget</h3>\n<div class=\"grid\">");
      h.append(bars("Budget epsilon and its split", List.of("total epsilon", "record count (epsilon_N)",
          "marginals (epsilon_M)"), List.of("epsilon"), List.of(List.of(budget.path("epsilon"),
          budget.path("numberOfRecordsEpsilon"), budget.path("marginalsEpsilon"))), ""));
      h.append(bars("zCDP rho of the marginals and its split", List.of("rho", "percentiles", "counts"),
          List.of("rho"), List.of(List.of(budget.path("rho"), budget.path("percentilesRho"),
          budget.path("countsRho"))), ""));
      List<String> lens = new ArrayList<>();
      List<List<JsonNode>> noise = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (JsonNode l : acc.path("lengths")) {
        lens.add("length " + l.path("length").asText());
        noise.get(0).add(rounded(l.path("sigma").asDouble()));
        noise.get(1).add(l.path("sensitivity"));
        noise.get(2).add(rounded(l.path("threshold").asDouble()));
      }
      h.append(bars("Noise per combination length", lens, List.of("sigma_k", "sensitivity Delta_k", "threshold rho_k"),
          noise, ""));
      h.append("</div>\n<p class=\"note\">delta = ").append(String.format(Locale.ROOT, "%.3g", budget.path("delta")
          .asDouble())).append("; noisy record count n' = ").append(esc(acc.path("protectedRecordCount").asText()))
          .append("; noise: ").append(esc(acc.path("noise").asText())).append("; randomness: ")
          .append(esc(acc.path("randomness").asText())).append(".</p>\n");
    }

    h.append("<h3>How well the synthetic data preserves the counts</h3>\n<p class=\"note\">Compared with the merged ")
        .append("rows by the independent evaluator (it shares no code with aggregation or synthesis). Preserved: the ")
        .append("share of the combinations of the merged rows (with a count of at least the resolution) that the ")
        .append("synthetic data has. Fabricated: combinations of the synthetic data absent from the merged rows; ")
        .append("suppressed: combinations of the merged rows absent from the synthetic data.</p>\n<div class=\"grid\">");
    List<String> lengths = new ArrayList<>();
    List<List<JsonNode>> kept = List.of(new ArrayList<>());
    List<List<JsonNode>> err = List.of(new ArrayList<>());
    List<List<JsonNode>> fs = List.of(new ArrayList<>(), new ArrayList<>());
    for (JsonNode l : ev.path("byLength")) {
      lengths.add("length " + l.path("length").asText());
      kept.get(0).add(rounded(100 * l.path("preserved").asDouble()));
      err.get(0).add(rounded(l.path("meanAbsoluteError").asDouble()));
      fs.get(0).add(l.path("fabricated"));
      fs.get(1).add(l.path("suppressed"));
    }
    h.append(bars("Combinations preserved by length (%)", lengths, List.of("preserved"), kept, "%"));
    h.append(bars("Mean absolute error of the counts by length", lengths, List.of("mean absolute error"), err, ""));
    h.append(bars("Fabricated and suppressed combinations by length", lengths, List.of("fabricated", "suppressed"),
        fs, ""));
    List<String> buckets = new ArrayList<>();
    List<List<JsonNode>> bk = List.of(new ArrayList<>(), new ArrayList<>());
    for (JsonNode b : ev.path("byBucket")) {
      long to = b.path("to").asLong();
      buckets.add("count " + b.path("from").asText() + (to < 0 ? "+" : "-" + to) + " ("
          + b.path("combinations").asText() + " combinations)");
      bk.get(0).add(rounded(100 * b.path("preserved").asDouble()));
      bk.get(1).add(rounded(100 * b.path("meanRelativeError").asDouble()));
    }
    h.append(bars("Preservation by count bucket (%)", buckets, List.of("preserved", "mean relative error"), bk, "%"));
    h.append("</div>\n");
  }

  /** The overlap: the counts against the truth, the merge, and the similarity histogram. */
  private static void overlap(StringBuilder h, JsonNode li) {
    JsonNode q = li.path("quality");
    JsonNode mg = li.path("merge");
    JsonNode match = li.path("overlapReport");
    h.append("<h2>Overlap between the partners</h2>\n<p>Some people were recorded by both partners, their names ")
        .append("and dates of birth written differently (typos, transliterations of Cyrillic and Arabic names, swapped ")
        .append("names, missing fields, day/month swaps, estimated years). Each partner encoded names, date of birth ")
        .append("and sex into keyed Bloom-filter encodings under the demo's key (never printed or written); the ")
        .append("encodings were matched by Dice similarity above the threshold ")
        .append(esc(match.path("match").path("threshold").asText())).append(", one to one.</p>\n<table>\n");
    row(h, "true pairs (generated)", q.path("truePairs").asText());
    row(h, "pairs found", q.path("pairsFound").asText());
    row(h, "of them true", q.path("truePositives").asText());
    row(h, "precision / recall / F1", q.path("precision").asText() + " / " + q.path("recall").asText() + " / "
        + q.path("f1").asText());
    row(h, "blocking pair completeness", q.path("pairCompleteness").asText());
    row(h, "aligned rows -> merged rows", mg.path("alignedRows").asText() + " -> " + mg.path("mergedRows").asText()
        + " (one row per matched person, every source in its provenance)");
    h.append("</table>\n<div class=\"grid\">");
    h.append(bars("Overlap found against the truth", List.of("true pairs", "pairs found", "found and true"),
        List.of("pairs"), List.of(List.of(q.path("truePairs"), q.path("pairsFound"), q.path("truePositives"))), ""));
    h.append(bars("Rows before and after the merge", List.of("rows"), List.of("aligned", "merged"),
        List.of(List.of(mg.path("alignedRows")), List.of(mg.path("mergedRows"))), ""));
    h.append("</div>\n");
    JsonNode hist = match.path("histogram");
    if (hist.size() > 0) {
      List<String> bins = new ArrayList<>();
      List<List<JsonNode>> v = List.of(new ArrayList<>());
      for (JsonNode b : hist) {
        bins.add(b.path("from").asText());
        v.get(0).add(rounded(Math.log10(1 + b.path("pairs").asDouble())));
      }
      h.append(columns("Similarity of the compared pairs (log10 of 1 + pairs per bin)", bins, List.of("pairs"), v,
          "Dice similarity (lower bound of the bin); the threshold separates the matches on the right"));
    }
  }

  private static void compare(StringBuilder h, String k, String a, String b) {
    h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(a)).append("</td><td>").append(esc(b))
        .append("</td></tr>\n");
  }

  /** A number rounded to 2 decimals, as a chart value (a missing value is drawn as 0). */
  private static JsonNode rounded(double x) {
    return JSON.getNodeFactory().numberNode(Double.isFinite(x) ? Math.round(x * 100) / 100.0 : 0);
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  /** A value of a chart: a number, or -1 for a small count drawn as a stub. */
  private static double value(JsonNode n) {
    return n.isNumber() ? n.asDouble() : -1;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static final String HATCH = "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
      + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ddd\"/><line x1=\"0\" y1=\"0\" x2=\"0\""
      + " y2=\"6\" stroke=\"#888\" stroke-width=\"3\"/></pattern></defs>";

  /** Vertical grouped columns. */
  static String columns(String title, List<String> cats, List<String> series, List<List<JsonNode>> values, String xTitle) {
    int w = 760;
    int ht = 300;
    int left = 70;
    int bottom = 60;
    int top = 40;
    double max = 1;
    for (List<JsonNode> s : values) {
      for (JsonNode n : s) {
        max = Math.max(max, value(n));
      }
    }
    double plotH = ht - bottom - top;
    double groupW = (w - left - 20.0) / Math.max(1, cats.size());
    double barW = groupW * 0.8 / series.size();
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(ht)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">").append(HATCH);
    s.append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">").append(esc(title)).append("</text>");
    legend(s, series, w - 200, 14);
    for (int t = 0; t <= 4; t++) {
      double y = top + plotH - plotH * t / 4;
      s.append("<line x1=\"").append(left).append("\" x2=\"").append(w - 20).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e0e0e0\"/>");
      s.append("<text x=\"").append(left - 6).append("\" y=\"").append(fmt(y + 4)).append("\" font-size=\"11\" text-anchor=\"end\">")
          .append(fmt(Math.round(max * t / 4))).append("</text>");
    }
    for (int c = 0; c < cats.size(); c++) {
      double gx = left + c * groupW + groupW * 0.1;
      for (int k = 0; k < series.size(); k++) {
        double v = value(values.get(k).get(c));
        double x = gx + k * barW;
        double bh = v < 0 ? 6 : plotH * v / max;
        String fill = v < 0 ? "url(#hatch)" : COLOURS[k % COLOURS.length];
        s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(top + plotH - bh)).append("\" width=\"")
            .append(fmt(barW - 2)).append("\" height=\"").append(fmt(bh)).append("\" fill=\"").append(fill).append("\"><title>")
            .append(esc(series.get(k) + ", " + cats.get(c) + ": " + values.get(k).get(c).asText())).append("</title></rect>");
      }
      s.append("<text x=\"").append(fmt(gx + groupW * 0.4)).append("\" y=\"").append(ht - bottom + 16)
          .append("\" font-size=\"12\" text-anchor=\"middle\">").append(esc(cats.get(c))).append("</text>");
    }
    s.append("<text x=\"").append(w / 2).append("\" y=\"").append(ht - 14).append("\" font-size=\"12\" text-anchor=\"middle\">")
        .append(esc(xTitle)).append("</text></svg>\n");
    return s.toString();
  }

  /** Horizontal grouped bars with the value written at the end. */
  static String bars(String title, List<String> cats, List<String> series, List<List<JsonNode>> values, String unit) {
    int w = 530;
    int labelW = 230;
    int rowH = 8 + 12 * series.size();
    int top = 44;
    int ht = top + rowH * Math.max(1, cats.size()) + 12;
    double max = 1;
    for (List<JsonNode> s : values) {
      for (JsonNode n : s) {
        max = Math.max(max, value(n));
      }
    }
    double plotW = w - labelW - 70;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(ht)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">").append(HATCH);
    s.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(esc(title)).append("</text>");
    legend(s, series, 10, 32);
    for (int c = 0; c < cats.size(); c++) {
      double y = top + c * rowH;
      s.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(fmt(y + rowH / 2.0 + 2))
          .append("\" font-size=\"11\" text-anchor=\"end\">").append(esc(shorten(cats.get(c), 38))).append("</text>");
      for (int k = 0; k < series.size(); k++) {
        JsonNode n = values.get(k).get(c);
        double v = value(n);
        double bw = v < 0 ? 6 : plotW * v / max;
        String fill = v < 0 ? "url(#hatch)" : COLOURS[k % COLOURS.length];
        double by = y + 4 + k * 12;
        s.append("<rect x=\"").append(labelW).append("\" y=\"").append(fmt(by)).append("\" width=\"").append(fmt(Math.max(bw, 0.5)))
            .append("\" height=\"10\" fill=\"").append(fill).append("\"/>");
        String shown = n.isNumber() ? fmt(v) + unit : n.asText();
        s.append("<text x=\"").append(fmt(labelW + Math.max(bw, 0.5) + 4)).append("\" y=\"").append(fmt(by + 9))
            .append("\" font-size=\"10\">").append(esc(shown)).append("</text>");
      }
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** One horizontal stacked bar per category, segments per series. */
  static String stacked(String title, List<String> cats, List<String> series, List<List<JsonNode>> values) {
    int w = 1000;
    int labelW = 330;
    int top = 48;
    int rowH = 26;
    int ht = top + rowH * Math.max(1, cats.size()) + 10;
    double max = 1;
    for (int c = 0; c < cats.size(); c++) {
      double sum = 0;
      for (List<JsonNode> s : values) {
        sum += Math.max(0, value(s.get(c)));
      }
      max = Math.max(max, sum);
    }
    double plotW = w - labelW - 20;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(ht)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
    s.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(esc(title)).append("</text>");
    legend(s, series, 10, 36);
    for (int c = 0; c < cats.size(); c++) {
      double y = top + c * rowH;
      s.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(fmt(y + 15))
          .append("\" font-size=\"11\" text-anchor=\"end\">").append(esc(cats.get(c))).append("</text>");
      double x = labelW;
      for (int k = 0; k < series.size(); k++) {
        double v = Math.max(0, value(values.get(k).get(c)));
        double bw = plotW * v / max;
        if (bw > 0) {
          s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y + 3)).append("\" width=\"").append(fmt(bw))
              .append("\" height=\"18\" fill=\"").append(COLOURS[k % COLOURS.length]).append("\"><title>")
              .append(esc(series.get(k) + ": " + fmt(v))).append("</title></rect>");
          if (bw > 24) {
            s.append("<text x=\"").append(fmt(x + bw / 2)).append("\" y=\"").append(fmt(y + 16))
                .append("\" font-size=\"10\" fill=\"#fff\" text-anchor=\"middle\">").append(fmt(v)).append("</text>");
          }
        }
        x += bw;
      }
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void legend(StringBuilder s, List<String> series, int x, int y) {
    int cx = x;
    for (int k = 0; k < series.size(); k++) {
      s.append("<rect x=\"").append(cx).append("\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
          .append(COLOURS[k % COLOURS.length]).append("\"/><text x=\"").append(cx + 14).append("\" y=\"").append(y)
          .append("\" font-size=\"11\">").append(esc(series.get(k))).append("</text>");
      cx += 24 + 7 * series.get(k).length();
    }
  }

  private static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
