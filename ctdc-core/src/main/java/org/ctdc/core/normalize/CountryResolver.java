package org.ctdc.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ctdc.core.normalize.internal.CountryEngine;

/**
 * Resolves a country as partners write it (code, name, variant, misspelling, "unknown" token) to a row
 * of the {@link CountryTable}.
 *
 * <p>Rules, tried in this order on the {@linkplain TextFold#fold folded} token; the first that applies
 * decides:
 *
 * <ol>
 *   <li><b>Unknown tokens</b>: a blank token, or one of the configured unknown tokens (compared folded,
 *       default {@code 00, ZZ, 0, -99, Unknown, unknown, N/A}) gives {@link MatchKind#UNKNOWN_TOKEN}:
 *       missing, reason unknown.
 *   <li><b>Private and legacy codes</b>: CTDC's private codes ({@code Y1} Kosovo, {@code TB} Tibet →
 *       China, {@code Y2} → Montenegro, {@code Y3} → Serbia) and the user-assigned {@code XK}/{@code XKX}
 *       give {@link MatchKind#PRIVATE_CODE}; withdrawn ISO codes ({@code AN}/{@code ANT} Netherlands
 *       Antilles (kept as its own row, as CTDC does), {@code TP}/{@code TMP} → Timor-Leste,
 *       {@code ZR}/{@code ZAR} → DR Congo, {@code YU}/{@code YUG}/{@code SCG} → Serbia (the continuing
 *       state), {@code BU}/{@code BUR} → Myanmar, {@code DD}/{@code DDR} → Germany) give
 *       {@link MatchKind#LEGACY_CODE}.
 *   <li><b>Current codes</b>: two letters as alpha-2, three letters as alpha-3, one to three digits as
 *       numeric (zero-padded) give {@link MatchKind#CODE}. Note that {@code NA} is Namibia: a partner
 *       who writes {@code NA} for "not available" adds it to the unknown tokens.
 *   <li><b>Exact names</b>: the token's words equal, in any order, the words of a known name, after
 *       folding, moving a trailing qualifier such as {@code ", Republic of"} or {@code " (the)"} to the
 *       front, joining initials ({@code D.R.} → {@code DR}, {@code U.S.} → {@code US}), dropping
 *       {@code THE}, {@code OF}, {@code AND} and punctuation, and spelling out {@code ST}, {@code DEM},
 *       {@code REP}, {@code DR}, {@code DRC}, {@code PDR}, {@code DPR}. Every qualifier word counts, so
 *       {@code Congo, Dem. Rep.}, {@code Dem. Rep. Congo}, {@code Congo DR} and {@code DR Congo} are the
 *       Democratic Republic of the Congo and only {@code Congo} or {@code Congo, Rep.} is the Republic of
 *       the Congo. Known names: CTDC's two name columns, OCHA's English, alternative, French and Spanish
 *       names, the World Bank's names, and curated endonyms, exonyms and former names ({@code Brasil},
 *       {@code Deutschland}, {@code Burma}, {@code Swaziland}, ...); no two countries share a name (the
 *       table is rejected when loaded otherwise). Gives {@link MatchKind#NAME}.
 *   <li><b>Misspellings</b>: the score against a name is the {@link FuzzyMetric} similarity (default
 *       Damerau–Levenshtein, {@code 1 - distance / longer length}) of the two name keys, or of their
 *       sorted words, whichever is higher; a country's score is its best over its English names (names in
 *       other languages match exactly only). The best country is applied as {@link MatchKind#FUZZY} with
 *       its score only if the token has four or more characters, the score is at least the threshold
 *       (default 0.80: one edit in a name of five or more characters), the runner-up country scores at
 *       least 0.05 less, no other country's name (other than a part of the matched name) is inside the
 *       token, the token has no more words than the name, both have the same qualifier words
 *       ({@code NORTH}, {@code SOUTH}, {@code DEMOCRATIC}, {@code EQUATORIAL}, {@code NEW}, ..., a word one
 *       edit from one counting as it), and the token is not the name with a demonym ending
 *       ({@code Dominican}, {@code Nigerian}).
 *   <li><b>Otherwise unmatched</b>: {@link MatchKind#UNMATCHED}, with up to three suggestions, best
 *       first (ties by alpha-3). When known names occur as whole words inside the token ({@code Chad Smith},
 *       {@code Jordan Reyes}), or, failing that, OCHA's matching patterns match it, the suggestions are
 *       those countries only: a name inside a longer value is a candidate, never a match. Nothing below
 *       the threshold is ever applied.
 * </ol>
 *
 * <p>Kosovo, however reached, follows the {@link PrivateCodePolicy} (default: Serbia, as CTDC counts it).
 *
 * <p>This class is immutable and thread-safe; results are cached per distinct token.
 */
public final class CountryResolver {
  /** Default fuzzy threshold. */
  public static final double DEFAULT_FUZZY_THRESHOLD = 0.80;
  /** Default similarity of misspellings. */
  public static final FuzzyMetric DEFAULT_FUZZY_METRIC = FuzzyMetric.DAMERAU_LEVENSHTEIN;
  /** Default unknown tokens. */
  public static final List<String> DEFAULT_UNKNOWN_TOKENS =
      List.of("00", "ZZ", "0", "-99", "Unknown", "unknown", "N/A");

  private static final class Holder {
    static final CountryResolver STANDARD = builder().build();
  }

  private final CountryTable table;
  private final double fuzzyThreshold;
  private final FuzzyMetric fuzzyMetric;
  private final PrivateCodePolicy privateCodePolicy;
  private final List<String> unknownTokens;
  private final CountryEngine engine;

  private CountryResolver(Builder b) {
    this.table = b.table;
    this.fuzzyThreshold = b.fuzzyThreshold;
    this.fuzzyMetric = b.fuzzyMetric;
    this.privateCodePolicy = b.privateCodePolicy;
    this.unknownTokens = List.copyOf(b.unknownTokens);
    this.engine = new CountryEngine(table.data(), fuzzyThreshold, fuzzyMetric, privateCodePolicy, unknownTokens);
  }

  /**
   * A resolver with the default settings: the standard table, threshold 0.85, Kosovo as Serbia, the
   * default unknown tokens.
   *
   * @return the shared standard resolver
   */
  public static CountryResolver standard() {
    return Holder.STANDARD;
  }

  /**
   * A builder starting from the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves one token by the rules in the class documentation.
   *
   * @param token the raw value of a country cell
   * @return the match, never null
   */
  public CountryMatch resolve(String token) {
    return engine.resolve(Objects.requireNonNull(token, "token"));
  }

  /** @return the table this resolver matches against */
  public CountryTable table() {
    return table;
  }

  /** @return the fuzzy threshold */
  public double fuzzyThreshold() {
    return fuzzyThreshold;
  }

  /** @return the similarity of misspellings */
  public FuzzyMetric fuzzyMetric() {
    return fuzzyMetric;
  }

  /** @return the Kosovo policy */
  public PrivateCodePolicy privateCodePolicy() {
    return privateCodePolicy;
  }

  /** @return the unknown tokens */
  public List<String> unknownTokens() {
    return unknownTokens;
  }

  /**
   * Builds a {@link CountryResolver}. This class is not thread-safe; {@link #build()} copies the settings
   * into an immutable resolver.
   */
  public static final class Builder {
    private CountryTable table = CountryTable.standard();
    private double fuzzyThreshold = DEFAULT_FUZZY_THRESHOLD;
    private FuzzyMetric fuzzyMetric = DEFAULT_FUZZY_METRIC;
    private PrivateCodePolicy privateCodePolicy = PrivateCodePolicy.KOSOVO_AS_SERBIA;
    private List<String> unknownTokens = DEFAULT_UNKNOWN_TOKENS;

    private Builder() {}

    /**
     * Sets the country table.
     *
     * @param table the table
     * @return this builder
     */
    public Builder table(CountryTable table) {
      this.table = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * Sets the fuzzy threshold.
     *
     * @param threshold in (0, 1]; 1 disables fuzzy matching of anything but exact keys
     * @return this builder
     * @throws IllegalArgumentException if the threshold is outside (0, 1] (a mistake of the calling
     *     program, as for every builder setting; issue 16)
     */
    public Builder fuzzyThreshold(double threshold) {
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw new IllegalArgumentException("fuzzyThreshold must be in (0, 1], was " + threshold);
      }
      this.fuzzyThreshold = threshold;
      return this;
    }

    /**
     * Sets the similarity of misspellings.
     *
     * @param metric the metric
     * @return this builder
     */
    public Builder fuzzyMetric(FuzzyMetric metric) {
      this.fuzzyMetric = Objects.requireNonNull(metric, "metric");
      return this;
    }

    /**
     * Sets how Kosovo is written.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder privateCodePolicy(PrivateCodePolicy policy) {
      this.privateCodePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the tokens that mean "unknown" (compared after folding; a blank token is always unknown).
     *
     * @param tokens the tokens
     * @return this builder
     */
    public Builder unknownTokens(List<String> tokens) {
      List<String> copy = new ArrayList<>();
      for (String t : tokens) {
        copy.add(Objects.requireNonNull(t, "unknown token"));
      }
      this.unknownTokens = List.copyOf(copy);
      return this;
    }

    /**
     * Builds the resolver.
     *
     * @return an immutable resolver
     */
    public CountryResolver build() {
      return new CountryResolver(this);
    }
  }
}
