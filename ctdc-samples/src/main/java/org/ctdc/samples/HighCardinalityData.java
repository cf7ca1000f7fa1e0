package org.ctdc.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates CTDC-like case records as CSV text, for the end-to-end benchmark of {@code ctdc deid} (issue
 * 19), in two profiles of the same columns:
 *
 * <ul>
 *   <li>{@link Profile#HIGH}: exact ages 0-99 (peak at 18-35), 150 countries of citizenship and of
 *       exploitation drawn Zipf-like (weight 1/rank), grouped into 20 sub-regions and 5 regions, 22 years of
 *       registration (2001-2022, weight growing with the year), two sources, three genders, exploitation
 *       flags and means-of-control flags. At 10^7 rows the eight {@link #quasiIdentifiers()} take millions of
 *       distinct combinations.
 *   <li>{@link Profile#LOW}: the low-cardinality shape of {@link CtdcLikeData}: nine age bands instead of
 *       exact ages, 50 countries, 21 years (2002-2022).
 * </ul>
 *
 * <p>Columns, in this order: {@code yearOfRegistration, Datasource, gender, age, majorityStatus, citizenship,
 * CountryOfExploitation, isForcedLabour, isSexualExploit, isOtherExploit, isDebtBondage, isThreats,
 * isPhysicalAbuse, isPsychologicalAbuse, isRestrictsMovement, isWithholdsDocuments}. Flags are {@code 1} or
 * {@code 0}; a missing value is the empty field (gender 3 %, age 10 % with its majority status, citizenship 5
 * %, country of exploitation 8 %, the means-of-control group 30 %). Countries are invented codes {@code C001}
 * to {@code C150} (rank order), sub-regions {@code S01} to {@code S20}, regions {@code R1} to {@code R5}; no
 * field needs quoting. The rows are invented; no real person is behind them.
 *
 * <p>The text is written row by row (memory does not grow with the row count); the same profile, row count
 * and seed always give the same bytes (SplitMix64, one stream consumed row by row).
 *
 * <p>This class is thread-safe (stateless).
 */
public final class HighCardinalityData {

  /** The shape of the generated values. */
  public enum Profile {
    /** Exact ages, 150 countries, 22 years (issue 19's benchmark data). */
    HIGH,
    /** Age bands, 50 countries, 21 years (the shape of {@link CtdcLikeData}). */
    LOW
  }

  /** The columns of the generated file, in order. */
  public static final List<String> COLUMNS = List.of("yearOfRegistration", "Datasource", "gender", "age",
      "majorityStatus", "citizenship", "CountryOfExploitation", "isForcedLabour", "isSexualExploit",
      "isOtherExploit", "isDebtBondage", "isThreats", "isPhysicalAbuse", "isPsychologicalAbuse",
      "isRestrictsMovement", "isWithholdsDocuments");

  private static final String[] GENDERS = {"Female", "Male", "Transgender"};
  private static final double[] GENDER_WEIGHTS = {70, 29, 1};
  private static final String[] BANDS = {"0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"};
  private static final double[] BAND_WEIGHTS = {3, 17, 12, 13, 12, 10, 20, 9, 4};
  private static final int[] BAND_START = {0, 9, 18, 21, 24, 27, 30, 39, 48};
  private static final String[] MEANS = {"isDebtBondage", "isThreats", "isPhysicalAbuse", "isPsychologicalAbuse",
      "isRestrictsMovement", "isWithholdsDocuments"};
  private static final double[] MEANS_BASE = {.12, .25, .2, .35, .35, .12};

  private HighCardinalityData() {}

  /**
   * The eight quasi-identifiers of the benchmark: year, source, gender, age, majority status, citizenship,
   * country of exploitation and the forced-labour flag.
   *
   * @return the names, in this order
   */
  public static List<String> quasiIdentifiers() {
    return List.of("yearOfRegistration", "Datasource", "gender", "age", "majorityStatus", "citizenship",
        "CountryOfExploitation", "isForcedLabour");
  }

  /**
   * The number of countries of a profile.
   *
   * @param profile the profile
   * @return 150 or 50
   */
  public static int countries(Profile profile) {
    return profile == Profile.HIGH ? 150 : 50;
  }

  /**
   * The code of a country.
   *
   * @param rank 1 to {@link #countries(Profile)}, the most frequent first
   * @return {@code C001} ...
   */
  public static String country(int rank) {
    return String.format(Locale.ROOT, "C%03d", rank);
  }

  /**
   * The sub-region of a country: ranks are dealt round-robin over the 20 sub-regions, so each holds
   * frequent and rare countries.
   *
   * @param rank the country's rank, from 1
   * @return {@code S01} to {@code S20}
   */
  public static String subRegion(int rank) {
    return String.format(Locale.ROOT, "S%02d", (rank - 1) % 20 + 1);
  }

  /**
   * The region of a country: four sub-regions to a region.
   *
   * @param rank the country's rank, from 1
   * @return {@code R1} to {@code R5}
   */
  public static String region(int rank) {
    return "R" + (((rank - 1) % 20) / 4 + 1);
  }

  /**
   * Writes the header and the rows as CSV (comma, LF line ends). The writer is flushed, not closed.
   *
   * @param out where to write
   * @param profile the shape of the values
   * @param rows the number of rows, at least 0
   * @param seed the seed
   * @throws IOException when the writer fails
   * @throws IllegalArgumentException if rows is negative
   */
  public static void writeCsv(Writer out, Profile profile, long rows, long seed) throws IOException {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, was " + rows);
    }
    new Generator(profile, seed).write(out, rows);
    out.flush();
  }

  /**
   * Writes the CSV to a file (UTF-8), replacing it.
   *
   * @param file the file
   * @param profile the shape of the values
   * @param rows the number of rows, at least 0
   * @param seed the seed
   * @throws UncheckedIOException when the file cannot be written
   * @throws IllegalArgumentException if rows is negative
   */
  public static void writeCsv(Path file, Profile profile, long rows, long seed) {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      writeCsv(w, profile, rows, seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The hierarchy files of the quasi-identifiers in ARX's layout ({@code ;}-separated, one row per value,
   * the last column {@code *}), by quasi-identifier name. Every value the profile can generate is listed.
   * Years: year, 3-year period, the first 12 years and the rest, {@code *}; ages: exact, 5, 10 and 20 years, {@code *} (bands
   * under {@link Profile#LOW}: band, majority status, {@code *}); countries: country, sub-region, region,
   * {@code *}; the others: value, {@code *}.
   *
   * @param profile the profile
   * @return file texts by quasi-identifier, in {@link #quasiIdentifiers()} order
   */
  public static Map<String, String> hierarchies(Profile profile) {
    Map<String, String> h = new LinkedHashMap<>();
    StringBuilder years = new StringBuilder();
    int first = firstYear(profile);
    for (int y = first; y <= 2022; y++) {
      int p = first + (y - first) / 3 * 3;
      years.append(y).append(';').append(p).append('-').append(Math.min(p + 2, 2022)).append(';')
          .append(y < first + 12 ? first + "-" + (first + 11) : (first + 12) + "-2022").append(";*\n");
    }
    h.put("yearOfRegistration", years.toString());
    h.put("Datasource", "CaseManagement;*\nHotline;*\n");
    h.put("gender", "Female;*\nMale;*\nTransgender;*\n");
    StringBuilder ages = new StringBuilder();
    if (profile == Profile.HIGH) {
      for (int a = 0; a < 100; a++) {
        ages.append(a).append(';').append(band(a, 5)).append(';').append(band(a, 10)).append(';')
            .append(band(a, 20)).append(";*\n");
      }
    } else {
      for (int b = 0; b < BANDS.length; b++) {
        ages.append(BANDS[b]).append(';').append(BAND_START[b] < 18 ? "Minor" : "Adult").append(";*\n");
      }
    }
    h.put("age", ages.toString());
    h.put("majorityStatus", "Adult;*\nMinor;*\n");
    StringBuilder countries = new StringBuilder();
    for (int c = 1; c <= countries(profile); c++) {
      countries.append(country(c)).append(';').append(subRegion(c)).append(';').append(region(c)).append(";*\n");
    }
    h.put("citizenship", countries.toString());
    h.put("CountryOfExploitation", countries.toString());
    h.put("isForcedLabour", "0;*\n1;*\n");
    return h;
  }

  private static String band(int age, int width) {
    int s = age / width * width;
    return s + "-" + (s + width - 1);
  }

  private static int firstYear(Profile profile) {
    return profile == Profile.HIGH ? 2001 : 2002;
  }

  /** The state of one generation; not thread-safe. */
  private static final class Generator {
    private final Profile profile;
    private long state;
    private final double[] yearC;
    private final double[] countryC;
    private final double[] genderC = cumulative(GENDER_WEIGHTS);
    private final double[] bandC = cumulative(BAND_WEIGHTS);
    private final double[] ageC;
    private final String[] countryCodes;
    private final int firstYear;

    Generator(Profile profile, long seed) {
      this.profile = profile;
      this.state = seed;
      firstYear = firstYear(profile);
      double[] yw = new double[2022 - firstYear + 1];
      for (int i = 0; i < yw.length; i++) {
        yw[i] = i + 1;
      }
      yearC = cumulative(yw);
      int n = countries(profile);
      double[] cw = new double[n];
      countryCodes = new String[n];
      for (int i = 0; i < n; i++) {
        cw[i] = 1.0 / (i + 1);
        countryCodes[i] = country(i + 1);
      }
      countryC = cumulative(cw);
      // exact ages: a child and teenage share, a peak at 18-35, a long tail to 99
      double[] aw = new double[100];
      for (int a = 0; a < 100; a++) {
        aw[a] = a < 12 ? 0.3 : a < 18 ? 1.5 : a < 36 ? 3.0 : a < 50 ? 1.2 : a < 70 ? 0.3 : 0.03;
      }
      ageC = cumulative(aw);
    }

    private long next() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    private double uniform() {
      return (next() >>> 11) * 0x1.0p-53;
    }

    private boolean chance(double p) {
      return uniform() < p;
    }

    private static double[] cumulative(double[] w) {
      double[] c = new double[w.length];
      double s = 0;
      for (double x : w) {
        s += x;
      }
      double run = 0;
      for (int i = 0; i < w.length; i++) {
        run += w[i];
        c[i] = run / s;
      }
      c[w.length - 1] = 1.0;
      return c;
    }

    /** The first index whose cumulative weight exceeds a uniform draw (binary search). */
    private int pick(double[] cumulative) {
      double u = uniform();
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (u < cumulative[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    void write(Writer out, long rows) throws IOException {
      StringBuilder sb = new StringBuilder(1 << 17);
      sb.append(String.join(",", COLUMNS)).append('\n');
      for (long r = 0; r < rows; r++) {
        row(sb);
        if (sb.length() >= 1 << 16) {
          out.write(sb.toString());
          sb.setLength(0);
        }
      }
      out.write(sb.toString());
    }

    private void row(StringBuilder sb) {
      boolean hotline = chance(0.3);
      int year = firstYear + pick(yearC);
      sb.append(year).append(',').append(hotline ? "Hotline" : "CaseManagement").append(',');
      int g = chance(0.03) ? -1 : pick(genderC);
      if (g >= 0) {
        sb.append(GENDERS[g]);
      }
      sb.append(',');
      if (chance(0.10)) {
        sb.append(",,");
      } else if (profile == Profile.HIGH) {
        int age = pick(ageC);
        boolean minor = age < 18;
        sb.append(age).append(',').append(minor ? "Minor" : "Adult").append(',');
      } else {
        int b = pick(bandC);
        boolean minor = BAND_START[b] < 18;
        sb.append(BANDS[b]).append(',').append(minor ? "Minor" : "Adult").append(',');
      }
      int citizenship = chance(0.05) ? -1 : pick(countryC);
      if (citizenship >= 0) {
        sb.append(countryCodes[citizenship]);
      }
      sb.append(',');
      if (!chance(0.08)) {
        // domestic trafficking for 40 % of the records with a known citizenship
        int exploit = citizenship >= 0 && chance(0.4) ? citizenship : pick(countryC);
        sb.append(countryCodes[exploit]);
      }
      sb.append(',');
      // exploitation: sexual more often for women, labour for men
      double sexual = g == 0 ? 0.62 : g == 1 ? 0.12 : 0.4;
      double u = uniform();
      boolean isSexual = u < sexual;
      boolean isLabour = !isSexual && u < sexual + (g == 1 ? 0.78 : 0.28) || u > 0.97;
      boolean isOther = !isSexual && !isLabour;
      sb.append(isLabour ? '1' : '0').append(',').append(isSexual ? '1' : '0').append(',')
          .append(isOther ? '1' : '0');
      if (chance(0.3)) {
        sb.append(",,,,,,");
      } else {
        double severity = 0.5 + uniform();
        for (int m = 0; m < MEANS.length; m++) {
          double p = MEANS_BASE[m] * severity * (isLabour && (m == 0 || m == 5) ? 2.0 : 1.0)
              * (isSexual && (m == 2 || m == 3) ? 1.6 : 1.0);
          sb.append(',').append(chance(p) ? '1' : '0');
        }
      }
      sb.append('\n');
    }
  }
}
