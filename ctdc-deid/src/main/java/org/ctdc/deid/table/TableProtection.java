package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.ctdc.deid.audit.CellProtection;
import org.ctdc.deid.audit.CellRef;
import org.ctdc.deid.audit.PublishedTable;

/**
 * The result of protecting linked tables: the tables to publish, one report per table and, per table, the
 * confidential protection levels of its primary cells (magnitude tables protected by suppression; empty
 * otherwise), in input order.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tables the protected tables
 * @param reports the reports
 * @param levels per table, its primaries' protection levels (confidential: for the audit, never published)
 */
public record TableProtection(List<ProtectedTable> tables, List<TableReport> reports,
    List<List<ProtectionLevel>> levels) {
  /**
   * Copies.
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  public TableProtection {
    tables = List.copyOf(tables);
    reports = List.copyOf(reports);
    levels = levels.stream().map(List::copyOf).toList();
    if (levels.size() != tables.size()) {
      throw new IllegalArgumentException("one list of levels per table");
    }
  }

  /**
   * A result without protection levels.
   *
   * @param tables the protected tables
   * @param reports the reports
   */
  public TableProtection(List<ProtectedTable> tables, List<TableReport> reports) {
    this(tables, reports, tables.stream().map(t -> List.<ProtectionLevel>of()).toList());
  }

  /**
   * The protected tables as the audit reads them, in memory (issue 16), with the default width of the
   * written files ({@link OutputOptions#defaults()}: 1): {@code TableAudit.of().audit(protection.published())}
   * gives the same result as auditing the files {@link TableWriter} writes with the default options, read back
   * with their levels files.
   *
   * @return one table per protected table, in order, each with its primaries' protection levels
   */
  public List<PublishedTable> published() {
    return published(OutputOptions.defaults().minWidth());
  }

  /**
   * The protected tables as the audit reads them, in memory, as {@link #published()} with the width the
   * audit requires of every primary cell (the {@link OutputOptions#minWidth()} the files would carry).
   *
   * @param minWidth the width, at least 1
   * @return one table per protected table, in order, each with its primaries' protection levels (the
   *     confidential {@code NAME.levels.json} of the files)
   * @throws IllegalArgumentException if {@code minWidth} is below 1
   */
  public List<PublishedTable> published(long minWidth) {
    List<PublishedTable> out = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      ProtectedTable t = tables.get(i);
      PublishedTable p = t.published(minWidth);
      if (!levels.get(i).isEmpty()) {
        Map<CellRef, CellProtection> protections = new LinkedHashMap<>();
        for (ProtectionLevel l : levels.get(i)) {
          protections.put(new CellRef(t.definition().name(), l.nodes()), new CellProtection(l.value(), l.lower(),
              l.upper(), l.respondent() >= 0 ? OptionalInt.of(l.respondent()) : OptionalInt.empty()));
        }
        p = p.withLevels(protections);
      }
      out.add(p);
    }
    return List.copyOf(out);
  }
}
