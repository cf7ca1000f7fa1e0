package org.ctdc.core.normalize.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison keys of a country name. This class is thread-safe (stateless).
 *
 * <p>The <b>name key</b> is the folded name with a trailing qualifier moved to the front
 * ({@code "Moldova, Republic of"} → {@code REPUBLIC MOLDOVA}), initials joined ({@code U.S.A.} →
 * {@code USA}, {@code D.R.} → {@code DR}), apostrophes removed ({@code PEOPLE'S} → {@code PEOPLES}), other
 * punctuation made a space, the words {@code THE}, {@code OF} and {@code AND} dropped, and the
 * abbreviations {@code ST} → {@code SAINT}, {@code STE} → {@code SAINTE}, {@code DEM} →
 * {@code DEMOCRATIC}, {@code REP} → {@code REPUBLIC}, {@code DR} → {@code DEMOCRATIC REPUBLIC}, {@code DRC}
 * → {@code DEMOCRATIC REPUBLIC CONGO}, {@code PDR} → {@code PEOPLES DEMOCRATIC REPUBLIC}, {@code DPR} →
 * {@code DEMOCRATIC PEOPLES REPUBLIC} spelled out. It keeps the word order and is what edit distances
 * compare.
 *
 * <p>The <b>word key</b> is the set of the name key's words, sorted: two names with the same words in any
 * order ({@code Congo, Dem. Rep.}, {@code Dem. Rep. Congo}, {@code Congo DR}, {@code DR Congo},
 * {@code Democratic Republic of the Congo}) have the same word key. Exact names are compared by word key,
 * so every qualifier word counts: {@code DEMOCRATIC REPUBLIC CONGO} and {@code REPUBLIC CONGO} differ.
 */
public final class NameKey {
  private static final Pattern COMMA_QUALIFIER = Pattern.compile("^([^,()]+), *([^,()]+)$");
  private static final Pattern PAREN_QUALIFIER = Pattern.compile("^([^,()]+) *\\(([^,()]+)\\)$");
  private static final Pattern INITIALS = Pattern.compile("(?<![A-Z0-9])([A-Z](?:\\.[A-Z])+)\\.?(?![A-Z0-9])");

  private static final Set<String> DIRECTIONS = Set.of("THE", "NORTH", "SOUTH", "EAST", "WEST");
  private static final Set<String> DROPPED = Set.of("THE", "OF", "AND");
  private static final Map<String, String> ABBREVIATIONS = Map.of(
      "ST", "SAINT",
      "STE", "SAINTE",
      "DEM", "DEMOCRATIC",
      "REP", "REPUBLIC",
      "DR", "DEMOCRATIC REPUBLIC",
      "DRC", "DEMOCRATIC REPUBLIC CONGO",
      "PDR", "PEOPLES DEMOCRATIC REPUBLIC",
      "DPR", "DEMOCRATIC PEOPLES REPUBLIC");

  private NameKey() {}

  /**
   * The name key of a name. Examples: {@code "Moldova, Republic of"}, {@code "Moldova (Republic of)"} and
   * {@code "Republic of Moldova"} give {@code "REPUBLIC MOLDOVA"}; {@code "Gambia, The"} and
   * {@code "The Gambia"} give {@code "GAMBIA"}; {@code "Sudan, South"} gives {@code "SOUTH SUDAN"};
   * {@code "St. Lucia"} gives {@code "SAINT LUCIA"}; {@code "Congo, Dem. Rep."} gives
   * {@code "CONGO DEMOCRATIC REPUBLIC"}.
   *
   * @param name a name
   * @return its key, empty if it has no letters or digits
   */
  public static String of(String name) {
    return ofFolded(Folding.fold(name));
  }

  /**
   * The name key of an already folded name.
   *
   * @param folded output of {@link Folding#fold(String)}
   * @return its key
   */
  public static String ofFolded(String folded) {
    String f = folded.replace("&", " AND ").replace("'", "");
    f = INITIALS.matcher(f).replaceAll(m -> m.group(1).replace(".", ""));
    f = invert(COMMA_QUALIFIER.matcher(f), f);
    f = invert(PAREN_QUALIFIER.matcher(f), f);
    StringBuilder b = new StringBuilder(f.length());
    for (String w : f.split("[^A-Z0-9]+")) {
      if (w.isEmpty() || DROPPED.contains(w)) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(ABBREVIATIONS.getOrDefault(w, w));
    }
    return b.toString();
  }

  /**
   * The word key of a name key: its distinct words, sorted, joined by one space.
   *
   * @param nameKey output of {@link #ofFolded(String)}
   * @return the word key, empty for an empty name key
   */
  public static String words(String nameKey) {
    if (nameKey.isEmpty()) {
      return "";
    }
    return String.join(" ", new TreeSet<>(java.util.Arrays.asList(nameKey.split(" "))));
  }

  private static String invert(Matcher m, String f) {
    if (!m.matches()) {
      return f;
    }
    String head = m.group(1).trim();
    String qualifier = m.group(2).trim();
    if (DIRECTIONS.contains(qualifier) || qualifier.endsWith(" OF") || qualifier.endsWith(" OF THE")) {
      return qualifier + " " + head;
    }
    return f;
  }
}
