package org.ctdc.portal.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctdc.portal.internal.Charts.Bar;
import org.ctdc.portal.internal.Model.Cell;
import org.ctdc.portal.internal.Model.DataFile;
import org.ctdc.portal.internal.Model.DatasetEntry;
import org.ctdc.portal.internal.Model.Dim;
import org.ctdc.portal.internal.Model.Kind;
import org.ctdc.portal.internal.Model.Protection;
import org.ctdc.portal.internal.Model.Releases;
import org.ctdc.portal.internal.Model.TableEntry;
import org.ctdc.schema.Code;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Role;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * The portal's pages: home, one per dataset, one per table, about. Every text is escaped; every figure comes
 * from the released files (and, for the method, from the parameters and rates of the release's reports). Stateless;
 * thread-safe.
 */
public final class Pages {
  /** The cell statuses of the table format, and what each means on a table page. */
  static final Map<String, String> STATUSES = statuses();

  /** The most distributions charted on a dataset page. */
  static final int MAX_CHARTS = 8;
  /** The most bars of one chart; the rest are added up as "other values". */
  static final int MAX_BARS = 15;

  private static final Pattern YEAR = Pattern.compile("(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])");

  private Pages() {}

  private static String status(String token) {
    return STATUSES.getOrDefault(token, token);
  }

  private static Map<String, String> statuses() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("publishable", "published with its value");
    m.put("primary", "suppressed: the count is below the threshold (primary suppression)");
    m.put("secondary", "suppressed so that no primary cell can be recomputed from the totals (secondary suppression)");
    m.put("forced-publish", "published by the publisher's decision although a rule would hide it");
    m.put("empty", "an empty cell (zero), published because zeros are not protected");
    return m;
  }

  /**
   * The home page.
   *
   * @param site the settings
   * @param r the releases
   * @return the page
   */
  public static String home(SiteInfo site, Releases r) {
    Html h = new Html();
    h.el("h1", site.title());
    h.raw("<p>Open data published by ").text(site.publisher()).raw(": de-identified and synthetic datasets with their"
        + " codebooks, and published tables, each with a plain-words statement of what its protection does and does"
        + " not protect against. Everything on this site is a released file or is computed from the released"
        + " files alone. Machine-readable metadata: ").link("datapackage.json", "datapackage.json")
        .raw(" (Frictionless Data Package).</p>\n");
    h.raw("<h2 id=\"datasets\">Datasets</h2>\n");
    if (r.datasets().isEmpty()) {
      h.el("p", "No dataset in this release.");
    } else {
      h.raw("<ul class=\"cards\">\n");
      for (DatasetEntry d : r.datasets()) {
        h.raw("<li class=\"card\"><h3>").link("datasets/" + d.id() + ".html", d.title()).raw("</h3>\n");
        h.el("p", description(d));
        h.raw("<dl class=\"facts\">");
        fact(h, "period", period(d).orElse("not stated"));
        fact(h, "records", Html.count(d.data().rowCount()));
        fact(h, "variables", Integer.toString(d.schema().size()));
        fact(h, "protection", method(d));
        fact(h, "licence", site.licenceTitle());
        h.raw("</dl></li>\n");
      }
      h.raw("</ul>\n");
    }
    h.raw("<h2 id=\"tables\">Tables</h2>\n");
    if (r.tables().isEmpty()) {
      h.el("p", "No table in this release.");
    } else {
      h.raw("<ul class=\"cards\">\n");
      for (TableEntry t : r.tables()) {
        h.raw("<li class=\"card\"><h3>").link("tables/" + t.id() + ".html", t.name()).raw("</h3>\n");
        h.el("p", "Counts by " + dimNames(t) + ".");
        h.raw("<dl class=\"facts\">");
        fact(h, "cells", Html.count(t.cells().size()));
        fact(h, "protection", method(t));
        fact(h, "licence", site.licenceTitle());
        h.raw("</dl></li>\n");
      }
      h.raw("</ul>\n");
    }
    return h.page(site.title(), site.title(), "Open data: " + r.datasets().size() + " datasets and " + r.tables().size()
        + " tables, with codebooks and metadata.", "", "");
  }

  /**
   * A dataset's page.
   *
   * @param site the settings
   * @param d the dataset
   * @param jsonLd its schema.org description, safe inside a script element
   * @return the page
   */
  public static String dataset(SiteInfo site, DatasetEntry d, String jsonLd) {
    Html h = new Html();
    h.el("h1", d.title());
    h.el("p", description(d));
    if (d.protection().seeded()) {
      h.raw("<p class=\"warn\"><strong>Not protected:</strong> these synthetic records were made with a fixed seed,"
          + " so that the run is reproducible. Anyone who has the seed can repeat the noise; treat this dataset as a"
          + " demonstration, not as a protected publication.</p>\n");
    }
    h.raw("<dl class=\"facts\">");
    fact(h, "schema", d.schema().id());
    fact(h, "records", Html.count(d.data().rowCount()));
    fact(h, "variables", Integer.toString(d.schema().size()));
    fact(h, "period", period(d).orElse("not stated"));
    fact(h, "protection", method(d));
    fact(h, "publisher", site.publisher());
    h.raw("<dt>licence</dt><dd>").link(site.licenceUrl(), site.licenceTitle()).raw("</dd>");
    h.raw("</dl>\n");
    h.el("h2", "Downloads");
    downloads(h, d.files());
    h.el("h2", "What the protection does and does not protect against");
    statement(h, d);
    h.el("h2", "Main distributions");
    h.el("p", "Counted from the released file itself. A count from 1 to 10 is shown as <11 and drawn as a hatched stub.");
    int chart = 0;
    for (int col : chartColumns(d)) {
      chart++;
      Variable v = d.schema().variables().get(col);
      h.raw(Charts.bars("chart" + chart, "Records by " + v.name() + (v.label().isBlank() || v.label().equals(v.name())
          ? "" : " (" + v.label() + ")"), distribution(d.data(), col)));
    }
    if (chart == 0) {
      h.el("p", "This dataset has no variable with a closed value set to chart.");
    }
    h.el("h2", "Codebook");
    codebook(h, d);
    return h.page(site.title(), d.title(), description(d), "../",
        "<script type=\"application/ld+json\">\n" + jsonLd + "</script>\n");
  }

  /**
   * A table's page.
   *
   * @param site the settings
   * @param t the table
   * @return the page
   */
  public static String table(SiteInfo site, TableEntry t) {
    Html h = new Html();
    h.el("h1", t.name());
    h.el("p", "Counts by " + dimNames(t) + ", as published.");
    h.raw("<dl class=\"facts\">");
    fact(h, "protection", method(t));
    fact(h, "cells", Html.count(t.cells().size()));
    long primary = t.cells().stream().filter(c -> c.status().equals("primary")).count();
    long secondary = t.cells().stream().filter(c -> c.status().equals("secondary")).count();
    fact(h, "suppressed cells", Html.count(primary) + " primary, " + Html.count(secondary) + " secondary");
    h.raw("<dt>licence</dt><dd>").link(site.licenceUrl(), site.licenceTitle()).raw("</dd>");
    h.raw("</dl>\n");
    h.el("h2", "How cells are marked");
    h.raw("<ul>\n");
    h.raw("<li><strong>").text(t.suppressedLabel() + " (p)").raw("</strong>: ").text(status("primary")).raw("</li>\n");
    h.raw("<li><strong>").text(t.suppressedLabel() + " (s)").raw("</strong>: ").text(status("secondary")).raw("</li>\n");
    h.raw("<li><strong>(f)</strong>: ").text(status("forced-publish")).raw("</li>\n");
    if (perturbed(t)) {
      h.raw("<li><strong>~</strong>: ").text("every value of this table is " + perturbation(t.method())
          + ", so a small count cannot be told exactly and margins need not add up").raw("</li>\n");
    }
    h.raw("</ul>\n");
    h.el("h2", "The table");
    if (t.dims().size() == 2) {
      crossTab(h, t);
    } else {
      longTable(h, t);
    }
    h.el("h2", "Downloads");
    downloads(h, t.files());
    h.el("h2", "What the protection does and does not protect against");
    statement(h, t);
    return h.page(site.title(), t.name(), "Published table " + t.name() + ": counts by " + dimNames(t) + ".", "../", "");
  }

  /**
   * The about page: the method, the partners (provenance counts only), how to cite.
   *
   * @param site the settings
   * @param r the releases
   * @return the page
   */
  public static String about(SiteInfo site, Releases r) {
    Html h = new Html();
    h.el("h1", "About this portal");
    h.el("h2", "Method");
    h.el("p", "Partners' case records are aligned onto shared variables, pooled with their provenance and published"
        + " only in protected forms: de-identified microdata (k-anonymity by generalisation and suppression, checked by"
        + " an independent verifier), synthetic records made from differentially private counts, and tables whose small"
        + " cells are suppressed and audited by linear programming so that no suppressed cell can be recomputed.");
    h.raw("<ul>\n");
    for (DatasetEntry d : r.datasets()) {
      h.raw("<li>").link("datasets/" + d.id() + ".html", d.title()).raw(": ").text(method(d)).raw("</li>\n");
    }
    for (TableEntry t : r.tables()) {
      h.raw("<li>").link("tables/" + t.id() + ".html", t.name()).raw(": ").text(method(t)).raw("</li>\n");
    }
    h.raw("</ul>\n");
    h.el("h2", "Partners");
    if (r.partners().isEmpty()) {
      h.el("p", "The release folders do not say which partners contributed.");
    } else {
      h.el("p", "The partners whose records were pooled, with the number of records each contributed (provenance"
          + " counts only; a count from 1 to 10 is shown as <11).");
      h.raw("<div class=\"scroll\"><table>\n<caption>Records contributed by each partner</caption>\n<thead><tr>"
          + "<th scope=\"col\">partner</th><th scope=\"col\" class=\"num\">records</th></tr></thead>\n<tbody>\n");
      for (Map.Entry<String, Long> e : r.partners().entrySet()) {
        h.raw("<tr><th scope=\"row\">").text(e.getKey()).raw("</th><td class=\"num\">")
            .text(e.getValue() < 0 ? "<11" : Charts.shown(e.getValue())).raw("</td></tr>\n");
      }
      h.raw("</tbody></table></div>\n");
    }
    h.el("h2", "How to cite");
    h.el("p", "Cite the dataset or table you use, with the publisher, the title and the schema version:");
    h.raw("<ul>\n");
    for (DatasetEntry d : r.datasets()) {
      h.raw("<li>").text(citation(site, d.title() + " (schema " + d.schema().id() + ")")).raw("</li>\n");
    }
    for (TableEntry t : r.tables()) {
      h.raw("<li>").text(citation(site, "Table " + t.name())).raw("</li>\n");
    }
    h.raw("</ul>\n");
    h.el("h2", "Licence");
    h.raw("<p>The data are published under ").link(site.licenceUrl(), site.licenceTitle()).raw(" (")
        .text(site.licenceId()).raw(").</p>\n");
    h.el("h2", "This site");
    h.el("p", "A static site: no server code, no script, no cookie, no font or file fetched from elsewhere. Every"
        + " figure is computed from the released files, which are the downloads listed on each page.");
    return h.page(site.title(), "About this portal", "The method, the partners and how to cite.", "", "");
  }

  static String citation(SiteInfo site, String what) {
    return site.publisher() + ". " + what + ". In: " + site.title() + ". Licence " + site.licenceId() + ".";
  }

  // ---- pieces

  private static void fact(Html h, String term, String value) {
    h.raw("<dt>").text(term).raw("</dt><dd>").text(value).raw("</dd>");
  }

  private static void downloads(Html h, List<DataFile> files) {
    h.raw("<ul>\n");
    for (DataFile f : files) {
      String file = f.sitePath().substring(f.sitePath().lastIndexOf('/') + 1);
      h.raw("<li>").link("../" + f.sitePath(), file).raw(" (").text(f.format()).raw("): ").text(f.what()).raw("</li>\n");
    }
    h.raw("</ul>\n");
  }

  static String description(DatasetEntry d) {
    return switch (d.kind()) {
      case DEID -> "De-identified case records in the " + d.schema().name() + " " + d.schema().version()
          + " layout: one row per victim of trafficking recorded by a partner, generalised and suppressed so that"
          + " each combination of quasi-identifiers is shared by several records.";
      case SYNTHETIC -> "Synthetic records in the " + d.schema().name() + " " + d.schema().version()
          + " layout: no row is a real person; the records are drawn from protected counts of attribute combinations.";
    };
  }

  static String method(DatasetEntry d) {
    Protection p = d.protection();
    List<String> parts = new ArrayList<>();
    if (d.kind() == Kind.DEID) {
      p.k().ifPresent(k -> parts.add("k-anonymity, k = " + k));
      p.lDiversity().ifPresent(parts::add);
      p.suppressionRate().ifPresent(s -> parts.add(Charts.pct(s) + " of records suppressed"
          + (p.suppressionLimit().isPresent() ? " (limit " + Charts.pct(p.suppressionLimit().getAsDouble()) + ")" : "")));
      if (p.suppressionRate().isEmpty()) {
        p.suppressionLimit().ifPresent(s -> parts.add("at most " + Charts.pct(s) + " of records suppressed"));
      }
      if (parts.isEmpty()) {
        parts.add("de-identified (the release folder does not state the parameters)");
      }
    } else {
      String mode = p.mode().orElse("dp");
      if (mode.equals("dp")) {
        StringBuilder b = new StringBuilder("synthetic records from differentially private counts");
        p.epsilon().ifPresent(e -> b.append(String.format(Locale.ROOT, ", epsilon = %s", trim(e))));
        p.delta().ifPresent(e -> b.append(String.format(Locale.ROOT, ", delta = %.2g", e)));
        parts.add(b.toString());
      } else {
        parts.add("synthetic records from k-synthetic counts" + (p.resolution().isPresent()
            ? " rounded to multiples of " + p.resolution().getAsInt() : ""));
      }
      p.reportingLength().ifPresent(l -> parts.add("combinations of up to " + l + " attributes"));
      if (p.seeded()) {
        parts.add("SEEDED: reproducible, not protected");
      }
    }
    return String.join("; ", parts);
  }

  static String method(TableEntry t) {
    return switch (t.method()) {
      case "suppression" -> "cell suppression: counts " + t.threshold().map(x -> x.startsWith("<") || x.startsWith("≤")
          ? x : "below " + x).orElse("below the threshold") + " suppressed, with secondary suppression and an audit by"
          + " linear programming";
      case "none" -> "published as tabulated (no cell is suppressed)";
      default -> "every value " + perturbation(t.method()) + " (" + t.method() + ")";
    };
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static boolean perturbed(TableEntry t) {
    return !t.method().equals("suppression") && !t.method().equals("none");
  }

  private static String perturbation(String method) {
    return switch (method) {
      case "round-to-base" -> "rounded to a multiple of a base";
      case "round-down" -> "rounded down to a multiple of the resolution";
      case "cell-key" -> "perturbed by the cell-key method (a small noise fixed by the records' keys)";
      default -> "perturbed";
    };
  }

  private static void statement(Html h, DatasetEntry d) {
    Protection p = d.protection();
    List<String> does = new ArrayList<>();
    List<String> doesNot = new ArrayList<>();
    if (d.kind() == Kind.DEID) {
      String qis = p.quasiIdentifiers().isEmpty() ? "the quasi-identifiers" : "the quasi-identifiers ("
          + String.join(", ", p.quasiIdentifiers()) + ")";
      String k = p.k().isPresent() ? Integer.toString(p.k().getAsInt()) : "k";
      does.add("Singling a person out by " + qis + ": every combination of their released values is shared by at"
          + " least " + k + " records, so someone who knows these facts about a person finds at least " + k
          + " candidate records.");
      p.lDiversity().ifPresent(l -> does.add("Learning the sensitive variable from the group a person falls in ("
          + l + "): each group holds several different values of it."));
      does.add("Precise values: years, ages and countries are released as periods, bands and regions where needed,"
          + " and records that could not be grouped are removed.");
      doesNot.add("Someone who knows other facts about a person than the quasi-identifiers (for example an unusual"
          + " combination of types of exploitation): only the quasi-identifiers are grouped.");
      doesNot.add("Learning facts about a whole group: when most records of a group share a value, it is learned of"
          + " everyone in the group.");
      doesNot.add("Linking this release with other releases of the same cases (an earlier or later version, a table"
          + " made from the same records), which can narrow a group below " + k + ".");
      doesNot.add("Learning that a person is in the data, for someone who knows they were recorded by a partner.");
      doesNot.add("It gives no formal guarantee of the kind differential privacy gives.");
    } else {
      does.add("No record is a real person: every record is drawn from protected counts of attribute combinations,"
          + " not copied from a case file.");
      if (p.mode().orElse("dp").equals("dp")) {
        does.add("The counts are differentially private" + (p.epsilon().isPresent() ? " (epsilon = "
            + trim(p.epsilon().getAsDouble()) + ")" : "") + ": whether any one person is in the data or not changes the"
            + " probability of any published result by at most a known factor, whatever else an attacker knows.");
      } else {
        does.add("The counts are rounded and combinations held by few records are removed before any record is made.");
      }
      doesNot.add("Patterns of the whole population are learned: that is the purpose of publishing.");
      doesNot.add("Rare combinations may be missing or made up: the records are not fit for counting small groups or"
          + " for finding individual cases.");
      doesNot.add("Every other release made from the same records weakens the guarantee: the budgets add up.");
      if (p.seeded()) {
        doesNot.add("This dataset was made with a fixed seed: anyone with the seed can repeat the noise, so it is not"
            + " protected at all. It is a demonstration.");
      }
    }
    lists(h, does, doesNot);
  }

  private static void statement(Html h, TableEntry t) {
    List<String> does = new ArrayList<>();
    List<String> doesNot = new ArrayList<>();
    if (t.method().equals("suppression")) {
      does.add("Small counts: cells " + t.threshold().map(x -> x.startsWith("<") || x.startsWith("≤") ? x : "below " + x)
          .orElse("below the threshold") + " are not shown (marked " + t.suppressedLabel() + ").");
      does.add("Recomputing a suppressed count from the totals: further cells are suppressed, and an audit by linear"
          + " programming checks that every suppressed count stays within a range at least one wide.");
    } else if (perturbed(t)) {
      does.add("Exact small counts: every value is " + perturbation(t.method()) + ".");
    } else {
      does.add("Nothing beyond aggregation: no cell is suppressed or perturbed.");
    }
    doesNot.add("Facts about groups: the published counts are what they are for.");
    doesNot.add("A zero (empty) cell says that nobody in the data has that combination.");
    doesNot.add("Other tables made from the same records and published separately are not audited together with"
        + " this one unless they were linked when protected.");
    lists(h, does, doesNot);
  }

  private static void lists(Html h, List<String> does, List<String> doesNot) {
    h.el("h3", "It protects against");
    h.raw("<ul>\n");
    does.forEach(s -> h.raw("<li>").text(s).raw("</li>\n"));
    h.raw("</ul>\n");
    h.el("h3", "It does not protect against");
    h.raw("<ul>\n");
    doesNot.forEach(s -> h.raw("<li>").text(s).raw("</li>\n"));
    h.raw("</ul>\n");
  }

  private static void codebook(Html h, DatasetEntry d) {
    ReleaseFormat f = d.schema().format();
    h.raw("<p>Missing values are written ");
    List<String> tokens = new ArrayList<>();
    for (String t : f.missingTokens()) {
      tokens.add(t.isEmpty() ? "an empty field" : "<code>" + Html.esc(t) + "</code>");
    }
    h.raw(String.join(" or ", tokens)).raw(". A value can be missing for four reasons, which a release writes the"
        + " same way: <em>unknown</em> (the partner collects the variable but did not record it),"
        + " <em>not collected</em> (the partner does not collect it), <em>not applicable</em> (it does not apply to"
        + " the person) and <em>suppressed</em> (withheld for disclosure control). Flags are written <code>")
        .text(f.flagTrue()).raw("</code> (yes) and ").raw(f.flagFalse().isEmpty() ? "an empty field"
            : "<code>" + Html.esc(f.flagFalse()) + "</code>").raw(" (no).</p>\n");
    h.raw("<div class=\"scroll\"><table>\n<caption>Variables of ").text(d.schema().id()).raw("</caption>\n<thead><tr>"
        + "<th scope=\"col\">variable</th><th scope=\"col\">definition</th><th scope=\"col\">kind</th>"
        + "<th scope=\"col\">role</th><th scope=\"col\" class=\"num\">missing here</th></tr></thead>\n<tbody>\n");
    Dataset data = d.data();
    for (int c = 0; c < d.schema().size(); c++) {
      Variable v = d.schema().variables().get(c);
      long missing = 0;
      for (int r = 0; r < data.rowCount(); r++) {
        if (data.isMissing(r, c)) {
          missing++;
        }
      }
      h.raw("<tr><th scope=\"row\">");
      if (hasValues(v)) {
        h.raw("<a href=\"#var-").text(ReleaseReader.slug(v.name())).raw("\">").text(v.name()).raw("</a>");
      } else {
        h.text(v.name());
      }
      h.raw("</th><td>").text(v.label().isBlank() || v.label().equals(v.name()) ? v.definition()
              : v.label() + (v.definition().isBlank() ? "" : ": " + v.definition()))
          .raw("</td><td>").text(kind(v)).raw("</td><td>").text(role(v.role())).raw("</td><td class=\"num\">")
          .text(Charts.shown(missing)).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");
    for (Variable v : d.schema().variables()) {
      if (!hasValues(v)) {
        continue;
      }
      h.raw("<h3 id=\"var-").text(ReleaseReader.slug(v.name())).raw("\">").text(v.name()).raw("</h3>\n");
      if (!v.definition().isBlank()) {
        h.el("p", v.definition());
      }
      if (v.isMultiValued()) {
        h.raw("<p>Several values may be given, joined by <code>").text(v.separatorIn(d.schema().format()))
            .raw("</code>.</p>\n");
      }
      h.raw("<div class=\"scroll\"><table>\n<caption>Values of ").text(v.name()).raw("</caption>\n<thead><tr>"
          + "<th scope=\"col\">code</th><th scope=\"col\">label</th><th scope=\"col\">definition</th></tr></thead>\n<tbody>\n");
      for (Code code : v.values().codes()) {
        h.raw("<tr><th scope=\"row\"><code>").text(code.code()).raw("</code></th><td>").text(code.label())
            .raw("</td><td>").text(code.definition()).raw("</td></tr>\n");
      }
      h.raw("</tbody></table></div>\n");
    }
  }

  private static boolean hasValues(Variable v) {
    return v.kind().isClosed() && v.valueSet().isPresent();
  }

  private static String kind(Variable v) {
    String k = v.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (v.kind() == VariableKind.YEAR || v.kind() == VariableKind.COUNT) {
      String range = (v.minimum().isPresent() ? " from " + v.minimum().getAsInt() : "")
          + (v.maximum().isPresent() ? " to " + v.maximum().getAsInt() : "");
      return k + range;
    }
    return k + (v.isMultiValued() ? ", several values" : "");
  }

  private static String role(Role r) {
    return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The columns charted: quasi-identifiers and sensitive variables with closed value sets, else any closed ones. */
  static List<Integer> chartColumns(DatasetEntry d) {
    List<Integer> first = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int c = 0; c < d.schema().size(); c++) {
      Variable v = d.schema().variables().get(c);
      if (!v.kind().isClosed() && v.kind() != VariableKind.YEAR) {
        continue;
      }
      (v.role() == Role.QUASI_IDENTIFIER || v.role() == Role.SENSITIVE ? first : rest).add(c);
    }
    first.addAll(rest);
    return first.subList(0, Math.min(MAX_CHARTS, first.size()));
  }

  /** The counts of a column's values in the released rows, in the value set's order, missing last. */
  static List<Bar> distribution(Dataset data, int col) {
    Variable v = data.variable(col);
    Map<String, Long> counts = new HashMap<>();
    long missing = 0;
    String sep = v.separatorIn(data.schema().format());
    for (int r = 0; r < data.rowCount(); r++) {
      if (data.isMissing(r, col)) {
        missing++;
        continue;
      }
      String token = data.token(r, col);
      if (v.isMultiValued()) {
        for (String part : token.split(Pattern.quote(sep), -1)) {
          counts.merge(part, 1L, Long::sum);
        }
      } else {
        counts.merge(token, 1L, Long::sum);
      }
    }
    List<String> order = new ArrayList<>();
    if (v.kind().isClosed() && v.valueSet().isPresent()) {
      for (Code c : v.values().codes()) {
        String written = v.kind() == VariableKind.FLAG ? (c.code().equals("1") ? data.schema().format().flagTrue()
            : data.schema().format().flagFalse()) : c.code();
        if (counts.containsKey(written) && !order.contains(written)) {
          order.add(written);
        }
      }
    }
    new TreeSet<>(counts.keySet()).forEach(k -> {
      if (!order.contains(k)) {
        order.add(k);
      }
    });
    List<Bar> bars = new ArrayList<>();
    long other = 0;
    for (String k : order) {
      if (bars.size() < MAX_BARS) {
        String label = v.kind() == VariableKind.FLAG ? (k.equals(data.schema().format().flagTrue()) ? "yes" : "no")
            : k.isEmpty() ? "(empty)" : k;
        bars.add(new Bar(label, counts.getOrDefault(k, 0L)));
      } else {
        other += counts.getOrDefault(k, 0L);
      }
    }
    if (other > 0) {
      bars.add(new Bar("(other values)", other));
    }
    if (missing > 0) {
      bars.add(new Bar("(missing)", missing));
    }
    return bars;
  }

  /**
   * The period the dataset covers: the first and last year named by its year variable's released values.
   *
   * @param d the dataset
   * @return {@code 2019–2022}, or empty when no year variable holds a year
   */
  static Optional<String> period(DatasetEntry d) {
    Optional<int[]> y = years(d);
    return y.map(a -> a[0] == a[1] ? Integer.toString(a[0]) : a[0] + "–" + a[1]);
  }

  /**
   * The first and last year of the dataset, as {@code {first, last}}.
   *
   * @param d the dataset
   * @return the years, or empty
   */
  static Optional<int[]> years(DatasetEntry d) {
    int col = -1;
    for (int c = 0; c < d.schema().size(); c++) {
      Variable v = d.schema().variables().get(c);
      if (v.name().equalsIgnoreCase("yearOfRegistration") || (col < 0 && v.kind() == VariableKind.YEAR)) {
        col = c;
      }
    }
    if (col < 0) {
      return Optional.empty();
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    Dataset data = d.data();
    Map<String, Boolean> seen = new HashMap<>();
    for (int r = 0; r < data.rowCount(); r++) {
      if (data.isMissing(r, col)) {
        continue;
      }
      String t = data.token(r, col);
      if (seen.put(t, Boolean.TRUE) != null) {
        continue;
      }
      Matcher m = YEAR.matcher(t);
      while (m.find()) {
        int year = Integer.parseInt(m.group(1));
        min = Math.min(min, year);
        max = Math.max(max, year);
      }
    }
    return min > max ? Optional.empty() : Optional.of(new int[] {min, max});
  }

  private static String dimNames(TableEntry t) {
    return String.join(" × ", t.dims().stream().map(Dim::name).toList());
  }

  private static String cellMarkup(TableEntry t, Cell c) {
    String status = c.status();
    String cls = "num " + status + (perturbed(t) ? " perturbed" : "");
    String text;
    String title = STATUSES.get(status);
    switch (status) {
      case "primary" -> text = t.suppressedLabel() + " (p)";
      case "secondary" -> text = t.suppressedLabel() + " (s)";
      case "forced-publish" -> text = c.value() + " (f)";
      case "empty" -> text = c.value().isEmpty() ? "0" : c.value();
      default -> text = (perturbed(t) ? "~" : "") + c.value();
    }
    return "<td class=\"" + cls + "\" title=\"" + Html.esc(title == null ? status : title) + "\">" + Html.esc(text) + "</td>";
  }

  private static String head(TableEntry t, String column) {
    String tag = t.hxl().get(column);
    return Html.esc(column) + (tag == null ? "" : "<br><span class=\"hxl\">" + Html.esc(tag) + "</span>");
  }

  private static String indent(Dim d, String node) {
    int depth = d.depth().getOrDefault(node, 0);
    return depth == 0 ? "" : " style=\"padding-left:" + (0.5 + depth) + "rem\"";
  }

  private static void crossTab(Html h, TableEntry t) {
    Dim rows = t.dims().get(0);
    Dim cols = t.dims().get(1);
    Map<String, Cell> byKey = new HashMap<>();
    for (Cell c : t.cells()) {
      byKey.put(c.nodes().get(0) + "\u0000" + c.nodes().get(1), c);
    }
    List<String> usedCols = cols.nodes().stream().filter(cn -> rows.nodes().stream()
        .anyMatch(rn -> byKey.containsKey(rn + "\u0000" + cn))).toList();
    h.raw("<div class=\"scroll\"><table>\n<caption>").text(t.name() + ": " + rows.name() + " (rows) by " + cols.name()
        + " (columns)");
    String valueTag = t.hxl().get("value");
    if (valueTag != null) {
      h.raw(" <span class=\"hxl\">").text("values " + valueTag).raw("</span>");
    }
    h.raw("</caption>\n<thead><tr><th scope=\"col\">").raw(head(t, rows.name())).raw(" \\ ")
        .raw(head(t, cols.name())).raw("</th>");
    for (String cn : usedCols) {
      h.raw("<th scope=\"col\" class=\"num\">").text(cn).raw("</th>");
    }
    h.raw("</tr></thead>\n<tbody>\n");
    for (String rn : rows.nodes()) {
      if (usedCols.stream().noneMatch(cn -> byKey.containsKey(rn + "\u0000" + cn))) {
        continue;
      }
      h.raw("<tr><th scope=\"row\"").raw(indent(rows, rn)).raw(">").text(rn).raw("</th>");
      for (String cn : usedCols) {
        Cell c = byKey.get(rn + "\u0000" + cn);
        h.raw(c == null ? "<td class=\"num\" title=\"not published\">–</td>" : cellMarkup(t, c));
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n");
  }

  private static void longTable(Html h, TableEntry t) {
    h.raw("<div class=\"scroll\"><table>\n<caption>").text(t.name() + ": one row per published cell")
        .raw("</caption>\n<thead><tr>");
    for (Dim d : t.dims()) {
      h.raw("<th scope=\"col\">").raw(head(t, d.name())).raw("</th>");
    }
    h.raw("<th scope=\"col\" class=\"num\">").raw(head(t, "value")).raw("</th></tr></thead>\n<tbody>\n");
    for (Cell c : t.cells()) {
      h.raw("<tr>");
      for (int i = 0; i < t.dims().size(); i++) {
        String node = c.nodes().get(i);
        if (i == 0) {
          h.raw("<th scope=\"row\"").raw(indent(t.dims().get(i), node)).raw(">").text(node).raw("</th>");
        } else {
          h.raw("<td").raw(indent(t.dims().get(i), node)).raw(">").text(node).raw("</td>");
        }
      }
      h.raw(cellMarkup(t, c)).raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n");
  }
}
