package org.ctdc.deid;

import java.util.ArrayList;
import java.util.List;

/**
 * Builders of generalisation hierarchies: intervals over numbers, ordered groupings, masking of code
 * suffixes, exact ages to CTDC's age bands; explicit tables are {@link Hierarchy#of(String, List)}. Every builder ends with a top level
 * {@code *}, unless its last level is already a single value, and names its levels
 * ({@link Hierarchy#levelNames()}; the top level is named {@code *}).
 *
 * <p>This class is thread-safe: it has only static methods.
 */
public final class Hierarchies {

  /** The label of the top level. */
  public static final String TOP = "*";

  /** The largest exact age of {@link #exactAge(String)}, as CTDC's age normaliser accepts. */
  public static final int MAX_AGE = 120;

  /**
   * Lower bounds of CTDC's "Age range 1" bands: 0--8, 9--11, 12--14, 15--17, 18--20, 21--23, 24--26,
   * 27--29, 30--32, 33--35, 36--38, 39--47, 48--56, 57--65, 66+ (the same table as ctdc-core's
   * {@code Ages}, kept here because ctdc-deid does not depend on ctdc-core).
   */
  private static final int[] AGE_RANGE_ONE_LOWER = {0, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 48, 57, 66};

  /** Lower bounds of CTDC's {@code ageBroad} bands: 0--8, 9--17, 18--20, ..., 30--38, 39--47, 48+. */
  private static final int[] AGE_BROAD_LOWER = {0, 9, 18, 21, 24, 27, 30, 39, 48};

  /** The age of majority. */
  private static final int MAJORITY = 18;

  private Hierarchies() {}

  /**
   * Intervals over integers: on level {@code i} a value {@code v} becomes {@code lo-hi} with
   * {@code lo = floor((v - origin) / w_i) * w_i + origin} and {@code hi = lo + w_i - 1}; the top level is
   * {@code *}. Each width must be a multiple of the one before, so that every interval has one parent.
   *
   * @param name the hierarchy's name
   * @param values the leaves, integers written in decimal, in the order wanted
   * @param origin where the first interval of every level starts
   * @param widths the interval widths per level, increasing, each a multiple of the previous
   * @return the hierarchy
   * @throws HierarchyException if a value is not an integer or the widths are not nested
   */
  public static Hierarchy intervals(String name, List<String> values, int origin, int... widths) {
    for (int i = 0; i < widths.length; i++) {
      if (widths[i] <= 0 || (i > 0 && widths[i] % widths[i - 1] != 0)) {
        throw new HierarchyException(
            name, "interval width on level " + (i + 1) + " must be positive and a multiple of the one below");
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (String v : values) {
      long x;
      try {
        x = Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new HierarchyException(name, "row " + (rows.size() + 1) + ": the value on level 0 is not an integer");
      }
      List<String> row = new ArrayList<>();
      row.add(v);
      for (int w : widths) {
        long lo = Math.floorDiv(x - origin, (long) w) * w + origin;
        row.add(w == 1 ? Long.toString(lo) : lo + "-" + (lo + w - 1));
      }
      row.add(TOP);
      rows.add(row);
    }
    List<String> names = new ArrayList<>();
    names.add("value");
    for (int w : widths) {
      names.add(w == 1 ? "value from " + origin : w + "-wide interval");
    }
    names.add(TOP);
    return Hierarchy.of(name, rows).withLevelNames(names);
  }

  /**
   * Ordered groupings: level 1 joins runs of {@code sizes[0]} consecutive values, level 2 runs of
   * {@code sizes[1]} level-1 groups, and so on; a group is labelled {@code first..last} (a group of one
   * value keeps its label); the top level is {@code *}.
   *
   * @param name the hierarchy's name
   * @param ordered the leaves in their order (for example the codes of an ordered band)
   * @param sizes the group sizes per level, each at least 1
   * @return the hierarchy
   * @throws HierarchyException if a size is below 1
   */
  public static Hierarchy orderedGroups(String name, List<String> ordered, int... sizes) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : ordered) {
      List<String> row = new ArrayList<>();
      row.add(v);
      rows.add(row);
    }
    int span = 1;
    for (int level = 0; level < sizes.length; level++) {
      if (sizes[level] < 1) {
        throw new HierarchyException(name, "group size on level " + (level + 1) + " must be at least 1");
      }
      span *= sizes[level];
      for (int start = 0; start < ordered.size(); start += span) {
        int end = Math.min(ordered.size(), start + span) - 1;
        String label = start == end ? ordered.get(start) : ordered.get(start) + ".." + ordered.get(end);
        for (int i = start; i <= end; i++) {
          rows.get(i).add(label);
        }
      }
    }
    for (List<String> row : rows) {
      row.add(TOP);
    }
    List<String> names = new ArrayList<>();
    names.add("value");
    int groups = 1;
    for (int size : sizes) {
      groups *= size;
      names.add("groups of " + groups);
    }
    names.add(TOP);
    return Hierarchy.of(name, rows).withLevelNames(names);
  }

  /**
   * Masking of code suffixes (postcodes): level {@code i} replaces the last {@code i} characters by
   * {@code *}, up to the whole code. Codes of equal length end on a single all-{@code *} level (for 5-digit
   * codes {@code 81667 -> 8166* -> ... -> *****}); codes of unequal length get a further top level
   * {@code *}.
   *
   * @param name the hierarchy's name
   * @param codes the leaves
   * @return the hierarchy
   * @throws HierarchyException if there are no codes
   */
  public static Hierarchy masking(String name, List<String> codes) {
    int max = 0;
    int min = Integer.MAX_VALUE;
    for (String c : codes) {
      max = Math.max(max, c.length());
      min = Math.min(min, c.length());
    }
    List<List<String>> rows = new ArrayList<>();
    for (String c : codes) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i <= max; i++) {
        int keep = Math.max(0, c.length() - i);
        row.add(c.substring(0, keep) + "*".repeat(c.length() - keep));
      }
      if (min != max) {
        row.add(TOP);
      }
      rows.add(row);
    }
    List<String> names = new ArrayList<>();
    names.add("value");
    for (int i = 1; i <= max; i++) {
      names.add(i + " masked");
    }
    if (min != max) {
      names.add(TOP);
    }
    return Hierarchy.of(name, rows).withLevelNames(names);
  }

  /**
   * Exact ages 0 to {@value #MAX_AGE}: see {@link #exactAge(String, List)}.
   *
   * @param name the hierarchy's name
   * @return the hierarchy of height 4
   */
  public static Hierarchy exactAge(String name) {
    List<String> ages = new ArrayList<>();
    for (int a = 0; a <= MAX_AGE; a++) {
      ages.add(Integer.toString(a));
    }
    return exactAge(name, ages);
  }

  /**
   * Exact ages (completed years) generalised as CTDC publishes them: level 1 is the "Age range 1" band
   * ({@code 0--8, 9--11, 12--14, 15--17, 18--20, 21--23, 24--26, 27--29, 30--32, 33--35, 36--38, 39--47,
   * 48--56, 57--65, 66+}), level 2 the {@code ageBroad} band ({@code 0--8, 9--17, 18--20, 21--23, 24--26,
   * 27--29, 30--38, 39--47, 48+}), level 3 the majority status ({@code Minor} below 18, else
   * {@code Adult}), level 4 {@code *}. Every "Age range 1" band lies in one {@code ageBroad} band and every
   * {@code ageBroad} band on one side of 18, so every value has one parent per level. Example: 17 →
   * {@code 15--17} → {@code 9--17} → {@code Minor} → {@code *}.
   *
   * @param name the hierarchy's name
   * @param ages the leaves: non-negative integers written in decimal, in the order wanted
   * @return the hierarchy of height 4
   * @throws HierarchyException naming the row (never the value) if one is not a non-negative integer
   */
  public static Hierarchy exactAge(String name, List<String> ages) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : ages) {
      int age;
      try {
        age = Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw new HierarchyException(name, "row " + (rows.size() + 1)
            + ": the value on level 0 is not an age in whole years");
      }
      if (age < 0) {
        throw new HierarchyException(name, "row " + (rows.size() + 1) + ": the value on level 0 is a negative age");
      }
      rows.add(List.of(v, band(age, AGE_RANGE_ONE_LOWER), band(age, AGE_BROAD_LOWER),
          age >= MAJORITY ? "Adult" : "Minor", TOP));
    }
    return Hierarchy.of(name, rows).withLevelNames(List.of("age", "age range 1", "ageBroad", "majority status", TOP));
  }

  /** The label {@code lo--hi} or {@code lo+} of the band holding an age. */
  private static String band(int age, int[] lower) {
    int i = lower.length - 1;
    while (lower[i] > age) {
      i--;
    }
    return i + 1 < lower.length ? lower[i] + "--" + (lower[i + 1] - 1) : lower[i] + "+";
  }

  /**
   * A flat hierarchy: every value generalises straight to {@code *}.
   *
   * @param name the hierarchy's name
   * @param values the leaves
   * @return the hierarchy of height 1
   */
  public static Hierarchy flat(String name, List<String> values) {
    List<List<String>> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(List.of(v, TOP));
    }
    return Hierarchy.of(name, rows).withLevelNames(List.of("value", TOP));
  }
}
