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
 * Hierarchies built from what a schema knows about a variable:
 *
 * <ul>
 *   <li>a country (kind {@code country}): country → UN sub-region → UN region → {@code *}, read from the
 *       code definitions of the bundled CTDC schemas ({@code UN M49 (as in CTDC's country table): Region /
 *       Sub-region}, taken from CTDC's region lookup of 2022); codes without that note (uninhabited
 *       territories) go to sub-region and region {@code Other};
 *   <li>an ordered age band whose codes read {@code N--M} or {@code N+} (CTDC's {@code ageBroad} and its
 *       "Age range" lookups): band → majority status ({@code Minor} when the band ends below 18, else
 *       {@code Adult}) → {@code *};
 *   <li>a year: year → five-year periods → ten-year periods → {@code *} (periods start at years divisible
 *       by 5), over the years present in the data;
 *   <li>any other single-valued closed variable (categorical, flag, other bands): value → {@code *}.
 * </ul>
 *
 * <p>A schema does not say that a count holds ages; {@link #exactAge(Dataset, String)} builds the
 * exact-age hierarchy (exact age → "Age range 1" → {@code ageBroad} → majority status → {@code *}) on
 * request.
 *
 * <p>This class is thread-safe: it has only static methods.
 */
public final class SchemaHierarchies {
  private static final Pattern M49 = Pattern.compile("UN M49[^:]*:\\s*([^/]+?)\\s*/\\s*([^.]+?)\\s*\\.");
  private static final Pattern BAND = Pattern.compile("(\\d+)\\s*(?:--\\s*(\\d+)|\\+)");

  private SchemaHierarchies() {}

  /**
   * The hierarchy the schema implies for a variable of a dataset.
   *
   * @param data the dataset (its values are needed for years)
   * @param variable the variable's name
   * @return the hierarchy named after the variable, or empty for free text, identifiers, counts and
   *     multi-valued variables
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
      return Optional.of(Hierarchies.intervals(variable, years.stream().map(String::valueOf).toList(), 0, 5, 10));
    }
    if (!v.kind().isClosed()) {
      return Optional.empty();
    }
    List<Code> codes = v.values().codes();
    if (v.kind() == VariableKind.COUNTRY) {
      List<List<String>> rows = new ArrayList<>();
      for (Code c : codes) {
        Matcher m = M49.matcher(c.definition());
        String region = m.find() ? m.group(1) : "Other";
        String sub = region.equals("Other") ? "Other" : m.group(2);
        rows.add(List.of(c.code(), sub, region, Hierarchies.TOP));
      }
      return Optional.of(Hierarchy.of(variable, rows));
    }
    if (v.kind() == VariableKind.ORDERED_BAND && codes.stream().allMatch(c -> BAND.matcher(c.code()).matches())) {
      List<List<String>> rows = new ArrayList<>();
      for (Code c : codes) {
        Matcher m = BAND.matcher(c.code());
        m.matches();
        boolean minor = m.group(2) != null && Integer.parseInt(m.group(2)) < 18;
        rows.add(List.of(c.code(), minor ? "Minor" : "Adult", Hierarchies.TOP));
      }
      return Optional.of(Hierarchy.of(variable, rows));
    }
    return Optional.of(Hierarchies.flat(variable, codes.stream().map(Code::code).toList()));
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
