package org.ctdc.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.Tabulation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.VariableKind;

/**
 * Why the rows of a tabulation were left out of its table, counted by reason and variable, for the demo's
 * {@code tables-report.json} and {@code report.html}. A row is left out, in the order {@link Tabulation} decides
 * it, when it is outside a flag group's denominator (a flag of the group is missing, with the missing value's
 * reason, a flag not collected by the row's source named first, or no flag of the group is set), when a variable of a dimension is missing (with its reason: unknown,
 * not collected by the row's source, not applicable, suppressed), or when its value is not a leaf of the
 * dimension. Only counts, reason codes and variable names are kept, never a value. Thread-safe (stateless).
 */
final class RowsLeftOut {
  private RowsLeftOut() {}

  /** The reason code of a row outside a flag group's denominator with every flag known and none set. */
  static final String NO_FLAG_SET = "noFlagOfGroupSet";

  /**
   * Which missing flag of a group names the reason of a row with several: a flag its source does not collect
   * first (a property of the source, such as a hotline's), then not applicable, suppressed, unknown.
   */
  private static final List<MissingReason> PRIORITY = List.of(MissingReason.NOT_COLLECTED,
      MissingReason.NOT_APPLICABLE, MissingReason.SUPPRESSED, MissingReason.UNKNOWN);

  /** The reason code of a row whose value is not a leaf of the dimension. */
  static final String NOT_A_LEAF = "notALeaf";

  /**
   * Rows left out for one reason.
   *
   * @param reason a reason code: a missing reason ({@code unknown}, {@code notCollected}, {@code notApplicable},
   *     {@code suppressed}), {@value #NOT_A_LEAF} or {@value #NO_FLAG_SET}
   * @param variable the variable whose value left the row out; empty for {@value #NO_FLAG_SET}
   * @param rows how many rows
   */
  record Count(String reason, Optional<String> variable, int rows) {
    /** @return the count as a JSON object: reason, variable when there is one, rows */
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reason", reason);
      variable.ifPresent(v -> m.put("variable", v));
      m.put("rows", rows);
      return m;
    }
  }

  /**
   * Counts why the rows of a tabulation were left out; the counts add up to {@link Tabulation.Result#rowsLeftOut()}.
   *
   * @param data the records tabulated
   * @param result the tabulation
   * @param definition the table
   * @param variables one variable per dimension, as tabulated
   * @param leafOf per dimension name, the map code → leaf used
   * @param flagGroup the flags of the group whose denominator filtered the rows (every flag known, one set), or
   *     empty when no filter was used
   * @return the counts, most rows first (ties by reason, then variable)
   */
  static List<Count> count(Dataset data, Tabulation.Result result, TableDefinition definition, List<String> variables,
      Map<String, Map<String, String>> leafOf, List<String> flagGroup) {
    int[] cellOfRow = result.cellOfRow();
    int[] flagCols = flagGroup.stream().mapToInt(data::column).toArray();
    int[] cols = variables.stream().mapToInt(data::column).toArray();
    List<Dimension> dims = definition.dimensions();
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (int row = 0; row < cellOfRow.length; row++) {
      if (cellOfRow[row] >= 0) {
        continue;
      }
      counts.merge(why(data, row, flagCols, cols, dims, leafOf), 1, Integer::sum);
    }
    List<Count> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new Count(k.get(0), k.get(1).isEmpty() ? Optional.empty() : Optional.of(k.get(1)), n)));
    out.sort(Comparator.comparingInt(Count::rows).reversed().thenComparing(Count::reason)
        .thenComparing(c -> c.variable().orElse("")));
    return out;
  }

  /** @return the reason code and the variable (empty when none) that left a row out */
  private static List<String> why(Dataset data, int row, int[] flagCols, int[] cols, List<Dimension> dims,
      Map<String, Map<String, String>> leafOf) {
    if (flagCols.length > 0) {
      boolean set = false;
      int first = -1;
      int best = PRIORITY.size();
      for (int c : flagCols) {
        Optional<MissingReason> missing = data.missingReason(row, c);
        if (missing.isPresent()) {
          if (PRIORITY.indexOf(missing.get()) < best) {
            first = c;
            best = PRIORITY.indexOf(missing.get());
          }
        } else {
          set |= data.code(row, c) == 1;
        }
      }
      if (first >= 0) {
        return List.of(code(PRIORITY.get(best)), data.variable(first).name());
      }
      if (!set) {
        return List.of(NO_FLAG_SET, "");
      }
    }
    for (int i = 0; i < cols.length; i++) {
      Optional<MissingReason> missing = data.missingReason(row, cols[i]);
      String name = data.variable(cols[i]).name();
      if (missing.isPresent()) {
        return List.of(code(missing.get()), name);
      }
      Map<String, String> m = leafOf.get(dims.get(i).name());
      String value = value(data, row, cols[i]);
      String leaf = m == null ? value : m.get(value);
      if (leaf == null || !dims.get(i).isLeaf(leaf)) {
        return List.of(NOT_A_LEAF, name);
      }
    }
    // a row Tabulation left out for a reason this class does not know (a magnitude's missing value)
    return List.of("other", "");
  }

  /** The category of a known value as {@link Tabulation} reads it: flags 0/1, else the release token. */
  private static String value(Dataset data, int row, int col) {
    return data.variable(col).kind() == VariableKind.FLAG ? (data.code(row, col) == 1 ? "1" : "0")
        : data.token(row, col);
  }

  /** @return a missing reason's code: {@code unknown}, {@code notCollected}, {@code notApplicable}, {@code suppressed} */
  static String code(MissingReason reason) {
    String[] words = reason.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return b.toString();
  }

  /**
   * A count in words for the report, such as {@code 10000: isForcedLabour not collected by the row's source}.
   *
   * @param reason the reason code
   * @param variable the variable, if any
   * @param rows the rows
   * @return the words
   */
  static String words(String reason, Optional<String> variable, long rows) {
    String what = switch (reason) {
      case "unknown" -> "unknown";
      case "notCollected" -> "not collected by the row's source";
      case "notApplicable" -> "not applicable";
      case "suppressed" -> "suppressed";
      case NOT_A_LEAF -> "not a category of the table";
      case NO_FLAG_SET -> "no flag of the group set (the linked tables count only rows with one set)";
      default -> "another reason";
    };
    return rows + ": " + variable.map(v -> v + " ").orElse("") + what;
  }
}
