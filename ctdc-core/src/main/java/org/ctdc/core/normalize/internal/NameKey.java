package org.ctdc.core.normalize.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison key of a country name: folded, qualifiers moved to the front, punctuation removed,
 * {@code THE} dropped and {@code ST} spelled {@code SAINT}. This class is thread-safe (stateless).
 */
public final class NameKey {
  private static final Pattern COMMA_QUALIFIER = Pattern.compile("^([^,()]+), *([^,()]+)$");
  private static final Pattern PAREN_QUALIFIER = Pattern.compile("^([^,()]+) *\\(([^,()]+)\\)$");

  private static final java.util.Set<String> DIRECTIONS =
      java.util.Set.of("THE", "NORTH", "SOUTH", "EAST", "WEST");

  private NameKey() {}

  /**
   * The key of a name. Examples: {@code "Moldova, Republic of"} and {@code "Moldova (Republic of)"} and
   * {@code "Republic of Moldova"} give {@code "REPUBLIC OF MOLDOVA"}; {@code "Gambia, The"} and
   * {@code "The Gambia"} give {@code "GAMBIA"}; {@code "Sudan, South"} gives {@code "SOUTH SUDAN"}; {@code "St. Lucia"} gives {@code "SAINT LUCIA"}.
   *
   * @param name a name
   * @return its key, empty if it has no letters or digits
   */
  public static String of(String name) {
    return ofFolded(Folding.fold(name));
  }

  /**
   * The key of an already folded name.
   *
   * @param folded output of {@link Folding#fold(String)}
   * @return its key
   */
  public static String ofFolded(String folded) {
    String f = folded.replace("&", " AND ");
    f = invert(COMMA_QUALIFIER.matcher(f), f);
    f = invert(PAREN_QUALIFIER.matcher(f), f);
    StringBuilder b = new StringBuilder(f.length());
    for (String w : f.split("[^A-Z0-9]+")) {
      if (w.isEmpty() || w.equals("THE")) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.equals("ST") ? "SAINT" : w);
    }
    return b.toString();
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
