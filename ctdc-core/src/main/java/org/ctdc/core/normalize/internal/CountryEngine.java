package org.ctdc.core.normalize.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ctdc.core.normalize.Country;
import org.ctdc.core.normalize.CountryMatch;
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
  private final PrivateCodePolicy policy;
  private final Set<String> unknownTokens;
  private final List<Map.Entry<String, String>> containedKeys;
  private final Map<String, CountryMatch> cache = new ConcurrentHashMap<>();

  /**
   * Creates an engine.
   *
   * @param data the country table
   * @param threshold fuzzy threshold in (0, 1]
   * @param policy Kosovo policy
   * @param unknownTokens tokens meaning "unknown"
   */
  public CountryEngine(CountryData data, double threshold, PrivateCodePolicy policy, List<String> unknownTokens) {
    this.data = data;
    this.threshold = threshold;
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
    // 4. exact name key
    String key = NameKey.ofFolded(folded);
    if (key.isEmpty()) {
      return unmatched(List.of());
    }
    String exact = data.nameKeys().get(key);
    if (exact != null) {
      return resolved(MatchKind.NAME, exact, 1.0);
    }
    // 5. names contained in the token, then OCHA patterns; most specific wins
    String masked = mask(key);
    Set<String> found = contained(masked);
    if (found.isEmpty()) {
      found = patterns(masked);
    }
    if (!found.isEmpty()) {
      Optional<String> chosen = mostSpecific(found);
      if (chosen.isPresent()) {
        return resolved(MatchKind.NAME, chosen.get(), 1.0);
      }
      return unmatched(suggest(key, found));
    }
    // 6. edit distance
    return fuzzy(key);
  }

  private static String mask(String key) {
    String padded = " " + key + " ";
    for (String p : MASKED_PHRASES) {
      padded = padded.replace(" " + p + " ", " # ");
    }
    return padded.trim();
  }

  /** Countries whose name keys occur as whole words in the key, after dropping occurrences nested in longer ones. */
  private Set<String> contained(String key) {
    String padded = " " + key + " ";
    List<int[]> spans = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (Map.Entry<String, String> e : containedKeys) {
      String needle = " " + e.getKey() + " ";
      int from = 0;
      int at;
      while ((at = padded.indexOf(needle, from)) >= 0) {
        spans.add(new int[] {at, at + needle.length()});
        owners.add(e.getValue());
        from = at + 1;
      }
    }
    Set<String> result = new java.util.TreeSet<>();
    for (int i = 0; i < spans.size(); i++) {
      int[] s = spans.get(i);
      boolean nested = false;
      for (int j = 0; j < spans.size() && !nested; j++) {
        int[] o = spans.get(j);
        nested = j != i && o[0] <= s[0] && s[1] <= o[1] && (o[1] - o[0]) > (s[1] - s[0]);
      }
      if (!nested && !qualified(padded, s)) {
        result.add(owners.get(i));
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

  /** One country: it. Several: the only territory among them, if there is exactly one; else none. */
  private Optional<String> mostSpecific(Set<String> countries) {
    Set<String> canonical = new LinkedHashSet<>();
    for (String a2 : countries) {
      canonical.add(applyPolicy(a2));
    }
    if (canonical.size() == 1) {
      return Optional.of(countries.iterator().next());
    }
    List<String> territories = countries.stream().filter(data::isTerritory).toList();
    if (territories.size() == 1) {
      return Optional.of(territories.get(0));
    }
    return Optional.empty();
  }

  private CountryMatch fuzzy(String key) {
    if (key.length() < MIN_FUZZY) {
      return unmatched(suggest(key, Set.of()));
    }
    Map<String, Double> best = scores(key);
    List<Map.Entry<String, Double>> ranked = rank(best);
    if (!ranked.isEmpty()) {
      double top = ranked.get(0).getValue();
      boolean tie = ranked.size() > 1 && ranked.get(1).getValue() == top;
      if (top >= threshold && !tie) {
        return resolved(MatchKind.FUZZY, ranked.get(0).getKey(), top);
      }
    }
    return unmatched(toSuggestions(ranked));
  }

  /** Best similarity per country (alpha-2 after the policy), 1 - distance / longer length. */
  private Map<String, Double> scores(String key) {
    LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
    Map<String, Double> best = new TreeMap<>();
    for (Map.Entry<String, String> e : data.nameKeys().entrySet()) {
      String k = e.getKey();
      int d = lev.apply(key, k);
      double s = 1.0 - (double) d / Math.max(key.length(), k.length());
      best.merge(applyPolicy(e.getValue()), s, Math::max);
    }
    return best;
  }

  private List<Map.Entry<String, Double>> rank(Map<String, Double> best) {
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(best.entrySet());
    ranked.removeIf(e -> e.getValue() <= 0.0);
    ranked.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
        .thenComparing(e -> country(e.getKey()).alpha3()));
    return ranked;
  }

  private List<Suggestion> suggest(String key, Set<String> among) {
    if (key.isEmpty()) {
      return List.of();
    }
    Map<String, Double> best = scores(key);
    if (!among.isEmpty()) {
      Set<String> keep = new HashSet<>();
      for (String a2 : among) {
        keep.add(applyPolicy(a2));
      }
      best.keySet().retainAll(keep);
    }
    return toSuggestions(rank(best));
  }

  private List<Suggestion> toSuggestions(List<Map.Entry<String, Double>> ranked) {
    List<Suggestion> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : ranked) {
      if (out.size() == MAX_SUGGESTIONS) {
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
