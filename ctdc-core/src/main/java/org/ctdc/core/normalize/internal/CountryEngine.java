package org.ctdc.core.normalize.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ctdc.core.normalize.Country;
import org.ctdc.core.normalize.CountryMatch;
import org.ctdc.core.normalize.FuzzyMetric;
import org.ctdc.core.normalize.MatchKind;
import org.ctdc.core.normalize.PrivateCodePolicy;
import org.ctdc.core.normalize.Suggestion;

/**
 * The country matching rules (documented on {@code CountryResolver} and in docs/normalisers.md). Results
 * are cached per token; the cache only ever holds the deterministic result, so it changes no output.
 * This class is thread-safe.
 */
public final class CountryEngine {
  /** Sub-national and continental phrases masked before looking for country names inside a token. */
  private static final List<String> MASKED_PHRASES = List.of(
      "NEW JERSEY", "NEW MEXICO", "NEW SOUTH WALES", "NEW ENGLAND", "NEW GUINEA ISLAND",
      "SOUTH AMERICA", "NORTH AMERICA", "CENTRAL AMERICA", "LATIN AMERICA");
  /** Words that change which country a name next to them means ("Sudan South", "Guinea Equatorial"). */
  private static final Set<String> QUALIFIERS = Set.of(
      "NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "NEW",
      "UPPER", "LOWER", "EQUATORIAL", "BRITISH", "FRENCH", "DUTCH", "AMERICAN", "US", "UK");
  /**
   * Words that make a different country of a name ({@code SOUTH SUDAN}, {@code DEMOCRATIC REPUBLIC CONGO}):
   * a misspelling is applied only to a name with the same ones.
   */
  private static final Set<String> FUZZY_QUALIFIERS = Set.of(
      "NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EQUATORIAL", "NEW", "DEMOCRATIC", "PEOPLES",
      "BRITISH", "FRENCH", "DUTCH", "AMERICAN", "US", "ISLAMIC", "ARAB", "CENTRAL");
  /** Endings that make a demonym or adjective of a country name. */
  private static final Set<String> DEMONYM_ENDINGS = Set.of("N", "AN", "IAN", "ESE", "I", "ISH", "S");
  private static final DamerauLevenshteinDistance OSA = new DamerauLevenshteinDistance();
  /** Least score of a suggestion that is not a name inside the token ({@code Paris} suggests nothing). */
  static final double MIN_SUGGESTION = 0.6;
  /** Least lead of the best country's score over the runner-up's for a misspelling to be applied. */
  static final double MARGIN = 0.05;
  /** Shortest alias key looked for inside a longer token. */
  private static final int MIN_CONTAINED = 4;
  /** Shortest token key compared by edit distance. */
  private static final int MIN_FUZZY = 4;
  private static final int MAX_SUGGESTIONS = 3;
  /**
   * Longest token resolved, in characters. The longest country name is under 60 characters, so a longer
   * token is never one; without this bound a huge field costs an edit distance against every name (found
   * by fuzzing: a 70,000-character field took minutes) and could fill the cache.
   */
  public static final int MAX_TOKEN_LENGTH = 256;
  private static final int CACHE_LIMIT = 50_000;
  private static final Pattern ALNUM_2_3 = Pattern.compile("[A-Z0-9]{2,3}");

  private final CountryData data;
  private final double threshold;
  private final Similarity similarity;
  private final PrivateCodePolicy policy;
  private final Set<String> unknownTokens;
  private final List<Map.Entry<String, String>> containedKeys;
  private final Map<String, CountryMatch> cache = new ConcurrentHashMap<>();

  /**
   * Creates an engine.
   *
   * @param data the country table
   * @param threshold fuzzy threshold in (0, 1]
   * @param metric the similarity of misspellings
   * @param policy Kosovo policy
   * @param unknownTokens tokens meaning "unknown"
   */
  public CountryEngine(
      CountryData data, double threshold, FuzzyMetric metric, PrivateCodePolicy policy, List<String> unknownTokens) {
    this.data = data;
    this.threshold = threshold;
    this.similarity = similarity(metric);
    this.policy = policy;
    Set<String> u = new HashSet<>();
    for (String t : unknownTokens) {
      u.add(Folding.fold(t));
    }
    this.unknownTokens = Set.copyOf(u);
    List<Map.Entry<String, String>> keys = new ArrayList<>();
    for (Map.Entry<String, String> e : data.nameKeys().entrySet()) {
      if (e.getKey().length() >= MIN_CONTAINED) {
        keys.add(Map.entry(e.getKey(), e.getValue()));
      }
    }
    this.containedKeys = List.copyOf(keys);
  }

  /**
   * Resolves a token.
   *
   * @param token raw token
   * @return the match
   */
  public CountryMatch resolve(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return unmatched(List.of());
    }
    CountryMatch cached = cache.get(token);
    if (cached != null) {
      return cached;
    }
    CountryMatch m = compute(token);
    if (cache.size() < CACHE_LIMIT) {
      cache.putIfAbsent(token, m);
    }
    return m;
  }

  private CountryMatch compute(String token) {
    String folded = Folding.fold(token);
    // 1. blank and unknown tokens
    if (folded.isEmpty() || unknownTokens.contains(folded)) {
      return new CountryMatch(MatchKind.UNKNOWN_TOKEN, Optional.empty(), 1.0, List.of());
    }
    // 2. private and legacy codes
    CountryData.CodeAlias code = data.codes().get(folded);
    if (code != null) {
      return resolved(code.kind(), code.alpha2(), 1.0);
    }
    // 3. current ISO codes
    if (ALNUM_2_3.matcher(folded).matches() || folded.matches("\\d")) {
      Optional<Country> c = Optional.empty();
      if (folded.matches("\\d{1,3}")) {
        c = data.byNumeric("000".substring(folded.length()) + folded);
      } else if (folded.matches("[A-Z]{2}")) {
        c = data.byAlpha2(folded);
      } else if (folded.matches("[A-Z]{3}")) {
        c = data.byAlpha3(folded);
      }
      if (c.isPresent()) {
        return resolved(MatchKind.CODE, c.get().alpha2(), 1.0);
      }
    }
    // 4. exact name: the same words as a known name, in any order
    String key = NameKey.ofFolded(folded);
    if (key.isEmpty()) {
      return unmatched(List.of());
    }
    String exact = data.wordKeys().get(NameKey.words(key));
    if (exact != null) {
      return resolved(MatchKind.NAME, exact, 1.0);
    }
    // 5. a misspelling of one name, and of no other country's, with no other country's name inside it
    String masked = mask(key);
    Map<String, Set<String>> inside = contained(masked);
    Set<String> found = inside.keySet();
    Scores scores = scores(key);
    Optional<CountryMatch> fuzzy = fuzzy(key, scores, inside);
    if (fuzzy.isPresent()) {
      return fuzzy.get();
    }
    // 6. names contained in the token, then OCHA patterns: candidates only, never applied
    if (found.isEmpty()) {
      found = patterns(masked);
    }
    return unmatched(suggestions(scores, found));
  }

  /** A similarity in [0, 1] of two keys. */
  @FunctionalInterface
  interface Similarity {
    double score(String a, String b);
  }

  static Similarity similarity(FuzzyMetric metric) {
    return switch (metric) {
      case LEVENSHTEIN -> {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        yield (a, b) -> 1.0 - (double) d.apply(a, b) / Math.max(a.length(), b.length());
      }
      case DAMERAU_LEVENSHTEIN -> {
        DamerauLevenshteinDistance d = new DamerauLevenshteinDistance();
        yield (a, b) -> 1.0 - (double) d.apply(a, b) / Math.max(a.length(), b.length());
      }
      case JARO_WINKLER -> {
        JaroWinklerSimilarity j = new JaroWinklerSimilarity();
        yield j::apply;
      }
    };
  }

  private static String mask(String key) {
    String padded = " " + key + " ";
    for (String p : MASKED_PHRASES) {
      padded = padded.replace(" " + p + " ", " # ");
    }
    return padded.trim();
  }

  /**
   * Countries whose name keys occur as whole words in the key, after dropping occurrences nested in longer
   * ones, with the name keys found.
   */
  private Map<String, Set<String>> contained(String key) {
    String padded = " " + key + " ";
    List<int[]> spans = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : containedKeys) {
      String needle = " " + e.getKey() + " ";
      int from = 0;
      int at;
      while ((at = padded.indexOf(needle, from)) >= 0) {
        spans.add(new int[] {at, at + needle.length()});
        owners.add(e.getValue());
        names.add(e.getKey());
        from = at + 1;
      }
    }
    Map<String, Set<String>> result = new TreeMap<>();
    for (int i = 0; i < spans.size(); i++) {
      int[] s = spans.get(i);
      boolean nested = false;
      for (int j = 0; j < spans.size() && !nested; j++) {
        int[] o = spans.get(j);
        nested = j != i && o[0] <= s[0] && s[1] <= o[1] && (o[1] - o[0]) > (s[1] - s[0]);
      }
      if (!nested && !qualified(padded, s)) {
        result.computeIfAbsent(owners.get(i), k -> new java.util.TreeSet<>()).add(names.get(i));
      }
    }
    return result;
  }

  /** Whether the word just before or just after a span is a qualifier. */
  private static boolean qualified(String padded, int[] span) {
    String before = padded.substring(0, span[0]).trim();
    String after = padded.substring(span[1]).trim();
    String prev = before.isEmpty() ? "" : before.substring(before.lastIndexOf(' ') + 1);
    int space = after.indexOf(' ');
    String next = space < 0 ? after : after.substring(0, space);
    return QUALIFIERS.contains(prev) || QUALIFIERS.contains(next);
  }

  private Set<String> patterns(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    Set<String> result = new java.util.TreeSet<>();
    for (Map.Entry<String, Pattern> e : data.patterns().entrySet()) {
      if (e.getValue().matcher(lower).find()) {
        result.add(e.getKey());
      }
    }
    return result;
  }

  /** Best similarity per country (alpha-2 after the policy), and the name key that gave it. */
  private record Scores(Map<String, Double> best, Map<String, String> bestKey) {}

  private Scores scores(String key) {
    Map<String, Double> best = new TreeMap<>();
    Map<String, String> bestKey = new HashMap<>();
    String words = NameKey.words(key);
    for (Map.Entry<String, String> e : data.fuzzyNameKeys().entrySet()) {
      note(best, bestKey, applyPolicy(e.getValue()), e.getKey(), similarity.score(key, e.getKey()));
    }
    for (Map.Entry<String, String> e : data.fuzzyWordKeys().entrySet()) {
      note(best, bestKey, applyPolicy(e.getValue()), e.getKey(), similarity.score(words, e.getKey()));
    }
    return new Scores(best, bestKey);
  }

  private static void note(Map<String, Double> best, Map<String, String> bestKey, String a2, String nameKey, double s) {
    Double before = best.get(a2);
    if (before == null || s > before) {
      best.put(a2, s);
      bestKey.put(a2, nameKey);
    }
  }

  /**
   * The best country as a misspelling, when its score reaches the threshold, the runner-up is at least
   * {@link #MARGIN} lower, no other country's name is inside the token, the token has no more words than
   * the name it matched, the two have the same qualifier words, and the token is not the name with a
   * demonym ending added.
   */
  private Optional<CountryMatch> fuzzy(String key, Scores scores, Map<String, Set<String>> inside) {
    List<Map.Entry<String, Double>> ranked = rank(scores.best());
    if (ranked.isEmpty() || key.length() < MIN_FUZZY) {
      return Optional.empty();
    }
    Map.Entry<String, Double> top = ranked.get(0);
    double runnerUp = ranked.size() > 1 ? ranked.get(1).getValue() : 0.0;
    if (top.getValue() < threshold || top.getValue() - runnerUp < MARGIN) {
      return Optional.empty();
    }
    String name = Objects.requireNonNull(scores.bestKey().get(top.getKey())); // best and bestKey share keys
    for (Map.Entry<String, Set<String>> e : inside.entrySet()) {
      if (applyPolicy(e.getKey()).equals(top.getKey())) {
        continue;
      }
      for (String other : e.getValue()) {
        if (!(" " + name + " ").contains(" " + other + " ")) {
          // another country's name, not part of the name matched: MEXICO / UNITED STATES is not
          // UNITED MEXICAN STATES (SUDAN in SUOTH SUDAN is part of SOUTH SUDAN)
          return Optional.empty();
        }
      }
    }
    if (words(key) > words(name)) {
      return Optional.empty(); // a word more is more than a misspelling: CONGO ED M REP is not CONGO REP
    }
    if (!qualifiers(key).equals(qualifiers(name))) {
      return Optional.empty();
    }
    if (demonym(key, name)) {
      return Optional.empty();
    }
    return Optional.of(resolved(MatchKind.FUZZY, top.getKey(), top.getValue()));
  }

  /**
   * Whether the key is the name with a demonym ending added ({@code DOMINICA} + {@code N},
   * {@code SUDAN} + {@code ESE}, {@code OMAN} + {@code I}): an adjective, which may mean another country.
   * A doubled last letter ({@code SUDANN}) is a misspelling, not an ending.
   */
  private static boolean demonym(String key, String name) {
    if (key.length() <= name.length() || !key.startsWith(name)) {
      return false;
    }
    String added = key.substring(name.length());
    boolean doubled = added.length() == 1 && added.charAt(0) == name.charAt(name.length() - 1);
    return !doubled && DEMONYM_ENDINGS.contains(added);
  }

  private static int words(String key) {
    int n = 1;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  /** The qualifier words of a key, a word one edit (or one transposition) from a qualifier counting as it. */
  private static Set<String> qualifiers(String key) {
    Set<String> q = new java.util.TreeSet<>();
    for (String w : key.split(" ")) {
      if (FUZZY_QUALIFIERS.contains(w)) {
        q.add(w);
      } else if (w.length() >= 5) {
        for (String f : FUZZY_QUALIFIERS) {
          if (f.length() >= 5 && OSA.apply(w, f) <= 1) {
            q.add(f);
          }
        }
      }
    }
    return q;
  }

  private List<Map.Entry<String, Double>> rank(Map<String, Double> best) {
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(best.entrySet());
    ranked.removeIf(e -> e.getValue() <= 0.0);
    ranked.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
        .thenComparing(e -> country(e.getKey()).alpha3()));
    return ranked;
  }

  /**
   * Up to three suggestions, best first: among the given countries (names inside the token) when some are
   * given, else the countries scoring at least {@link #MIN_SUGGESTION}.
   */
  private List<Suggestion> suggestions(Scores scores, Set<String> among) {
    Map<String, Double> best = new TreeMap<>(scores.best());
    if (!among.isEmpty()) {
      Set<String> keep = new HashSet<>();
      for (String a2 : among) {
        keep.add(applyPolicy(a2));
      }
      best.keySet().retainAll(keep);
      for (String a2 : keep) {
        best.putIfAbsent(a2, 0.0);
      }
    }
    List<Suggestion> out = new ArrayList<>();
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(best.entrySet());
    ranked.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
        .thenComparing(e -> country(e.getKey()).alpha3()));
    for (Map.Entry<String, Double> e : ranked) {
      if (out.size() == MAX_SUGGESTIONS) {
        break;
      }
      if (among.isEmpty() && e.getValue() < MIN_SUGGESTION) {
        break;
      }
      Country c = country(e.getKey());
      out.add(new Suggestion(c.alpha3(), c.name(), e.getValue()));
    }
    return out;
  }

  private static CountryMatch unmatched(List<Suggestion> suggestions) {
    double score = suggestions.isEmpty() ? 0.0 : suggestions.get(0).score();
    return new CountryMatch(MatchKind.UNMATCHED, Optional.empty(), score, suggestions);
  }

  private CountryMatch resolved(MatchKind kind, String alpha2, double score) {
    return new CountryMatch(kind, Optional.of(country(applyPolicy(alpha2))), score, List.of());
  }

  private String applyPolicy(String alpha2) {
    if (alpha2.equals("XK") && policy == PrivateCodePolicy.KOSOVO_AS_SERBIA) {
      return "RS";
    }
    return alpha2;
  }

  private Country country(String alpha2) {
    return data.byAlpha2(alpha2).orElseThrow();
  }
}
