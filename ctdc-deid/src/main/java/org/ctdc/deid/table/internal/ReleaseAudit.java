package org.ctdc.deid.table.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.CellInterval;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.TableException;

/**
 * The one adapter to the independent audit ({@code org.ctdc.deid.audit}, written separately): it reads the
 * files exactly as written and audits them together. Stateless.
 */
public final class ReleaseAudit {
  private ReleaseAudit() {}

  /**
   * Audits written tables; throws when the audit rejects the release.
   *
   * @param files pairs {csv, definition json}
   * @param minWidth the width required of every primary cell
   * @return the audit's result
   * @throws TableException naming the exposed cells (codes only) when the audit fails
   */
  public static AuditResult auditOrFail(List<Path[]> files, long minWidth) {
    return auditOrFail(files, minWidth, org.ctdc.schema.Cancellation.none());
  }

  /**
   * Audits written tables watching a cancellation signal; throws when the audit rejects the release.
   *
   * @param files pairs {csv, definition json}
   * @param minWidth the width required of every primary cell
   * @param cancellation the signal, checked throughout the audit
   * @return the audit's result
   * @throws TableException naming the exposed cells (codes only) when the audit fails
   * @throws org.ctdc.schema.OperationCancelledException when the signal is raised
   */
  public static AuditResult auditOrFail(List<Path[]> files, long minWidth, org.ctdc.schema.Cancellation cancellation) {
    return auditOrFail(files, null, minWidth, cancellation);
  }

  /**
   * Audits written tables whose confidential levels files are in their own folder.
   *
   * @param files pairs {csv, definition json}
   * @param levelsDir the folder of the levels files the definitions name, or null for each definition's own
   * @param minWidth the width required of every primary cell
   * @param cancellation the signal, checked throughout the audit
   * @return the audit's result
   * @throws TableException naming the exposed cells (codes only) when the audit fails
   */
  public static AuditResult auditOrFail(List<Path[]> files, @org.jspecify.annotations.Nullable Path levelsDir,
      long minWidth, org.ctdc.schema.Cancellation cancellation) {
    List<PublishedTable> tables = new ArrayList<>();
    for (Path[] f : files) {
      tables.add(levelsDir == null ? PublishedTable.read(f[0], f[1]) : PublishedTable.read(f[0], f[1], levelsDir));
    }
    AuditResult r = TableAudit.builder()
        .options(AuditOptions.builder().minWidth(minWidth).secondaryIntervals(false).build())
        .cancellation(cancellation).build().audit(tables);
    if (!r.passed()) {
      List<String> cells = new ArrayList<>();
      for (CellInterval c : r.exposedPrimaries()) {
        cells.add(c.cell().table() + "[" + String.join("|", c.cell().codes()) + "]");
      }
      throw new TableException("audit rejected the release: exposed primary cells " + cells);
    }
    return r;
  }
}
