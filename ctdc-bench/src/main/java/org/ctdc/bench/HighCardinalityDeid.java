package org.ctdc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.Metric;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * High-cardinality CTDC-shaped data for the search benchmarks (issue 19): exact ages 0-99 (5, 10 and
 * 20-year bands, then all), citizenship and country of exploitation over 150 countries drawn Zipf-like
 * (weight 1/rank) in 20 sub-regions and 5 regions, 22 registration years (2, 4 and 8-year spans), gender,
 * 2 sources, an exploitation flag and a means-of-control flag: 8 quasi-identifiers, 5,760 lattice nodes,
 * a few missing values of each. Deterministic for a seed. Not thread-safe state is never shared: every call
 * makes its own.
 */
public final class HighCardinalityDeid {
  static final int COUNTRIES = 150;
  static final int SUBREGIONS = 20;
  static final int REGIONS = 5;
  static final int YEARS = 22;
  static final int FIRST_YEAR = 2001;

  private HighCardinalityDeid() {}

  /** @return the quasi-identifiers, in configuration order */
  public static List<String> quasiIdentifiers() {
    return List.of("yearOfRegistration", "Datasource", "gender", "age", "citizenship", "CountryOfExploitation",
        "isForcedLabour", "meansThreats");
  }

  static String country(int c) {
    return "C" + c;
  }

  /** @return the schema of the generated data */
  public static Schema schema() {
    String[] countries = new String[COUNTRIES];
    for (int c = 0; c < COUNTRIES; c++) {
      countries[c] = country(c);
    }
    return Schema.builder("highcard", "1")
        .add(Variable.builder("yearOfRegistration", VariableKind.YEAR).minimum(FIRST_YEAR)
            .maximum(FIRST_YEAR + YEARS - 1).build())
        .add(Variable.builder("Datasource", VariableKind.CATEGORICAL)
            .values(ValueSet.ofCodes("Case Management", "Hotline")).build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("Female", "Male",
            "Transgender/NonConforming")).build())
        .add(Variable.builder("age", VariableKind.COUNT).minimum(0).maximum(99).build())
        .add(Variable.builder("citizenship", VariableKind.CATEGORICAL).values(ValueSet.ofCodes(countries)).build())
        .add(Variable.builder("CountryOfExploitation", VariableKind.CATEGORICAL)
            .values(ValueSet.ofCodes(countries)).build())
        .add(Variable.builder("isForcedLabour", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("0", "1")).build())
        .add(Variable.builder("meansThreats", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("0", "1")).build())
        .build();
  }

  /** Running sums of the weights (not normalised: {@link #draw} scales its uniform by the total). */
  private static double[] cumulative(double[] w) {
    double[] c = w.clone();
    for (int i = 1; i < c.length; i++) {
      c[i] += c[i - 1];
    }
    return c;
  }

  private static int draw(double[] cum, SplittableRandom rnd) {
    double u = rnd.nextDouble() * cum[cum.length - 1];
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Generates rows.
   *
   * @param rows the number of rows
   * @param seed the seed
   * @return the dataset
   */
  public static Dataset generate(int rows, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] zipf = new double[COUNTRIES];
    for (int i = 0; i < COUNTRIES; i++) {
      zipf[i] = 1.0 / (i + 1);
    }
    double[] countryC = cumulative(zipf);
    double[] years = new double[YEARS];
    for (int i = 0; i < YEARS; i++) {
      years[i] = i + 1;
    }
    double[] yearC = cumulative(years);
    double[] ages = new double[100];
    for (int a = 0; a < 100; a++) {
      ages[a] = a < 10 ? 1 : a < 40 ? 6 : a < 60 ? 3 : 0.5;
    }
    double[] ageC = cumulative(ages);
    Dataset.Appender app = Dataset.appender(schema());
    int[] values = new int[8];
    long[] masks = new long[8];
    int[] missing = new int[8];
    int unknown = Dataset.missingCode(MissingReason.UNKNOWN);
    for (int r = 0; r < rows; r++) {
      java.util.Arrays.fill(missing, 0);
      int source = rnd.nextDouble() < 0.7 ? 0 : 1;
      values[0] = FIRST_YEAR + draw(yearC, rnd);
      values[1] = source;
      double g = rnd.nextDouble();
      values[2] = g < 0.7 ? 0 : g < 0.98 ? 1 : 2;
      if (rnd.nextDouble() < (source == 0 ? 0.02 : 0.08)) {
        missing[2] = unknown;
      }
      values[3] = draw(ageC, rnd);
      if (rnd.nextDouble() < (source == 0 ? 0.1 : 0.3)) {
        missing[3] = unknown;
      }
      int cit = draw(countryC, rnd);
      values[4] = cit;
      if (rnd.nextDouble() < 0.05) {
        missing[4] = unknown;
      }
      values[5] = rnd.nextDouble() < 0.35 ? cit : draw(countryC, rnd);
      if (rnd.nextDouble() < 0.05) {
        missing[5] = unknown;
      }
      values[6] = rnd.nextDouble() < 0.4 ? 1 : 0;
      values[7] = rnd.nextDouble() < 0.3 ? 1 : 0;
      if (rnd.nextDouble() < 0.2) {
        missing[7] = unknown;
      }
      app.appendRow(values, masks, missing);
    }
    return app.build();
  }

  /** @return the hierarchies, in {@link #quasiIdentifiers()} order */
  public static List<Hierarchy> hierarchies() {
    List<List<String>> year = new ArrayList<>();
    for (int y = 0; y < YEARS; y++) {
      int v = FIRST_YEAR + y;
      int two = FIRST_YEAR + y / 2 * 2;
      int four = FIRST_YEAR + y / 4 * 4;
      int eight = FIRST_YEAR + y / 8 * 8;
      year.add(List.of(String.valueOf(v), two + "-" + (two + 1), four + "-" + (four + 3),
          eight + "-" + (eight + 7), "*"));
    }
    List<List<String>> age = new ArrayList<>();
    for (int a = 0; a < 100; a++) {
      int five = a / 5 * 5;
      int ten = a / 10 * 10;
      int twenty = a / 20 * 20;
      age.add(List.of(String.valueOf(a), five + "-" + (five + 4), ten + "-" + (ten + 9), twenty + "-" + (twenty + 19),
          "*"));
    }
    List<List<String>> country = new ArrayList<>();
    for (int c = 0; c < COUNTRIES; c++) {
      // countries of neighbouring ranks fall in different sub-regions, as in real data
      int sub = (c * 7) % SUBREGIONS;
      country.add(List.of(country(c), "S" + sub, "R" + (sub % REGIONS), "*"));
    }
    return List.of(Hierarchy.of("yearOfRegistration", year),
        Hierarchy.of("Datasource", List.of(List.of("Case Management", "*"), List.of("Hotline", "*"))),
        Hierarchy.of("gender", List.of(List.of("Female", "*"), List.of("Male", "*"),
            List.of("Transgender/NonConforming", "*"))),
        Hierarchy.of("age", age), Hierarchy.of("citizenship", country),
        Hierarchy.of("CountryOfExploitation", country),
        Hierarchy.of("isForcedLabour", List.of(List.of("0", "*"), List.of("1", "*"))),
        Hierarchy.of("meansThreats", List.of(List.of("0", "*"), List.of("1", "*"))));
  }

  /**
   * The benchmark configuration: k = 11, 5 % suppression, loss.
   *
   * @param threads the thread count
   * @return the configuration
   */
  public static DeidConfig config(int threads) {
    DeidConfig.Builder b = DeidConfig.builder();
    List<String> q = quasiIdentifiers();
    List<Hierarchy> h = hierarchies();
    for (int i = 0; i < q.size(); i++) {
      b.quasiIdentifier(q.get(i), h.get(i));
    }
    return b.k(11).suppressionLimit(0.05).metric(Metric.LOSS).threads(threads).build();
  }
}
