package org.ctdc.deid.verify.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.deid.verify.VerificationException;
import org.ctdc.schema.internal.Shown;

/**
 * A validated hierarchy in ARX's layout, as the verifier reads it: the nodes of every level, each node's
 * parent, and for every value the set of levels it occurs at. Immutable and thread-safe. Not API.
 */
public final class HierarchyTable {
  /**
   * The most levels a declared hierarchy may have (bit j of a value's level mask is level j): 64, the same
   * bound as the de-identification's, kept here because the verifier shares no code with it.
   */
  public static final int MAX_LEVELS = 64;

  private final String name;
  private final int height;
  /** nodes per level: value to node index within the level. */
  private final List<Map<String, Integer>> nodes;
  /** parent[j][i]: index at level j+1 of node i of level j. */
  private final int[][] parent;
  private final Map<String, Long> levelMask;

  private HierarchyTable(
      String name, int height, List<Map<String, Integer>> nodes, int[][] parent, Map<String, Long> levelMask) {
    this.name = name;
    this.height = height;
    this.nodes = nodes;
    this.parent = parent;
    this.levelMask = levelMask;
  }

  /**
   * Validates and indexes ARX rows.
   *
   * @param name the variable the hierarchy belongs to, for messages
   * @param rows one row per leaf, one column per level
   * @return the table
   * @throws VerificationException naming the variable, row and level when malformed
   */
  public static HierarchyTable parse(String name, List<List<String>> rows) {
    String shown = Shown.name(name);
    if (rows.isEmpty()) {
      throw new VerificationException("hierarchy of '" + shown + "' has no rows");
    }
    int width = rows.get(0).size();
    if (width < 1) {
      throw new VerificationException("hierarchy of '" + shown + "' row 1 has no columns");
    }
    if (width > MAX_LEVELS) {
      throw new VerificationException("hierarchy of '" + shown + "' row 1: more than " + MAX_LEVELS
          + " levels (limit)");
    }
    List<Map<String, Integer>> nodes = new ArrayList<>();
    List<List<Integer>> parents = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      nodes.add(new HashMap<>());
      parents.add(new ArrayList<>());
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != width) {
        throw new VerificationException(
            "hierarchy of '" + shown + "' row " + (r + 1) + " has " + row.size() + " levels, row 1 has " + width
                + " (rule: equal row lengths)");
      }
      int[] idx = new int[width];
      for (int j = 0; j < width; j++) {
        Map<String, Integer> level = nodes.get(j);
        List<Integer> ps = parents.get(j);
        Integer i = level.get(row.get(j));
        if (i == null) {
          i = ps.size();
          level.put(row.get(j), i);
          ps.add(-1);
        }
        idx[j] = i;
      }
      for (int j = 0; j + 1 < width; j++) {
        int p = parents.get(j).get(idx[j]);
        if (p < 0) {
          parents.get(j).set(idx[j], idx[j + 1]);
        } else if (p != idx[j + 1]) {
          throw new VerificationException(
              "hierarchy of '" + shown + "' row " + (r + 1) + ": a value of level " + j
                  + " has two different parents at level " + (j + 1) + " (rule: one parent per level)");
        }
      }
    }
    if (nodes.get(width - 1).size() != 1) {
      throw new VerificationException(
          "hierarchy of '" + shown + "' has " + nodes.get(width - 1).size() + " values at its top level "
              + (width - 1) + " (rule: a single top value)");
    }
    int[][] parent = new int[width][];
    for (int j = 0; j < width; j++) {
      List<Integer> ps = parents.get(j);
      parent[j] = new int[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        parent[j][i] = ps.get(i);
      }
    }
    Map<String, Long> mask = new HashMap<>();
    for (int j = 0; j < width; j++) {
      final long bit = 1L << j;
      nodes.get(j).keySet().forEach(v -> mask.merge(v, bit, (a, b) -> a | b));
    }
    List<Map<String, Integer>> frozen = new ArrayList<>();
    nodes.forEach(m -> frozen.add(Map.copyOf(m)));
    return new HierarchyTable(name, width - 1, List.copyOf(frozen), parent, Map.copyOf(mask));
  }

  /** @return the variable name */
  public String name() {
    return name;
  }

  /** @return the height: the index of the top level */
  public int height() {
    return height;
  }

  /**
   * The levels a value occurs at.
   *
   * @param value a value
   * @return bit j set when the value is a node of level j; 0 when it is not in the hierarchy
   */
  public long levels(String value) {
    return levelMask.getOrDefault(value, 0L);
  }

  /**
   * Number of nodes of a level.
   *
   * @param level the level
   * @return the count
   */
  public int size(int level) {
    return parent[level].length;
  }

  /**
   * The index of a value among the nodes of a level.
   *
   * @param level the level
   * @param value the value
   * @return the index, or -1 when the value is not a node of that level
   */
  public int index(int level, String value) {
    Integer i = nodes.get(level).get(value);
    return i == null ? -1 : i;
  }

  /**
   * The parent of a node.
   *
   * @param level the node's level, below the top
   * @param index the node's index within the level
   * @return the parent's index at level + 1
   */
  public int parent(int level, int index) {
    return parent[level][index];
  }
}
