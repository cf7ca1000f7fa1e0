package org.ctdc.samples;

import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Derivation;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * Generates synthetic data shaped like CTDC's k-anonymised Global Dataset (bundled schema
 * {@code ctdc-global-kanon} 2020, all 63 variables), for benchmarks, tests and demonstrations. The rows
 * are invented; no real person is behind them. The same row count and seed always give an equal
 * {@link Dataset} (SplitMix64, one stream consumed row by row).
 *
 * <p>The shape follows the CTDC codebooks: two kinds of contributor, a few nationalities
 * dominating each, growth over time, many missing values that differ by source. Rates, per record:
 *
 * <ul>
 *   <li>{@code Datasource}: {@value #CASE_MANAGEMENT_SHARE} Case Management (IOM-like), the rest Hotline
 *       (Polaris-like). Hotline records are registered from 2015 on (Polaris data from 2015).
 *   <li>{@code yearOfRegistration}: 2002-2022, weight growing linearly with the year (never missing).
 *   <li>{@code gender}: missing {@value #GENDER_MISSING_CM} (CM) and {@value #GENDER_MISSING_HOTLINE}
 *       (Hotline); otherwise 72 % Female, 27 % Male, 1 % Transgender/NonConforming (victims assisted are
 *       mostly women; hotline cases often lack the caller's details).
 *   <li>{@code ageBroad}: missing {@value #AGE_MISSING_CM} (CM) and {@value #AGE_MISSING_HOTLINE}
 *       (Hotline: age is frequently unknown to a caller); bands weighted 3, 17, 12, 13, 12, 10, 20, 9, 4 %.
 *       {@code majorityStatus} follows the band; where the band is missing it is known for half of the
 *       records (80 % Adult). {@code majorityStatusAtExploit} and {@code MajorityEntry} are missing for
 *       80 % of records.
 *   <li>{@code citizenship}: Zipf-like (weight 1/rank) over the source's top-ten nationalities in the
 *       CTDC data (90 %) and a tail of 40 other countries (10 %); missing {@value #CITIZENSHIP_MISSING_CM}
 *       (CM) and {@value #CITIZENSHIP_MISSING_HOTLINE} (Hotline).
 *   <li>{@code CountryOfExploitation}: Hotline 95 % United States; Case Management 35 % the citizenship
 *       country (domestic trafficking), else Zipf-like over twelve destination countries; missing
 *       {@value #EXPLOITATION_COUNTRY_MISSING} for every source.
 *   <li>Exploitation: per record a type is drawn (Female: 62 % sexual, 28 % labour; Male: 12 % sexual,
 *       78 % labour; the rest sex and labour 3 %, other), then the flags, sectors and forms follow; the
 *       whole group is missing for {@value #EXPLOITATION_MISSING} of records. Hotline records have
 *       {@code isOtherExploit}, {@code isForcedMarriage} and {@code isOrganRemoval} missing (not
 *       collected by the hotline source). {@code isSlaveryAndPractices} is collected from 2020 on.
 *   <li>Means of control: missing as a group for {@value #MEANS_MISSING} of records; otherwise every flag
 *       is set with a base rate scaled by a per-record severity, raised for the flags typical of the
 *       record's exploitation type (sexual abuse and substances for sexual exploitation; debt bondage,
 *       withheld earnings, documents and excessive hours for labour), so flags are correlated.
 *   <li>Recruiter relation: Hotline only (Polaris only), one relation per record, missing for 30 %.
 *   <li>Concatenated columns hold the set flags of their group; missing (unknown) when the group is
 *       missing, missing (not applicable) when none is set.
 * </ul>
 *
 * <p>Memory: the {@link Dataset} stores about 108 bytes per row for this 63-variable schema (one byte per
 * flag and small code, four per country, eight per multi-valued mask, five per year), see
 * {@code bench/results/risk.md}.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class CtdcLikeData {

  /** Share of Case Management records. */
  public static final double CASE_MANAGEMENT_SHARE = 0.7;
  /** Missing gender, Case Management. */
  public static final double GENDER_MISSING_CM = 0.02;
  /** Missing gender, Hotline. */
  public static final double GENDER_MISSING_HOTLINE = 0.1;
  /** Missing age band, Case Management. */
  public static final double AGE_MISSING_CM = 0.25;
  /** Missing age band, Hotline. */
  public static final double AGE_MISSING_HOTLINE = 0.6;
  /** Missing citizenship, Case Management. */
  public static final double CITIZENSHIP_MISSING_CM = 0.05;
  /** Missing citizenship, Hotline. */
  public static final double CITIZENSHIP_MISSING_HOTLINE = 0.4;
  /** Missing country of exploitation. */
  public static final double EXPLOITATION_COUNTRY_MISSING = 0.1;
  /** Missing exploitation group. */
  public static final double EXPLOITATION_MISSING = 0.08;
  /** Missing means-of-control group. */
  public static final double MEANS_MISSING = 0.4;

  static final String[] HOTLINE_TOP = {"US", "MX", "PH", "GT", "CN", "HN", "SV", "IN", "BR", "DO"};
  static final String[] CM_TOP = {"UA", "MD", "BY", "ID", "RO", "KG", "MM", "UZ", "KH", "BG"};
  static final String[] TAIL = {
    "AF", "AL", "AM", "BD", "BJ", "BO", "CD", "CM", "CO", "EC", "EG", "ER", "ET", "GH", "GN", "HT", "IQ", "JM",
    "KE", "KZ", "LA", "LK", "ML", "MN", "NE", "NG", "NP", "PE", "PK", "RU", "SD", "SL", "SN", "SO", "SY", "TH",
    "TJ", "UG", "VN", "ZW"
  };
  static final String[] DESTINATIONS = {
    "RU", "US", "TH", "MY", "PL", "AE", "TR", "ID", "UA", "KZ", "SA", "DE"
  };
  static final double[] AGE_WEIGHTS = {3, 17, 12, 13, 12, 10, 20, 9, 4};
  static final String[] MEANS = {
    "DebtBondage", "TakesEarnings", "RestrictsFinancialAccess", "Threats", "PsychologicalAbuse",
    "PhysicalAbuse", "SexualAbuse", "FalsePromises", "PsychoactiveSubstances", "RestrictsMovement",
    "RestrictsMedicalCare", "ExcessiveWorkingHours", "UsesChildren", "ThreatOfLawEnforcement",
    "WithholdsNecessities", "WithholdsDocuments", "Other", "NotSpecified"
  };
  static final double[] MEANS_BASE = {
    .12, .15, .05, .25, .35, .2, .1, .3, .08, .35, .05, .1, .02, .05, .1, .12, .05, 0
  };
  static final String[] LABOUR = {
    "Agriculture", "Aquafarming", "Begging", "Construction", "DomesticWork", "Hospitality", "IllicitActivities",
    "Manufacturing", "MiningOrDrilling", "Peddling", "Transportation", "Other", "NotSpecified"
  };
  static final double[] LABOUR_WEIGHTS = {15, 3, 5, 12, 25, 8, 3, 10, 3, 3, 2, 5, 6};
  static final String[] SEX = {"Prostitution", "Pornography", "RemoteInteractiveServices", "PrivateSexualServices"};
  static final double[] SEX_WEIGHTS = {85, 5, 3, 7};
  static final String[] RELATION = {"IntimatePartner", "Friend", "Family", "Other", "Unknown"};
  static final double[] RELATION_WEIGHTS = {20, 25, 20, 15, 20};

  private CtdcLikeData() {}

  /**
   * The eight quasi-identifiers used with generated data by the benchmarks and the demo: registration
   * year, data source, gender, age band, majority status, citizenship, country of exploitation and the
   * forced-labour flag (exploitation type is what a neighbour or employer knows; it is the least
   * identifying of the sensitive flags, hence included). Their lattice with the standard CTDC hierarchies
   * is small (a few thousand nodes), their combinations are many.
   *
   * @return the names, in this order
   */
  public static List<String> defaultQuasiIdentifiers() {
    return List.of("yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "citizenship",
        "CountryOfExploitation", "isForcedLabour");
  }

  /** @return the schema generated data follows: {@code ctdc-global-kanon} 2020 */
  public static Schema schema() {
    return Schemas.load("ctdc-global-kanon", "2020");
  }

  /**
   * Generates rows.
   *
   * @param rows the number of rows, at least 0
   * @param seed the seed; the same rows and seed give an equal dataset
   * @return the dataset
   * @throws IllegalArgumentException if rows is negative
   */
  public static Dataset generate(int rows, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, was " + rows);
    }
    return new Generator(schema(), seed).run(rows);
  }

  /** The state of one generation; not thread-safe. */
  private static final class Generator {
    private final Schema schema;
    private long state;
    private final int year;
    private final int source;
    private final int gender;
    private final int age;
    private final int majority;
    private final int majorityExploit;
    private final int majorityEntry;
    private final int citizenship;
    private final int exploitCountry;
    private final int[] means = new int[MEANS.length];
    private final int[] labour = new int[LABOUR.length];
    private final int[] sex = new int[SEX.length];
    private final int[] relation = new int[RELATION.length];
    private final int forcedLabour;
    private final int sexual;
    private final int other;
    private final int sexAndLabour;
    private final int marriage;
    private final int military;
    private final int organ;
    private final int slavery;
    private final int abduction;
    private final int[] hotlineTop;
    private final int[] cmTop;
    private final int[] tail;
    private final int[] destinations;
    private final int adult;
    private final int minor;
    private final int female;
    private final int male;
    private final int trans;
    private final int cm;
    private final int hotline;
    /** multi-valued columns and, per column, its source flag columns. */
    private final int[] concatenated;
    private final int[][] concatenatedSources;
    private final int[] flag;
    private final int[] flagColumns;
    private final boolean[] isRelation;

    Generator(Schema schema, long seed) {
      this.schema = schema;
      this.state = seed;
      year = col("yearOfRegistration");
      source = col("Datasource");
      gender = col("gender");
      age = col("ageBroad");
      majority = col("majorityStatus");
      majorityExploit = col("majorityStatusAtExploit");
      majorityEntry = col("MajorityEntry");
      citizenship = col("citizenship");
      exploitCountry = col("CountryOfExploitation");
      for (int i = 0; i < MEANS.length; i++) {
        means[i] = col("meansOfControl" + MEANS[i]);
      }
      for (int i = 0; i < LABOUR.length; i++) {
        labour[i] = col("typeOfLabour" + LABOUR[i]);
      }
      for (int i = 0; i < SEX.length; i++) {
        sex[i] = col("typeOfSex" + SEX[i]);
      }
      for (int i = 0; i < RELATION.length; i++) {
        relation[i] = col("recruiterRelation" + RELATION[i]);
      }
      forcedLabour = col("isForcedLabour");
      sexual = col("isSexualExploit");
      other = col("isOtherExploit");
      sexAndLabour = col("isSexAndLabour");
      marriage = col("isForcedMarriage");
      military = col("isForcedMilitary");
      organ = col("isOrganRemoval");
      slavery = col("isSlaveryAndPractices");
      abduction = col("isAbduction");
      hotlineTop = codes(citizenship, HOTLINE_TOP);
      cmTop = codes(citizenship, CM_TOP);
      tail = codes(citizenship, TAIL);
      destinations = codes(exploitCountry, DESTINATIONS);
      adult = code(majority, "Adult");
      minor = code(majority, "Minor");
      female = code(gender, "Female");
      male = code(gender, "Male");
      trans = code(gender, "Transgender/NonConforming");
      cm = code(source, "Case Management");
      hotline = code(source, "Hotline");
      List<Variable> vs = schema.variables();
      int multi = 0;
      for (Variable v : vs) {
        if (v.isMultiValued()) {
          multi++;
        }
      }
      concatenated = new int[multi];
      concatenatedSources = new int[multi][];
      int k = 0;
      for (int c = 0; c < vs.size(); c++) {
        Variable v = vs.get(c);
        if (v.isMultiValued()) {
          Derivation d = v.derivation().orElseThrow(() -> new IllegalStateException(
              "multi-valued variable '" + v.name() + "' has no derivation"));
          if (d.kind() != DerivationKind.JOINED_LABELS) {
            throw new IllegalStateException("variable '" + v.name() + "' is not derived by joined labels");
          }
          concatenated[k] = c;
          concatenatedSources[k] = d.sources().stream().mapToInt(this::col).toArray();
          k++;
        }
      }
      flagColumns = java.util.stream.IntStream.range(0, vs.size())
          .filter(c -> vs.get(c).kind() == VariableKind.FLAG).toArray();
      flag = new int[vs.size()];
      isRelation = new boolean[vs.size()];
      for (int c : relation) {
        isRelation[c] = true;
      }
    }

    private int col(String name) {
      int c = schema.indexOf(name);
      if (c < 0) {
        throw new IllegalStateException("schema " + schema.id() + " has no variable '" + name + "'");
      }
      return c;
    }

    private int code(int col, String code) {
      int i = schema.variables().get(col).values().indexOf(code);
      if (i < 0) {
        throw new IllegalStateException("variable '" + schema.variables().get(col).name() + "' has no code " + code);
      }
      return i;
    }

    private int[] codes(int col, String[] cs) {
      int[] out = new int[cs.length];
      for (int i = 0; i < cs.length; i++) {
        out[i] = code(col, cs[i]);
      }
      return out;
    }

    /** SplitMix64. */
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
      for (int i = 0; i < w.length; i++) {
        s += w[i];
        c[i] = s;
      }
      for (int i = 0; i < w.length; i++) {
        c[i] /= s;
      }
      return c;
    }

    private int pick(double[] cumulative) {
      double u = uniform();
      for (int i = 0; i < cumulative.length - 1; i++) {
        if (u < cumulative[i]) {
          return i;
        }
      }
      return cumulative.length - 1;
    }

    private static double[] zipf(int n) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = 1.0 / (i + 1);
      }
      return cumulative(w);
    }

    Dataset run(int rows) {
      double[] years = new double[21];
      double[] hotlineYears = new double[21];
      for (int i = 0; i < 21; i++) {
        years[i] = i + 1;
        hotlineYears[i] = 2002 + i >= 2015 ? i + 1 : 0;
      }
      double[] yearC = cumulative(years);
      double[] hotlineYearC = cumulative(hotlineYears);
      double[] ageC = cumulative(AGE_WEIGHTS);
      double[] topC = zipf(10);
      double[] tailC = zipf(TAIL.length);
      double[] destC = zipf(DESTINATIONS.length);
      double[] labourC = cumulative(LABOUR_WEIGHTS);
      double[] sexC = cumulative(SEX_WEIGHTS);
      double[] relC = cumulative(RELATION_WEIGHTS);
      Dataset.Appender a = Dataset.appender(schema);
      int[] flagValue = flag;
      for (int r = 0; r < rows; r++) {
        java.util.Arrays.fill(flagValue, Integer.MIN_VALUE);
        boolean isHotline = !chance(CASE_MANAGEMENT_SHARE);
        a.setCode(source, isHotline ? hotline : cm);
        int y = 2002 + pick(isHotline ? hotlineYearC : yearC);
        a.setInt(year, y);
        int g = -1;
        if (chance(isHotline ? GENDER_MISSING_HOTLINE : GENDER_MISSING_CM)) {
          a.setMissing(gender, MissingReason.UNKNOWN);
        } else {
          double u = uniform();
          g = u < 0.72 ? female : u < 0.99 ? male : trans;
          a.setCode(gender, g);
        }
        int band = -1;
        if (chance(isHotline ? AGE_MISSING_HOTLINE : AGE_MISSING_CM)) {
          a.setMissing(age, MissingReason.UNKNOWN);
        } else {
          band = pick(ageC);
          a.setCode(age, band);
        }
        int maj;
        if (band >= 0) {
          maj = band <= 1 ? minor : adult;
        } else {
          maj = chance(0.5) ? (chance(0.8) ? adult : minor) : -1;
        }
        setOrMissing(a, majority, maj);
        setOrMissing(a, majorityExploit, chance(0.8) ? -1 : (maj < 0 || chance(0.1) ? minor : maj));
        setOrMissing(a, majorityEntry, chance(0.8) ? -1 : (maj < 0 || chance(0.15) ? minor : maj));
        int cit = -1;
        if (!chance(isHotline ? CITIZENSHIP_MISSING_HOTLINE : CITIZENSHIP_MISSING_CM)) {
          cit = chance(0.9) ? (isHotline ? hotlineTop : cmTop)[pick(topC)] : tail[pick(tailC)];
        }
        setOrMissing(a, citizenship, cit);
        int exp = -1;
        if (!chance(EXPLOITATION_COUNTRY_MISSING)) {
          if (isHotline) {
            exp = chance(0.95) ? destinations[1] : destinations[pick(destC)];
          } else {
            exp = cit >= 0 && chance(0.35) ? cit : destinations[pick(destC)];
          }
        }
        setOrMissing(a, exploitCountry, exp);

        // exploitation type: 0 sexual, 1 labour, 2 both, 3 other
        int type = -1;
        if (!chance(EXPLOITATION_MISSING)) {
          double u = uniform();
          double sexShare = g == male ? 0.12 : 0.62;
          double labourShare = g == male ? 0.78 : 0.28;
          type = u < sexShare ? 0 : u < sexShare + labourShare ? 1 : u < sexShare + labourShare + 0.03 ? 2 : 3;
        }
        if (type >= 0) {
          flagValue[sexual] = type == 0 || type == 2 ? 1 : 0;
          flagValue[forcedLabour] = type == 1 || type == 2 ? 1 : 0;
          flagValue[sexAndLabour] = type == 2 ? 1 : 0;
          int otherKind = type == 3 ? (int) (uniform() * 5) : -1;
          flagValue[other] = isHotline ? Integer.MIN_VALUE : otherKind == 0 || otherKind == 4 ? 1 : 0;
          flagValue[marriage] = isHotline ? Integer.MIN_VALUE : otherKind == 1 || otherKind == 2 ? 1 : 0;
          flagValue[military] = otherKind == 3 && chance(0.5) ? 1 : 0;
          flagValue[organ] = isHotline ? Integer.MIN_VALUE : otherKind == 4 && chance(0.1) ? 1 : 0;
          if (type == 3 && isHotline) {
            flagValue[military] = 1;
          }
          flagValue[slavery] = y >= 2020 ? (chance(0.02) ? 1 : 0) : Integer.MIN_VALUE;
          boolean isLabour = type == 1 || type == 2;
          boolean isSex = type == 0 || type == 2;
          if (isLabour) {
            for (int i = 0; i < LABOUR.length; i++) {
              flagValue[labour[i]] = 0;
            }
            flagValue[labour[pick(labourC)]] = 1;
            if (chance(0.08)) {
              flagValue[labour[pick(labourC)]] = 1;
            }
          } else {
            for (int i = 0; i < LABOUR.length; i++) {
              flagValue[labour[i]] = 0;
            }
          }
          for (int i = 0; i < SEX.length; i++) {
            flagValue[sex[i]] = 0;
          }
          if (isSex) {
            flagValue[sex[pick(sexC)]] = 1;
          }
        }
        if (!chance(MEANS_MISSING)) {
          double severity = 0.5 + uniform();
          boolean any = false;
          for (int i = 0; i < MEANS.length - 1; i++) {
            double p = MEANS_BASE[i] * severity;
            if (type == 0 && (i == 6 || i == 8)) {
              p *= 3;
            } else if ((type == 1 || type == 2) && (i == 0 || i == 1 || i == 11 || i == 15)) {
              p *= 2.5;
            }
            boolean set = chance(Math.min(p, 0.95));
            flagValue[means[i]] = set ? 1 : 0;
            any |= set;
          }
          flagValue[means[MEANS.length - 1]] = any ? 0 : 1;
        }
        flagValue[abduction] = chance(0.5) ? Integer.MIN_VALUE : chance(0.03) ? 1 : 0;
        if (isHotline && !chance(0.3)) {
          int rel = pick(relC);
          for (int i = 0; i < RELATION.length; i++) {
            flagValue[relation[i]] = i == rel ? 1 : 0;
          }
        }
        for (int c : flagColumns) {
          if (flagValue[c] == Integer.MIN_VALUE) {
            boolean notCollected = isHotline ? (c == other || c == marriage || c == organ) : isRelation[c];
            a.setMissing(c, notCollected ? MissingReason.NOT_COLLECTED : MissingReason.UNKNOWN);
          } else {
            a.setCode(c, flagValue[c]);
          }
        }
        for (int k = 0; k < concatenated.length; k++) {
          long mask = 0;
          boolean known = false;
          int[] src = concatenatedSources[k];
          for (int i = 0; i < src.length; i++) {
            int v = flagValue[src[i]];
            if (v != Integer.MIN_VALUE) {
              known = true;
              if (v == 1) {
                mask |= 1L << i;
              }
            }
          }
          if (mask != 0) {
            a.setCodeSet(concatenated[k], mask);
          } else {
            a.setMissing(concatenated[k], known ? MissingReason.NOT_APPLICABLE : MissingReason.UNKNOWN);
          }
        }
        a.endRow();
      }
      return a.build();
    }

    private static void setOrMissing(Dataset.Appender a, int col, int code) {
      if (code < 0) {
        a.setMissing(col, MissingReason.UNKNOWN);
      } else {
        a.setCode(col, code);
      }
    }
  }
}
