package org.ctdc.core.normalize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Multi-valued fields: splitting a cell into its values, and writing a set of labels as CTDC's
 * {@code *Concatenated} columns do.
 *
 * <p>Examples: {@code split("Debt bondage; Threats;;Other", List.of(";", "; "))} gives
 * {@code [Debt bondage, Threats, Other]}; {@code joinLabels(Set.of("Male", "Female"), ";")} gives
 * {@code "Female;Male"}.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class MultiValues {
  private MultiValues() {}

  /**
   * Splits a value at any of the separators. At each position the longest separator that matches is
   * taken ({@code "; "} before {@code ";"}; equal lengths in the given order). Parts are trimmed and
   * empty parts dropped.
   *
   * @param value the cell text
   * @param separators non-empty separators; none means the value is one part
   * @return the parts, in order of appearance
   * @throws InvalidValueException if a separator is empty
   */
  public static List<String> split(String value, List<String> separators) {
    List<String> seps = new ArrayList<>(separators);
    for (String s : seps) {
      if (s.isEmpty()) {
        throw new InvalidValueException("MultiValues.split: separators must not be empty");
      }
    }
    seps.sort(Comparator.comparingInt(String::length).reversed());
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < value.length()) {
      String hit = null;
      for (String s : seps) {
        if (value.startsWith(s, i)) {
          hit = s;
          break;
        }
      }
      if (hit == null) {
        i++;
      } else {
        add(parts, value.substring(start, i));
        i += hit.length();
        start = i;
      }
    }
    add(parts, value.substring(start));
    return List.copyOf(parts);
  }

  private static void add(List<String> parts, String part) {
    String p = part.trim();
    if (!p.isEmpty()) {
      parts.add(p);
    }
  }

  /**
   * Joins labels in a stated order, as the aligner writes a {@code *Concatenated} column: duplicates
   * removed, in the order of {@code order} (such as a schema value set's codes), never in the input's
   * order and never re-sorted; joined by the separator.
   *
   * @param labels the labels of the positive flags
   * @param order every label, in the order to write them
   * @param separator the separator
   * @return the joined labels; empty for no labels
   * @throws InvalidValueException if a label is not in {@code order} (the message names neither)
   */
  public static String joinLabels(Collection<String> labels, List<String> order, String separator) {
    java.util.Set<String> set = new java.util.HashSet<>(labels);
    if (!order.containsAll(set)) {
      throw new InvalidValueException("MultiValues.joinLabels: a label is not in the stated order");
    }
    StringBuilder sb = new StringBuilder();
    java.util.Set<String> written = new java.util.HashSet<>();
    for (String o : order) {
      if (set.contains(o) && written.add(o)) {
        if (sb.length() > 0) {
          sb.append(separator);
        }
        sb.append(o);
      }
    }
    return sb.toString();
  }

  /**
   * Joins labels sorted: duplicates removed, sorted in {@link String} natural order (by UTF-16 code unit,
   * so case-sensitive: {@code "Z"} sorts before {@code "a"}), joined by the separator (CTDC uses
   * {@code ";"}), as in the victim-perpetrator release ({@code Female;Male}, {@code No;Yes}). An aligned
   * {@code *Concatenated} column follows its schema's value set instead
   * ({@link #joinLabels(Collection, List, String)}).
   *
   * @param labels the labels of the positive flags
   * @param separator the separator
   * @return the joined labels; empty for no labels
   */
  public static String joinLabels(Collection<String> labels, String separator) {
    return String.join(separator, new TreeSet<>(labels));
  }
}
