package org.ctdc.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctdc.schema.Code;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.schema.internal.Shown;

/**
 * Hierarchies built from what a schema knows about a variable, each level named for reports
 * ({@link Hierarchy#levelNames()}). A level that would repeat the level below it for every value is left
 * out, so that no hierarchy pads itself with levels that generalise nothing.
 *
 * <ul>
 *   <li>a country (kind {@code country}) whose codes are countries: country → UN sub-region → UN region →
 *       {@code *}, read from the code definitions of the bundled CTDC schemas ({@code UN M49 (as in CTDC's
 *       country table): Region / Sub-region}, taken from CTDC's region lookup of 2022); codes without that
 *       note (uninhabited territories) go to sub-region and region {@code Other};
 *   <li>a country variable whose codes are UN regions (a definition {@code ... the UN M49 region Africa ...},
 *       as in the Victim-Perpetrator release): region → {@code *}, a hierarchy of height 1, since nothing in
 *       UN M49 lies between a region and the world; codes that are sub-regions ({@code ... the UN M49
 *       sub-region Western Africa of the region Africa ...}) go to their region first;
 *   <li>an ordered age band whose codes read {@code N--M} or {@code N+}: when the codes are CTDC's finer "Age
 *       range 1" bands, band → {@code ageBroad} band; then → majority status ({@code Minor} when the band ends
 *       below 18, {@code Adult} when it starts at 18 or later), left out when a band spans 18 (the
 *       perpetrators' {@code 0--29}); then {@code *};
 *   <li>an ordered band of years whose codes read {@code YYYY} or {@code YYYY-YYYY} (the Victim-Perpetrator
 *       {@code yearRegister}): consecutive bands joined into periods of at least 5 years, those joined into
 *       periods of at least 10 years (from the earliest band on; the last period of a level may be
 *       shorter), then {@code *}: {@code 2005-2013, 2014-2018, 2019, 2020, 2021-2022 → 2005-2013, 2014-2018,
 *       2019-2022 → 2005-2018, 2019-2022 → *};
 *   <li>a year: year → five-year periods → ten-year periods → {@code *} (periods start at years divisible
 *       by 5), over the years present in the data;
 *   <li>a count whose label or name holds the word "age": the exact-age hierarchy of
 *       {@link #exactAge(Dataset, String)};
 *   <li>any other single-valued closed variable (gender, majority status, data source, flags, other bands):
 *       value → {@code *}. Gender is one of them: its values are not ordered and no grouping of them is
 *       published (CTDC shows every gender it releases), so a release either shows a person's gender or
 *       withholds it.
 * </ul>
 *
 * <p>This class is thread-safe: it has only static methods.
 */
public final class SchemaHierarchies {
  private static final Pattern M49 = Pattern.compile("UN M49[^:]*:\\s*([^/]+?)\\s*/\\s*([^.]+?)\\s*\\.");
  private static final Pattern M49_REGION = Pattern.compile("UN M49 region ([A-Z][A-Za-z ]*[a-z])");
  private static final Pattern M49_SUB_REGION =
      Pattern.compile("UN M49 sub-region ([A-Z][A-Za-z -]*[a-z]) of the region ([A-Z][A-Za-z ]*[a-z])");
  private static final Pattern BAND = Pattern.compile("(\\d+)\\s*(?:--\\s*(\\d+)|\\+)");
  private static final Pattern YEAR_BAND = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");
  private static final Pattern AGE_LABEL = Pattern.compile("(?i)\\bage\\b");
  private static final Pattern AGE_NAME = Pattern.compile("(?:^|[^A-Za-z])[Aa]ge(?:[^a-z]|$)|[a-z]Age(?:[^a-z]|$)");

  /** Lower bounds of CTDC's {@code ageBroad} bands, as {@link Hierarchies} has them. */
  private static final int[] AGE_BROAD_LOWER = {0, 9, 18, 21, 24, 27, 30, 39, 48};

  /** The age of majority. */
  private static final int MAJORITY = 18;

  /** The first year of CTDC's data (the Global Dataset's {@code yearOfRegistration} starts in 2002). */
  private static final int CTDC_FIRST_YEAR = 2002;

  /** Where CTDC's period bands start (2014, 2019, 2020, 2021), as in the Victim-Perpetrator release. */
  private static final int[] CTDC_PERIOD_CUTS = {2014, 2019, 2020, 2021};

  /** The shortest spans, in years, of the period levels of a band of years. */
  private static final int[] PERIOD_SPANS = {5, 10};

  private SchemaHierarchies() {}

  /**
   * The hierarchy the schema implies for a variable of a dataset.
   *
   * @param data the dataset (its values are needed for years and counts)
   * @param variable the variable's name
   * @return the hierarchy named after the variable, or empty for free text, identifiers, counts other than
   *     ages and multi-valued variables
   * @throws DeidException if the dataset has no such variable
   */
  public static Optional<Hierarchy> forVariable(Dataset data, String variable) {
    int col;
    try {
      col = data.column(variable);
    } catch (IllegalArgumentException e) {
      throw new DeidException("schema " + data.schema().id() + " has no variable '" + Shown.name(variable) + "'");
    }
    Variable v = data.variable(col);
    if (v.isMultiValued()) {
      return Optional.empty();
    }
    if (v.kind() == VariableKind.YEAR) {
      TreeSet<Integer> years = new TreeSet<>();
      for (int r = 0; r < data.rowCount(); r++) {
        if (!data.isMissing(r, col)) {
          years.add(data.intValue(r, col));
        }
      }
      if (years.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(years(variable, years));
    }
    if (v.kind() == VariableKind.COUNT) {
      if (AGE_NAME.matcher(v.name()).find() || AGE_LABEL.matcher(v.label()).find()) {
        return Optional.of(exactAge(data, variable));
      }
      return Optional.empty();
    }
    if (!v.kind().isClosed()) {
      return Optional.empty();
    }
    List<String> codes = v.values().codes().stream().map(Code::code).toList();
    if (v.kind() == VariableKind.COUNTRY) {
      return Optional.of(country(variable, v.values().codes()));
    }
    if (v.kind() == VariableKind.ORDERED_BAND && codes.stream().allMatch(c -> BAND.matcher(c).matches())) {
      return Optional.of(ageBands(variable, codes));
    }
    if (v.kind() == VariableKind.ORDERED_BAND && codes.stream().allMatch(c -> YEAR_BAND.matcher(c).matches())) {
      Optional<Hierarchy> periods = yearBands(variable, codes);
      if (periods.isPresent()) {
        return periods;
      }
    }
    return Optional.of(Hierarchies.flat(variable, codes));
  }

  /** Country codes to sub-region and region, or region codes to themselves. */
  private static Hierarchy country(String variable, List<Code> codes) {
    List<List<String>> rows = new ArrayList<>();
    boolean allRegions = true;
    boolean allSubRegions = true;
    for (Code c : codes) {
      String def = c.definition();
      Matcher country = M49.matcher(def);
      Matcher sub = M49_SUB_REGION.matcher(def);
      Matcher region = M49_REGION.matcher(def);
      if (country.find()) {
        rows.add(List.of(c.code(), country.group(2), country.group(1), Hierarchies.TOP));
        allRegions = false;
        allSubRegions = false;
      } else if (sub.find()) {
        rows.add(List.of(c.code(), c.code(), sub.group(2), Hierarchies.TOP));
        allRegions = false;
      } else if (region.find()) {
        rows.add(List.of(c.code(), c.code(), c.code(), Hierarchies.TOP));
        allSubRegions = false;
      } else {
        rows.add(List.of(c.code(), "Other", "Other", Hierarchies.TOP));
        allRegions = false;
        allSubRegions = false;
      }
    }
    String leaves = allRegions ? "UN region" : allSubRegions ? "UN sub-region" : "country";
    return withoutRepeatedLevels(variable, rows, List.of(leaves, "UN sub-region", "UN region", Hierarchies.TOP));
  }

  /** Age bands to ageBroad (for finer bands) and majority status (when no band spans 18). */
  private static Hierarchy ageBands(String variable, List<String> codes) {
    int n = codes.size();
    int[] lo = new int[n];
    int[] hi = new int[n];
    for (int i = 0; i < n; i++) {
      Matcher m = BAND.matcher(codes.get(i));
      m.matches();
      lo[i] = Integer.parseInt(m.group(1));
      hi[i] = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
    }
    boolean nestsInBroad = true;
    boolean sided = true;
    String[] broad = new String[n];
    for (int i = 0; i < n; i++) {
      int b = AGE_BROAD_LOWER.length - 1;
      while (AGE_BROAD_LOWER[b] > lo[i]) {
        b--;
      }
      int bHi = b + 1 < AGE_BROAD_LOWER.length ? AGE_BROAD_LOWER[b + 1] - 1 : Integer.MAX_VALUE;
      nestsInBroad &= hi[i] <= bHi;
      broad[i] = bHi == Integer.MAX_VALUE ? AGE_BROAD_LOWER[b] + "+" : AGE_BROAD_LOWER[b] + "--" + bHi;
      sided &= hi[i] < MAJORITY || lo[i] >= MAJORITY;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> row = new ArrayList<>();
      row.add(codes.get(i));
      row.add(nestsInBroad ? broad[i] : codes.get(i));
      row.add(sided ? (hi[i] < MAJORITY ? "Minor" : "Adult") : codes.get(i));
      row.add(Hierarchies.TOP);
      rows.add(row);
    }
    return withoutRepeatedLevels(variable, rows, List.of("age band", "ageBroad", "majority status", Hierarchies.TOP));
  }

  /** Bands of years joined into periods of at least 5 and 10 years; empty if the bands overlap. */
  private static Optional<Hierarchy> yearBands(String variable, List<String> codes) {
    int n = codes.size();
    Integer[] order = new Integer[n];
    int[] from = new int[n];
    int[] to = new int[n];
    for (int i = 0; i < n; i++) {
      Matcher m = YEAR_BAND.matcher(codes.get(i));
      m.matches();
      from[i] = Integer.parseInt(m.group(1));
      to[i] = m.group(2) == null ? from[i] : Integer.parseInt(m.group(2));
      if (to[i] < from[i]) {
        return Optional.empty();
      }
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> from[i]));
    int[] sortedFrom = new int[n];
    int[] sortedTo = new int[n];
    for (int j = 0; j < n; j++) {
      sortedFrom[j] = from[order[j]];
      sortedTo[j] = to[order[j]];
      if (j > 0 && sortedFrom[j] <= sortedTo[j - 1]) {
        return Optional.empty();
      }
    }
    List<String[]> periods = periods(sortedFrom, sortedTo);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(null);
    }
    for (int j = 0; j < n; j++) {
      List<String> row = new ArrayList<>(List.of(codes.get(order[j])));
      for (String[] level : periods) {
        row.add(level[j]);
      }
      row.add(Hierarchies.TOP);
      rows.set(order[j], row);
    }
    return Optional.of(withoutRepeatedLevels(variable, rows,
        List.of("period", "periods of 5+ years", "periods of 10+ years", Hierarchies.TOP)));
  }

  /**
   * Years present to CTDC's period bands (cut before 2014, 2019, 2020 and 2021, the bands of the
   * Victim-Perpetrator release; the first and last band are labelled by the years present), then periods of
   * at least 5 and 10 years; years before 2002 (not CTDC data) get 5-, 10- and 20-year intervals instead.
   */
  private static Hierarchy years(String variable, TreeSet<Integer> years) {
    List<String> leaves = years.stream().map(String::valueOf).toList();
    if (years.first() < CTDC_FIRST_YEAR) {
      return Hierarchies.intervals(variable, leaves, 0, 5, 10, 20)
          .withLevelNames(List.of("year", "5-year period", "10-year period", "20-year period", Hierarchies.TOP));
    }
    // the bands present, in year order: band b spans the cuts around it, the open ends the years present
    List<Integer> bandFrom = new ArrayList<>();
    List<Integer> bandTo = new ArrayList<>();
    int[] bandOfYear = new int[years.size()];
    int i = 0;
    int lastBand = -1;
    for (int y : years) {
      int b = 0;
      while (b < CTDC_PERIOD_CUTS.length && y >= CTDC_PERIOD_CUTS[b]) {
        b++;
      }
      if (b != lastBand) {
        bandFrom.add(b == 0 ? years.first() : CTDC_PERIOD_CUTS[b - 1]);
        bandTo.add(b == CTDC_PERIOD_CUTS.length ? years.last() : CTDC_PERIOD_CUTS[b] - 1);
        lastBand = b;
      }
      bandOfYear[i++] = bandFrom.size() - 1;
    }
    int n = bandFrom.size();
    int[] from = bandFrom.stream().mapToInt(Integer::intValue).toArray();
    int[] to = bandTo.stream().mapToInt(Integer::intValue).toArray();
    String[] bandLabel = new String[n];
    for (int j = 0; j < n; j++) {
      bandLabel[j] = from[j] == to[j] ? Integer.toString(from[j]) : from[j] + "-" + to[j];
    }
    List<String[]> periods = periods(from, to);
    List<List<String>> rows = new ArrayList<>();
    i = 0;
    for (String leaf : leaves) {
      int b = bandOfYear[i++];
      List<String> row = new ArrayList<>(List.of(leaf, bandLabel[b]));
      for (String[] level : periods) {
        row.add(level[b]);
      }
      row.add(Hierarchies.TOP);
      rows.add(row);
    }
    return withoutRepeatedLevels(variable, rows,
        List.of("year", "CTDC period", "periods of 5+ years", "periods of 10+ years", Hierarchies.TOP));
  }

  /**
   * Consecutive periods (ascending, disjoint) joined greedily from the earliest into periods of at least
   * {@link #PERIOD_SPANS} years, each level joining the periods of the one before; the last period of a level
   * may be shorter.
   *
   * @return per span, the label of each input period
   */
  private static List<String[]> periods(int[] from, int[] to) {
    int n = from.length;
    int[] groupStart = new int[n];
    int[] groupEnd = new int[n];
    for (int j = 0; j < n; j++) {
      groupStart[j] = j;
      groupEnd[j] = j;
    }
    int groups = n;
    List<String[]> out = new ArrayList<>();
    for (int span : PERIOD_SPANS) {
      int[] ns = new int[n];
      int[] ne = new int[n];
      int g = 0;
      int cur = 0;
      while (cur < groups) {
        int first = groupStart[cur];
        int last = groupEnd[cur];
        while (to[last] - from[first] + 1 < span && cur + 1 < groups) {
          cur++;
          last = groupEnd[cur];
        }
        ns[g] = first;
        ne[g] = last;
        g++;
        cur++;
      }
      String[] labels = new String[n];
      for (int k = 0; k < g; k++) {
        int first = from[ns[k]];
        int last = to[ne[k]];
        String label = first == last ? Integer.toString(first) : first + "-" + last;
        for (int j = ns[k]; j <= ne[k]; j++) {
          labels[j] = label;
        }
      }
      out.add(labels);
      groupStart = ns;
      groupEnd = ne;
      groups = g;
    }
    return out;
  }

  /**
   * A hierarchy from rows whose levels may repeat the level below for every row; such levels are left out
   * (the top level is always kept).
   */
  private static Hierarchy withoutRepeatedLevels(String variable, List<List<String>> rows, List<String> names) {
    int levels = names.size();
    List<Integer> kept = new ArrayList<>();
    kept.add(0);
    for (int l = 1; l < levels; l++) {
      int prev = kept.get(kept.size() - 1);
      boolean repeats = l < levels - 1;
      for (List<String> row : rows) {
        if (!row.get(l).equals(row.get(prev))) {
          repeats = false;
          break;
        }
      }
      if (!repeats) {
        kept.add(l);
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows) {
      out.add(kept.stream().map(row::get).toList());
    }
    return Hierarchy.of(variable, out).withLevelNames(kept.stream().map(names::get).toList());
  }

  /**
   * The exact-age hierarchy ({@link Hierarchies#exactAge(String, List)}: exact age → CTDC "Age range 1"
   * band → {@code ageBroad} → majority status → {@code *}) for a variable holding ages in completed years:
   * a count variable (leaves 0 to its maximum bound, or to the larger of {@value Hierarchies#MAX_AGE} and
   * the largest age present when it has none, so that top-coded values stay covered) or a single-valued
   * closed variable whose codes are ages (leaves its codes, e.g. a schema inferred from a CSV header).
   *
   * @param data the dataset
   * @param variable the variable's name
   * @return the hierarchy, named after the variable
   * @throws DeidException if the dataset has no such variable, or it is neither a count nor closed with
   *     integer codes
   * @throws HierarchyException if a code is not a non-negative integer
   */
  public static Hierarchy exactAge(Dataset data, String variable) {
    int col = data.schema().indexOf(variable);
    if (col < 0) {
      throw new DeidException("schema " + data.schema().id() + " has no variable '" + Shown.name(variable) + "'");
    }
    Variable v = data.variable(col);
    if (v.kind() == VariableKind.COUNT) {
      int max = Hierarchies.MAX_AGE;
      if (v.maximum().isPresent()) {
        max = v.maximum().getAsInt();
      }
      for (int r = 0; r < data.rowCount(); r++) {
        if (!data.isMissing(r, col)) {
          max = Math.max(max, data.intValue(r, col));
        }
      }
      List<String> ages = new ArrayList<>();
      for (int a = 0; a <= max; a++) {
        ages.add(Integer.toString(a));
      }
      return Hierarchies.exactAge(variable, ages);
    }
    if (v.kind().isClosed() && !v.isMultiValued()) {
      return Hierarchies.exactAge(variable, v.values().codes().stream().map(Code::code).toList());
    }
    throw new DeidException("variable '" + Shown.name(variable) + "' is " + v.kind()
        + ": an exact-age hierarchy needs a count variable or a closed variable whose codes are ages");
  }

  /** The record-suppression limit of {@link #ctdcDefaults(Dataset)}: 5 % of the records. */
  public static final double CTDC_DEFAULT_SUPPRESSION_LIMIT = 0.05;

  /**
   * The CTDC default configuration, as {@code ctdc demo} runs it: every variable the schema marks as a
   * quasi-identifier with its schema hierarchy, k = {@value PrivacyModel#CTDC_DEFAULT_K}, at most
   * {@value #CTDC_DEFAULT_SUPPRESSION_LIMIT} of the records suppressed, metric {@link Metric#LOSS}. Further
   * models (the demo adds distinct 2-diversity of {@code isSexualExploit}) can still be added.
   *
   * @param data the dataset
   * @return the builder
   * @throws DeidException if a quasi-identifier of the schema has no hierarchy the schema implies
   */
  public static DeidConfig.Builder ctdcDefaults(Dataset data) {
    List<String> qis = new ArrayList<>();
    for (Variable v : data.schema().variables()) {
      if (v.role() == org.ctdc.schema.Role.QUASI_IDENTIFIER) {
        qis.add(v.name());
      }
    }
    return configFor(data, qis).k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(CTDC_DEFAULT_SUPPRESSION_LIMIT)
        .metric(Metric.LOSS);
  }

  /**
   * A configuration builder with the given quasi-identifiers and their schema hierarchies; every other
   * variable the schema marks as a quasi-identifier is overridden to insensitive (it passes through), so
   * that the run generalises exactly the variables named.
   *
   * @param data the dataset
   * @param quasiIdentifiers the variables to generalise
   * @return a builder to which models and the limit are still to be added
   * @throws DeidException if a variable has no schema hierarchy
   */
  public static DeidConfig.Builder configFor(Dataset data, List<String> quasiIdentifiers) {
    DeidConfig.Builder b = DeidConfig.builder();
    for (String q : quasiIdentifiers) {
      Hierarchy h = forVariable(data, q)
          .orElseThrow(() -> new DeidException("variable '" + Shown.name(q) + "' has no hierarchy the schema implies"));
      b.quasiIdentifier(q, h);
    }
    for (Variable v : data.schema().variables()) {
      if (v.role() == org.ctdc.schema.Role.QUASI_IDENTIFIER && !quasiIdentifiers.contains(v.name())) {
        b.role(v.name(), org.ctdc.schema.Role.INSENSITIVE);
      }
    }
    return b;
  }
}
