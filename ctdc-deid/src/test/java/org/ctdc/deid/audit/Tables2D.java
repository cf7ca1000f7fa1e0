package org.ctdc.deid.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds 2-D test tables with all margins published. */
final class Tables2D {
  private Tables2D() {}

  static List<String> codes(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + (char) ('a' + i));
    }
    return out;
  }

  static PublishedTableDefinition definition(String name, List<String> rows, List<String> cols) {
    return PublishedTableDefinition.of(name, List.of(
        TableDimension.flat("row", "Total", rows), TableDimension.flat("col", "Total", cols)));
  }

  /** All cells and margins; cells whose "row|col" key is in {@code primary}/{@code secondary} suppressed. */
  static PublishedTable table(String name, List<String> rows, List<String> cols, long[][] v,
      Set<String> primary, Set<String> secondary) {
    List<PublishedRow> out = new ArrayList<>();
    long total = 0;
    long[] colSum = new long[cols.size()];
    for (int i = 0; i < rows.size(); i++) {
      long rowSum = 0;
      for (int j = 0; j < cols.size(); j++) {
        String key = rows.get(i) + "|" + cols.get(j);
        if (primary.contains(key)) {
          out.add(PublishedRow.suppressed(PublishedStatus.PRIMARY, rows.get(i), cols.get(j)));
        } else if (secondary.contains(key)) {
          out.add(PublishedRow.suppressed(PublishedStatus.SECONDARY, rows.get(i), cols.get(j)));
        } else {
          out.add(PublishedRow.published(v[i][j], rows.get(i), cols.get(j)));
        }
        rowSum += v[i][j];
        colSum[j] += v[i][j];
      }
      out.add(PublishedRow.published(rowSum, rows.get(i), "Total"));
      total += rowSum;
    }
    for (int j = 0; j < cols.size(); j++) {
      out.add(PublishedRow.published(colSum[j], "Total", cols.get(j)));
    }
    out.add(PublishedRow.published(total, "Total", "Total"));
    return PublishedTable.of(definition(name, rows, cols), out);
  }
}
