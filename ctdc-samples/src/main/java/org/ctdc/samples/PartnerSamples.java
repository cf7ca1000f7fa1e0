package org.ctdc.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Deterministic generators of two synthetic partner extracts, for demos, tests and benchmarks. The
 * people are invented: names, addresses and case numbers are drawn from small made-up lists and counters,
 * never from real data. The same profile, size and seed always give the same rows, byte for byte.
 *
 * <ul>
 *   <li>{@link Profile#HOTLINE}: case records in the style of a US hotline (Polaris): US TVPA categories
 *       ({@code Sex}, {@code Labor}, {@code Sex and Labor}, {@code Not Specified}), venue or industry from
 *       a 25-type typology (the typology's "peddling and begging" recorded as two values), {@code Unknown}
 *       for missing, a recruiter relationship column, no forced marriage or organ removal columns, cases
 *       from 2015 on. Aligned by the bundled spec {@code hotline-to-kanon-2020}.
 *   <li>{@link Profile#CASE_MANAGEMENT}: victim records in the style of a case-management system (IOM):
 *       HTCDS-style picklists, {@code -99} for missing, exact ages or birth dates, citizenship as country
 *       names with real-world spelling variants, labour sectors by ISIC Rev.4 division, and free-text name
 *       and address columns that must never reach any output. Aligned by the bundled spec
 *       {@code case-management-to-kanon-2020}.
 * </ul>
 *
 * <p>This class is thread-safe; each iterator it returns is not.
 */
public final class PartnerSamples {

  /** The two partner profiles. */
  public enum Profile {
    /** A hotline extract (Polaris style). */
    HOTLINE("hotline-to-kanon-2020"),
    /** A case-management extract (IOM style). */
    CASE_MANAGEMENT("case-management-to-kanon-2020");

    private final String spec;

    Profile(String spec) {
      this.spec = spec;
    }

    /** @return the name of the bundled alignment spec of this profile */
    public String specName() {
      return spec;
    }
  }

  private static final List<String> HOTLINE_HEADER =
      List.of(
          "CaseID", "CaseYear", "Gender", "AgeGroup", "Citizenship", "ExploitationCountry",
          "TraffickingType", "VenueIndustry", "MeansOfControl", "RecruiterRelationship");

  private static final List<String> CASE_MANAGEMENT_HEADER =
      List.of(
          "CaseNo", "FirstName", "LastName", "Address", "RegistrationDate", "prs_Gender", "Age",
          "DateOfBirth", "Citizenship", "CountryOfExploitation", "vic_TypeOfExploitation",
          "vic_ForcedLabourIndustry", "vic_TypeOfSexExploitation", "vic_MethodsOfControl", "vic_Abducted");

  // ---- hotline vocabularies (weights by repetition) ----------------------------------------------
  // roughly the shares CTDC reports: mostly women and girls, about a third men and boys, under 1 % each for
  // transgender and gender non-conforming people, the rest unknown (weights per 200 records)
  private static final String[] H_GENDER = weighted(
      "Female", 118, "Male", 62, "Transgender", 1, "Gender Non-Conforming", 1, "Unknown", 18);
  private static final String[] H_AGE = {
    "0-8", "9-17", "9-17", "9-17", "18-20", "18-20", "21-23", "21-23", "24-26", "27-29", "30-38", "30-38",
    "39-47", "48+", "Unknown", "Unknown"
  };
  private static final String[] H_CITIZENSHIP = {
    "United States", "United States", "United States", "United States", "Mexico", "Mexico", "Philippines",
    "Guatemala", "China", "Honduras", "El Salvador", "India", "Brazil", "Dominican Republic", "Unknown"
  };
  private static final String[] H_EXPLOITATION_COUNTRY = {
    "United States", "United States", "United States", "United States", "United States", "Mexico", "Unknown"
  };
  private static final String[] H_TYPE = {
    "Sex", "Sex", "Sex", "Sex", "Labor", "Labor", "Sex and Labor", "Not Specified"
  };
  private static final String[] H_SEX_VENUES = {
    "Escort Services", "Illicit Massage/Spa Business", "Outdoor Solicitation", "Residential",
    "Bars/Strip Clubs/Cantinas", "Pornography", "Remote Interactive Sexual Acts", "Personal Sexual Servitude"
  };
  private static final String[] H_LABOUR_VENUES = {
    "Domestic Work", "Agriculture/Farms/Animal Husbandry", "Traveling Sales Crews", "Restaurants/Food Service",
    "Peddling", "Begging", "Construction", "Hospitality", "Landscaping", "Illicit Activities",
    "Arts & Entertainment", "Commercial Cleaning Services", "Factories/Manufacturing", "Carnivals",
    "Forestry/Logging", "Health Care", "Recreational Facilities", "Health & Beauty Services", "Not Specified"
  };
  private static final String[] H_MEANS = {
    "Debt bondage", "Takes/Withholds Earnings", "Restricts access to finances", "Threats to individual or others",
    "Psychological abuse", "Physical abuse", "Sexual abuse", "False promises/deception",
    "Use of psychoactive substances", "Denied freedom of movement/kept in isolation",
    "Limits/restricts medical services", "Excessive working hours", "Restricts access to/manipulates children",
    "Threat of action by law enforcement", "Withholds/denies basic necessities",
    "Withholds/Destroys Important Documents", "Other"
  };
  private static final String[] H_RECRUITER = {
    "Intimate Partner", "Family Member", "Friend/Acquaintance", "Employer", "Other", "Not Specified"
  };

  // ---- case-management vocabularies --------------------------------------------------------------
  private static final String[] C_FIRST = {
    "Ardelia", "Borivoj", "Cassiel", "Drosida", "Elvarin", "Fenwick", "Galdra", "Hesper", "Ilvane", "Jorund",
    "Kestrel", "Lumira", "Marrow", "Nerissa", "Orlaith", "Peregrin"
  };
  private static final String[] C_LAST = {
    "Quillfeather", "Rowanbrook", "Silvermane", "Thornbury", "Umbergast", "Vellacott", "Wrenfield",
    "Yarrowmere", "Zephyrine", "Ashcombe", "Brackenridge", "Coldharbour"
  };
  private static final String[] C_STREET = {
    "Lindenweg", "Old Mill Lane", "Quay of the Herons", "Rue des Tisserands", "Kestrel Row", "Amber Court"
  };
  private static final String[] C_TOWN = {"Northhaven", "Greywater", "Saltmarsh", "Ostrava-Lesna", "Dunmere"};
  private static final String[] C_GENDER = weighted(
      "Feminine", 120, "Masculine", 66, "TransgenderFeminine", 1, "TransgenderMasculine", 1, "NonConforming", 1,
      "NonSpecifiedUnknown", 5, "-99", 6);
  private static final String[] C_CITIZENSHIP = {
    "Ukraine", "Ukraine", "Ukraine", "Republic of Moldova", "Moldova, Republic of", "Moldova", "Belarus",
    "Indonesia", "Romania", "Kyrgyzstan", "Kyrgyz Republic", "Myanmar", "Burma", "Uzbekistan", "Cambodia",
    "Bulgaria", "Viet Nam", "Vietnam", "Côte d’Ivoire", "COTE D'IVOIRE", "Philippines", "The Philippines",
    "  ukraine ", "-99"
  };
  private static final String[] C_EXPLOITATION = {
    "RUS", "RUS", "POL", "THA", "MYS", "UKR", "TUR", "ARE", "KAZ", "IDN", "-99"
  };
  private static final String[] C_TYPE = {
    "ForcedLabour", "ForcedLabour", "ForcedLabour", "SexualExploitation", "SexualExploitation",
    "ForcedLabour;SexualExploitation", "ForcedMarriage", "ForcedMilitaryByNonStateActors", "OrganRemoval",
    "ForcedBegging", "Servitude", "ChildLabour", "ForcedAdoption", "Surrogacy", "Other", "-99"
  };
  private static final String[] C_INDUSTRY = {
    "A01_CropAndAnimalProduction", "A02_ForestryAndLogging", "A03_FishingAndAquaculture",
    "B_MiningAndQuarrying", "C_Manufacturing", "F_Construction", "G47_StreetVending",
    "G_WholesaleAndRetailTrade", "H_TransportationAndStorage", "I_AccommodationAndFoodServiceActivities",
    "T_ActivitiesOfHouseholdsAsEmployers", "S_OtherServiceActivities", "X_Begging", "X_IllicitActivities",
    "NotSpecified", "-99"
  };
  private static final String[] C_SEX = {
    "Prostitution", "Prostitution", "Prostitution", "Pornography", "RemoteInteractiveServices",
    "PrivateSexualServices", "-99"
  };
  private static final String[] C_MEANS = {
    "PhysicalThreats", "ThreatsLawEnforcement", "ThreatensChildrenFamily", "DebtBondage", "FalsePromises",
    "PhysicalAbuse", "SexualAbuse", "TakesEarnings", "RestrictsFinancialAccess", "RestrictsMedicalCare",
    "WithholdsNecessities", "PsychologicalAbuse", "PsychoactiveSubstance", "ExcessiveWorkingHours",
    "WithholdsDocuments", "Other"
  };
  private static final String[] C_ABDUCTED = {"No", "No", "No", "Yes", "-99"};

  private PartnerSamples() {}

  /**
   * The header of a profile's extract.
   *
   * @param profile the profile
   * @return the column names, in order
   */
  public static List<String> header(Profile profile) {
    return profile == Profile.HOTLINE ? HOTLINE_HEADER : CASE_MANAGEMENT_HEADER;
  }

  /**
   * The rows of an extract, generated lazily; each iteration starts again from the seed.
   *
   * @param profile the profile
   * @param rows the number of rows, at least 0
   * @param seed the seed
   * @return the rows, each a map in header order from column to value (never null)
   * @throws IllegalArgumentException if rows is negative
   */
  public static Iterable<Map<String, String>> rows(Profile profile, int rows, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative");
    }
    return () ->
        new Iterator<>() {
          private final SplittableRandom rnd = new SplittableRandom(seed);
          private int i;

          @Override
          public boolean hasNext() {
            return i < rows;
          }

          @Override
          public Map<String, String> next() {
            if (i >= rows) {
              throw new NoSuchElementException();
            }
            i++;
            return profile == Profile.HOTLINE ? hotline(rnd, i) : caseManagement(rnd, i);
          }
        };
  }

  /**
   * Writes an extract as CSV (comma-delimited, header row, fields quoted where needed, LF line ends).
   *
   * @param profile the profile
   * @param rows the number of rows
   * @param seed the seed
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException on an I/O failure
   * @throws IllegalArgumentException if rows is negative
   */
  public static void writeCsv(Profile profile, int rows, long seed, Writer out) {
    try {
      out.write(csvLine(header(profile)));
      for (Map<String, String> r : rows(profile, rows, seed)) {
        out.write(csvLine(new ArrayList<>(r.values())));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One CSV line: fields holding a comma, a quote or a line break are quoted, quotes doubled (RFC 4180); the line
   * of every CSV file ctdc writes (ctdc-schema's line writer), with no formula guard.
   *
   * @param fields the fields
   * @return the line, ending with a line feed
   */
  public static String csvLine(List<String> fields) {
    return org.ctdc.schema.internal.CsvLine.of(fields);
  }

  /**
   * The identifying columns the overlapping hotline extract adds after {@link #header(Profile)}: the caller's
   * given and family name, date of birth (ISO, or a year alone when estimated) and sex ({@code F}, {@code M}).
   */
  public static final List<String> HOTLINE_IDENTITY =
      List.of("CallerGivenName", "CallerFamilyName", "CallerDateOfBirth", "CallerSex");

  /**
   * The identifying columns of the overlapping case-management extract: its own {@code FirstName} and
   * {@code LastName} columns, then two added ones, the date of birth as recorded ({@code dd/mm/yyyy}, or a year
   * alone) and sex ({@code female}, {@code male}). The profile's {@code DateOfBirth} column stays as it was
   * (the alignment reads it for the age).
   */
  public static final List<String> CASE_MANAGEMENT_IDENTITY =
      List.of("FirstName", "LastName", "RecordedDateOfBirth", "Sex");

  /**
   * Two partner extracts with a known overlap: the same people recorded by the hotline and by case
   * management, with {@link LinkageSamples}'s names and dates of birth in several scripts and conventions and its
   * default corruption (typos, transliteration variants, swapped names, missing fields, day/month swaps,
   * estimated years).
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param hotline the hotline extract's CSV: {@link #header(Profile)} then {@link #HOTLINE_IDENTITY}
   * @param caseManagement the case-management extract's CSV: {@link #header(Profile)} then the two added
   *     columns of {@link #CASE_MANAGEMENT_IDENTITY}
   * @param hotlineRows the hotline extract's data rows
   * @param caseManagementRows the case-management extract's data rows
   * @param truth the pairs of records of one person, by the extracts' names {@code hotline} and
   *     {@code case-management} and their record ids ({@code CaseID}, {@code CaseNo})
   */
  public record Overlapping(String hotline, String caseManagement, int hotlineRows, int caseManagementRows,
      List<LinkageSamples.TruePair> truth) {
    /** Copies. */
    public Overlapping {
      java.util.Objects.requireNonNull(hotline, "hotline");
      java.util.Objects.requireNonNull(caseManagement, "caseManagement");
      truth = List.copyOf(truth);
    }
  }

  /**
   * Generates the two extracts with a known overlap, deterministically for a seed.
   *
   * @param rows about how many rows the two extracts have together, at least 2
   * @param seed the seed
   * @param overlap the share of people recorded by both, in [0, 1]
   * @return the extracts and their truth
   * @throws IllegalArgumentException if rows is below 2 or overlap outside [0, 1]
   */
  public static Overlapping overlapping(int rows, long seed, double overlap) {
    if (rows < 2) {
      throw new IllegalArgumentException("rows must be at least 2, is " + rows);
    }
    if (!(overlap >= 0 && overlap <= 1)) {
      throw new IllegalArgumentException("overlap must lie in [0, 1], is " + overlap);
    }
    int people = Math.max(1, (int) Math.round(rows / (1 + overlap)));
    LinkageSamples.Linkage l =
        LinkageSamples.generate(seed, 2, people, overlap, LinkageSamples.Corruption.defaults());
    Map<String, String> hotlineIds = new java.util.HashMap<>();
    Map<String, String> caseIds = new java.util.HashMap<>();
    String hotline = extract(Profile.HOTLINE, l.extracts().get(0), seed, hotlineIds);
    String cases = extract(Profile.CASE_MANAGEMENT, l.extracts().get(1), seed, caseIds);
    List<LinkageSamples.TruePair> truth = new ArrayList<>();
    for (LinkageSamples.TruePair t : l.truth()) {
      truth.add(new LinkageSamples.TruePair("hotline", java.util.Objects.requireNonNull(hotlineIds.get(t.idA())), "case-management",
          java.util.Objects.requireNonNull(caseIds.get(t.idB()))));
    }
    return new Overlapping(hotline, cases, l.extracts().get(0).rows(), l.extracts().get(1).rows(), truth);
  }

  /** A profile's rows with the identities of one linkage extract, row by row; records the ids' mapping. */
  private static String extract(Profile profile, LinkageSamples.Extract identities, long seed,
      Map<String, String> ids) {
    String[] lines = identities.csv().split("\n");
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(header(profile));
    header.addAll(profile == Profile.HOTLINE ? HOTLINE_IDENTITY : CASE_MANAGEMENT_IDENTITY.subList(2, 4));
    sb.append(csvLine(header));
    int k = 1;
    for (Map<String, String> r : rows(profile, identities.rows(), seed)) {
      // record_id, given_name, family_name, date_of_birth, sex
      String[] f = lines[k++].split(",", -1);
      List<String> fields;
      if (profile == Profile.HOTLINE) {
        ids.put(f[0], r.get("CaseID"));
        fields = new ArrayList<>(r.values());
        fields.addAll(List.of(f[1], f[2], f[3], f[4]));
      } else {
        ids.put(f[0], r.get("CaseNo"));
        r.put("FirstName", f[1]);
        r.put("LastName", f[2]);
        fields = new ArrayList<>(r.values());
        fields.addAll(List.of(f[3], f[4]));
      }
      sb.append(csvLine(fields));
    }
    return sb.toString();
  }

  /** Values repeated by their weights: {@code value, weight, value, weight, ...}; picked uniformly after. */
  private static String[] weighted(Object... valueWeight) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < valueWeight.length; i += 2) {
      for (int n = 0; n < (Integer) valueWeight[i + 1]; n++) {
        out.add((String) valueWeight[i]);
      }
    }
    return out.toArray(String[]::new);
  }

  private static String pick(SplittableRandom rnd, String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private static String pickSet(SplittableRandom rnd, String[] values, int max, String sep) {
    int n = 1 + rnd.nextInt(max);
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int k = 0; k < n; k++) {
      chosen.add(rnd.nextInt(values.length));
    }
    List<String> out = new ArrayList<>();
    chosen.forEach(c -> out.add(values[c]));
    return String.join(sep, out);
  }

  private static Map<String, String> hotline(SplittableRandom rnd, int i) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CaseID", String.format("H-%07d", i));
    m.put("CaseYear", Integer.toString(2015 + rnd.nextInt(8)));
    m.put("Gender", pick(rnd, H_GENDER));
    m.put("AgeGroup", pick(rnd, H_AGE));
    m.put("Citizenship", pick(rnd, H_CITIZENSHIP));
    m.put("ExploitationCountry", pick(rnd, H_EXPLOITATION_COUNTRY));
    String type = pick(rnd, H_TYPE);
    m.put("TraffickingType", type);
    String venue =
        switch (type) {
          case "Sex" -> pick(rnd, H_SEX_VENUES);
          case "Labor" -> pick(rnd, H_LABOUR_VENUES);
          case "Sex and Labor" -> rnd.nextBoolean() ? pick(rnd, H_SEX_VENUES) : pick(rnd, H_LABOUR_VENUES);
          default -> "Unknown";
        };
    m.put("VenueIndustry", rnd.nextInt(10) == 0 ? "Unknown" : venue);
    m.put("MeansOfControl", rnd.nextInt(5) == 0 ? "Unknown" : pickSet(rnd, H_MEANS, 4, ";"));
    m.put("RecruiterRelationship", rnd.nextInt(4) == 0 ? "Unknown" : pickSet(rnd, H_RECRUITER, 2, "; "));
    return m;
  }

  private static Map<String, String> caseManagement(SplittableRandom rnd, int i) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CaseNo", String.format("CM-%08d", 10_000_000 + i * 7));
    m.put("FirstName", pick(rnd, C_FIRST));
    m.put("LastName", pick(rnd, C_LAST));
    m.put("Address", (1 + rnd.nextInt(180)) + " " + pick(rnd, C_STREET) + ", " + pick(rnd, C_TOWN));
    LocalDate reg = LocalDate.of(2005, 1, 1).plusDays(rnd.nextInt(18 * 365));
    m.put("RegistrationDate", reg.toString());
    m.put("prs_Gender", pick(rnd, C_GENDER));
    int age = 6 + rnd.nextInt(60);
    int how = rnd.nextInt(10);
    if (how < 6) {
      m.put("Age", Integer.toString(age));
      m.put("DateOfBirth", "-99");
    } else if (how < 9) {
      m.put("Age", "-99");
      m.put("DateOfBirth", reg.minusYears(age).minusDays(rnd.nextInt(365)).toString());
    } else {
      m.put("Age", "-99");
      m.put("DateOfBirth", "-99");
    }
    m.put("Citizenship", pick(rnd, C_CITIZENSHIP));
    m.put("CountryOfExploitation", pick(rnd, C_EXPLOITATION));
    String type = pick(rnd, C_TYPE);
    m.put("vic_TypeOfExploitation", type);
    m.put("vic_ForcedLabourIndustry", type.contains("ForcedLabour") ? pick(rnd, C_INDUSTRY) : "-99");
    m.put("vic_TypeOfSexExploitation", type.contains("Sexual") ? pick(rnd, C_SEX) : "-99");
    m.put("vic_MethodsOfControl", rnd.nextInt(6) == 0 ? "-99" : pickSet(rnd, C_MEANS, 5, ";"));
    m.put("vic_Abducted", pick(rnd, C_ABDUCTED));
    return m;
  }
}
