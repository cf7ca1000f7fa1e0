package org.ctdc.deid;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A generalisation hierarchy of one variable in the table layout ARX uses: one row per original value
 * (a leaf), one column per level, level 0 the value itself and the last level a single value such as
 * {@code *}. Row {@code [34, <50, *]} says that 34 generalises to {@code <50} on level 1 and to {@code *} on
 * level 2.
 *
 * <p>Rules checked on creation, with errors naming the hierarchy, the row and the level but never a label (a
 * hierarchy file named by mistake may be a data file): at least one row; at most {@value #MAX_LEVELS}
 * levels; every row has the same number of levels; no leaf is listed twice; every value of a level has
 * exactly one parent on the next level; the top level holds a single value.
 * {@link #checkCovers(Collection)} checks that the values of the data are all leaves.
 *
 * <p>The labels of a level are kept in the order of their first appearance in the rows; that order is the
 * order of the value set of a generalised variable in a release.
 *
 * <p>Every level has a name for reports ({@link #levelNames()}): {@code level 0}, {@code level 1}, ... unless
 * a builder or {@link #withLevelNames(List)} names them ({@code country}, {@code UN sub-region}, ...).
 *
 * <p>Create one with {@link #of(String, List)}, {@link #readArx(Path, char)} or the builders of
 * {@link Hierarchies}. This class is immutable and thread-safe.
 */
public final class Hierarchy {

  /**
   * The most characters (and bytes, for a file) a hierarchy in ARX's layout may hold: 64 Mi, the same as
   * {@link HierarchyFile#MAX_FILE_BYTES}.
   */
  public static final long MAX_FILE_CHARS = HierarchyFile.MAX_FILE_BYTES;

  /**
   * The most levels a hierarchy may have, the original value included: 64 (a height of 63). Checked when a
   * hierarchy is built or read, before anything of the size of the rows is allocated; the verifier has the
   * same bound. Real hierarchies have a handful of levels; the bound keeps a broken file (a data file with
   * thousands of columns) from costing gigabytes.
   */
  public static final int MAX_LEVELS = 64;

  private final String name;
  private final List<List<String>> rows;
  private final int levels;
  private final List<List<String>> labels;
  private final List<Map<String, Integer>> labelIndex;
  private final int[][] rowGroup;
  private final int[][] parent;
  private final int[][] leafCount;
  private final List<String> levelNames;

  private Hierarchy(String name, List<List<String>> rows) {
    this(name, rows, null);
  }

  private Hierarchy(String name, List<List<String>> rows, @Nullable List<String> names) {
    this.name = name;
    if (name.isBlank()) {
      throw new HierarchyException("<unnamed>", "a hierarchy needs a name");
    }
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      if (r.size() > MAX_LEVELS) {
        throw new HierarchyException(name, "row " + (copy.size() + 1) + ": more than " + MAX_LEVELS
            + " levels (limit)");
      }
      copy.add(List.copyOf(r));
    }
    this.rows = List.copyOf(copy);
    if (this.rows.isEmpty()) {
      throw new HierarchyException(name, "a hierarchy needs at least one row");
    }
    this.levels = this.rows.get(0).size();
    if (levels == 0) {
      throw new HierarchyException(name, "row 1 has no levels");
    }
    if (levels > MAX_LEVELS) {
      throw new HierarchyException(name, "row 1: more than " + MAX_LEVELS + " levels (limit)");
    }
    List<List<String>> labs = new ArrayList<>();
    List<Map<String, Integer>> idx = new ArrayList<>();
    for (int l = 0; l < levels; l++) {
      labs.add(new ArrayList<>());
      idx.add(new HashMap<>());
    }
    this.rowGroup = new int[levels][this.rows.size()];
    for (int r = 0; r < this.rows.size(); r++) {
      List<String> row = this.rows.get(r);
      if (row.size() != levels) {
        throw new HierarchyException(
            name, "row " + (r + 1) + " has " + row.size() + " levels, row 1 has " + levels);
      }
      for (int l = 0; l < levels; l++) {
        String v = row.get(l);
        Integer i = idx.get(l).get(v);
        if (i == null) {
          i = labs.get(l).size();
          labs.get(l).add(v);
          idx.get(l).put(v, i);
        } else if (l == 0) {
          throw new HierarchyException(name, "row " + (r + 1) + ": its value on level 0 is listed on row "
              + (i + 1) + " already (rule: each value once on level 0)");
        }
        rowGroup[l][r] = i;
      }
    }
    this.parent = new int[levels][];
    for (int l = 0; l + 1 < levels; l++) {
      int[] p = new int[labs.get(l).size()];
      int[] from = new int[p.length];
      java.util.Arrays.fill(p, -1);
      for (int r = 0; r < this.rows.size(); r++) {
        int g = rowGroup[l][r];
        int up = rowGroup[l + 1][r];
        if (p[g] >= 0 && p[g] != up) {
          throw new HierarchyException(name, "row " + (r + 1) + ": its value on level " + l
              + " has another parent on level " + (l + 1) + " on row " + (from[g] + 1)
              + " (rule: one parent per value)");
        }
        if (p[g] < 0) {
          p[g] = up;
          from[g] = r;
        }
      }
      parent[l] = p;
    }
    if (labs.get(levels - 1).size() != 1) {
      int other = 0;
      while (rowGroup[levels - 1][other] == 0) {
        other++;
      }
      throw new HierarchyException(name, "the top level " + (levels - 1) + " holds "
          + labs.get(levels - 1).size() + " values, rows 1 and " + (other + 1)
          + " differ there (rule: a single top value)");
    }
    parent[levels - 1] = new int[] {0};
    this.leafCount = new int[levels][];
    for (int l = 0; l < levels; l++) {
      leafCount[l] = new int[labs.get(l).size()];
      for (int r = 0; r < this.rows.size(); r++) {
        leafCount[l][rowGroup[l][r]]++;
      }
    }
    List<List<String>> frozen = new ArrayList<>();
    for (List<String> l : labs) {
      frozen.add(List.copyOf(l));
    }
    this.labels = List.copyOf(frozen);
    List<Map<String, Integer>> frozenIdx = new ArrayList<>();
    for (Map<String, Integer> m : idx) {
      frozenIdx.add(Map.copyOf(m));
    }
    this.labelIndex = List.copyOf(frozenIdx);
    if (names == null) {
      List<String> defaults = new ArrayList<>();
      for (int l = 0; l < levels; l++) {
        defaults.add("level " + l);
      }
      this.levelNames = List.copyOf(defaults);
    } else {
      if (names.size() != levels) {
        throw new HierarchyException(name, names.size() + " level names given for " + levels
            + " levels (rule: one name per level)");
      }
      for (int l = 0; l < levels; l++) {
        String n = names.get(l);
        if (n == null || n.isBlank() || n.chars().anyMatch(Character::isISOControl)) {
          throw new HierarchyException(name, "the name of level " + l
              + " is blank or holds a control character (rule: printable level names)");
        }
      }
      this.levelNames = List.copyOf(names);
    }
  }

  /**
   * A hierarchy from an explicit table.
   *
   * @param name the name used in messages and reports, usually the variable's name
   * @param rows one row per leaf, one column per level
   * @return the hierarchy
   * @throws HierarchyException naming the hierarchy, row and level if a rule is broken
   */
  public static Hierarchy of(String name, List<List<String>> rows) {
    Objects.requireNonNull(rows, "rows");
    return new Hierarchy(name, rows);
  }

  /**
   * Reads a hierarchy in ARX's CSV layout: one row per value, one column per level, no header, no quoting,
   * blank lines only at the end, within the limits of {@link HierarchyFile}. The hierarchy is named after the
   * file name without extension.
   *
   * @param file the file, UTF-8
   * @param delimiter the column delimiter, {@code ';'} in ARX's files
   * @return the hierarchy
   * @throws HierarchyException naming the file, the row and the level (never a label) if the file cannot be
   *     read, breaks the layout or a limit, or a rule is broken
   */
  public static Hierarchy readArx(Path file, char delimiter) {
    List<List<String>> rows = HierarchyFile.read(file, delimiter);
    try {
      return new Hierarchy(HierarchyFile.nameOf(file), rows);
    } catch (HierarchyException e) {
      throw new HierarchyException(file, e);
    }
  }

  /**
   * Reads a hierarchy in ARX's CSV layout from a reader, as {@link HierarchyFile#read(Reader, String, char)}
   * reads it.
   *
   * @param reader the text, not closed
   * @param name the hierarchy's name
   * @param delimiter the column delimiter
   * @return the hierarchy
   * @throws HierarchyException if the text cannot be read, breaks the layout or a limit, or a rule is broken
   */
  public static Hierarchy readArx(Reader reader, String name, char delimiter) {
    return new Hierarchy(name, HierarchyFile.read(reader, name, delimiter));
  }

  /**
   * Writes the hierarchy in ARX's CSV layout, one line per row, {@code \n} line ends.
   *
   * @param writer the target, not closed
   * @param delimiter the column delimiter
   * @throws HierarchyException if a label contains the delimiter or a line break, or writing fails
   */
  public void writeArx(Writer writer, char delimiter) {
    try {
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        for (int l = 0; l < row.size(); l++) {
          String v = row.get(l);
          if (v.indexOf(delimiter) >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new HierarchyException(name, "row " + (r + 1) + ", level " + l
                + ": the label contains the delimiter or a line break");
          }
          if (l > 0) {
            writer.write(delimiter);
          }
          writer.write(v);
        }
        writer.write('\n');
      }
      writer.flush();
    } catch (IOException e) {
      throw new HierarchyException(name, "cannot write (an I/O error)", e);
    }
  }

  /**
   * Writes the hierarchy to a file in ARX's CSV layout (UTF-8).
   *
   * @param file the file, replaced if it exists
   * @param delimiter the column delimiter
   * @throws HierarchyException if writing fails
   */
  public void writeArx(Path file, char delimiter) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeArx(w, delimiter);
    } catch (IOException e) {
      throw new HierarchyException(file, new HierarchyException(name, "cannot write (an I/O error)", e));
    } catch (UncheckedIOException e) {
      throw new HierarchyException(file, new HierarchyException(name, "cannot write (an I/O error)", e));
    }
  }

  /** @return the name used in messages and reports */
  public String name() {
    return name;
  }

  /**
   * The same hierarchy under another name.
   *
   * @param newName the name
   * @return a hierarchy with the same rows
   * @throws HierarchyException if the name is blank
   */
  public Hierarchy withName(String newName) {
    return new Hierarchy(newName, rows, levelNames);
  }

  /**
   * The same hierarchy with names for its levels, as reports show them.
   *
   * @param names one name per level, level 0 first, each non-blank without control characters
   * @return a hierarchy with the same name and rows
   * @throws HierarchyException if the number of names differs from {@link #levels()} or a name is blank or
   *     holds a control character
   */
  public Hierarchy withLevelNames(List<String> names) {
    Objects.requireNonNull(names, "names");
    return new Hierarchy(name, rows, new ArrayList<>(names));
  }

  /**
   * The names of the levels, level 0 first: {@code level 0}, {@code level 1}, ... for a hierarchy read from a
   * file or built with {@link #of(String, List)}; the builders of {@link Hierarchies} and
   * {@link SchemaHierarchies} name theirs (for example {@code year}, {@code 5-year period}, {@code *}).
   *
   * @return the names, one per level; immutable
   */
  public List<String> levelNames() {
    return levelNames;
  }

  /**
   * The name of one level.
   *
   * @param level the level
   * @return its name
   * @throws IndexOutOfBoundsException if the level is out of range
   */
  public String levelName(int level) {
    return levelNames.get(Objects.checkIndex(level, levels));
  }

  /** @return the rows, one per leaf, one column per level; immutable */
  public List<List<String>> rows() {
    return rows;
  }

  /** @return the number of levels, at least 1 (level 0 is the original value) */
  public int levels() {
    return levels;
  }

  /** @return the height, the highest level: {@code levels() - 1} */
  public int height() {
    return levels - 1;
  }

  /**
   * The distinct labels of a level, in the order of first appearance.
   *
   * @param level the level
   * @return the labels; level 0 lists the leaves
   * @throws IndexOutOfBoundsException if the level is out of range
   */
  public List<String> labels(int level) {
    return labels.get(Objects.checkIndex(level, levels));
  }

  /** @return the leaves (level-0 values) in row order */
  public List<String> leaves() {
    return labels.get(0);
  }

  /**
   * Whether a value is a leaf.
   *
   * @param value the value
   * @return true if a row starts with it
   */
  public boolean covers(String value) {
    return labelIndex.get(0).containsKey(value);
  }

  /**
   * The generalisation of a leaf at a level.
   *
   * @param value a leaf
   * @param level the level
   * @return the label, or empty if the value is not a leaf
   * @throws IndexOutOfBoundsException if the level is out of range
   */
  public Optional<String> generalise(String value, int level) {
    Objects.checkIndex(level, levels);
    Integer r = labelIndex.get(0).get(value);
    return r == null ? Optional.empty() : Optional.of(labels.get(level).get(rowGroup[level][r]));
  }

  /**
   * The index of a label within {@link #labels(int)} of a level.
   *
   * @param level the level
   * @param label the label
   * @return the index, or -1 if the level has no such label
   */
  public int indexOf(int level, String label) {
    Integer i = labelIndex.get(Objects.checkIndex(level, levels)).get(label);
    return i == null ? -1 : i;
  }

  /**
   * For every leaf index, the index of its label at a level.
   *
   * @param level the level
   * @return a new array, one entry per leaf in {@link #leaves()} order
   */
  public int[] leafToLevel(int level) {
    return rowGroup[Objects.checkIndex(level, levels)].clone();
  }

  /**
   * The index of the parent on the next level of every label of a level.
   *
   * @param level a level below the top
   * @return a new array, one entry per label of the level
   */
  public int[] parents(int level) {
    return parent[Objects.checkIndex(level, levels)].clone();
  }

  /**
   * How many leaves lie under each label of a level.
   *
   * @param level the level
   * @return a new array, one count per label of the level
   */
  public int[] leafCounts(int level) {
    return leafCount[Objects.checkIndex(level, levels)].clone();
  }

  /**
   * Checks that every value is a leaf. The values come from the data, so the error never quotes one: it
   * gives the position of the first uncovered value in the collection's iteration order and how many are
   * not covered.
   *
   * @param values the values of the data (codes of a closed value set, or numbers written in decimal)
   * @throws HierarchyException naming the hierarchy, level 0, the position of the first uncovered value and
   *     the number of uncovered values
   */
  public void checkCovers(Collection<String> values) {
    long first = -1;
    long uncovered = 0;
    long i = 0;
    for (String v : values) {
      i++;
      if (!covers(v)) {
        uncovered++;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (uncovered > 0) {
      throw new HierarchyException(name, uncovered + " value(s) of the data are not on level 0, the first at"
          + " position " + first + " of " + values.size() + " (values are not quoted)");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hierarchy h && h.name.equals(name) && h.rows.equals(rows) && h.levelNames.equals(levelNames);
  }

  @Override
  public int hashCode() {
    return (31 * name.hashCode() + rows.hashCode()) * 31 + levelNames.hashCode();
  }

  /** @return the name, the number of leaves and of levels */
  @Override
  public String toString() {
    return "Hierarchy[" + name + ", " + rows.size() + " values, " + levels + " levels]";
  }
}
