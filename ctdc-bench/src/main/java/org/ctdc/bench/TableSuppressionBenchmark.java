package org.ctdc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.audit.TableDimension;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary suppression of a 3-dimensional count table with hierarchical margins (each dimension: groups of
 * five leaves under a total, all margins published), counts exponential with mean 100, primaries below a
 * threshold. {@code suppress}: primary + hypercube secondary suppression + the built-in check (exact LP up
 * to 150 variables, witness verification above). {@code suppressAndAudit}: the same plus the independent
 * {@code TableAudit} of the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TableSuppressionBenchmark {
  /** Leaves per dimension. */
  @Param({"5x5x4", "10x10x10", "25x20x20"})
  public String shape;

  /** Counts below this are primary (3 gives about 3 % of inner cells). */
  @Param({"3"})
  public int threshold;

  private Table table;
  private SuppressionRules rules;
  private org.ctdc.deid.audit.PublishedTableDefinition auditDef;

  /** Builds the table (seeded). */
  @Setup(Level.Trial)
  public void setup() {
    int[] n = java.util.Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
    List<Dimension> dims = new ArrayList<>();
    List<TableDimension> adims = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      Map<String, List<String>> h = new LinkedHashMap<>();
      List<String> groups = new ArrayList<>();
      for (int g = 0; g * 5 < n[d]; g++) {
        String gn = "d" + d + "g" + g;
        groups.add(gn);
        List<String> leaves = new ArrayList<>();
        for (int l = g * 5; l < Math.min(n[d], g * 5 + 5); l++) {
          leaves.add("d" + d + "_" + l);
        }
        h.put(gn, leaves);
      }
      Map<String, List<String>> ordered = new LinkedHashMap<>();
      ordered.put("Total", groups);
      ordered.putAll(h);
      dims.add(Dimension.hierarchical("d" + d, "Total", ordered));
      adims.add(new TableDimension("d" + d, "Total", ordered));
    }
    TableDefinition def = TableDefinition.of("bench", dims);
    Random rnd = new Random(20240501L);
    long[] inner = new long[(int) def.innerCellCount()];
    for (int i = 0; i < inner.length; i++) {
      inner[i] = (long) Math.floor(-Math.log(1 - rnd.nextDouble()) * 100);
    }
    table = Table.ofCounts(def, inner);
    rules = SuppressionRules.ctdcDefaults().withThreshold(threshold, SuppressionRules.ThresholdBound.LESS_THAN);
    auditDef = org.ctdc.deid.audit.PublishedTableDefinition.of("bench", adims).withMinWidth(1);
  }

  /**
   * Primary and secondary suppression with the built-in check.
   *
   * @return the protection
   */
  @Benchmark
  public TableProtection suppress() {
    return TableProtector.of(rules).suppress(table);
  }

  /**
   * Suppression and the independent audit of the result.
   *
   * @return the audit result
   */
  @Benchmark
  public AuditResult suppressAndAudit() {
    TableProtection p = TableProtector.of(rules).suppress(table);
    List<PublishedRow> rows = new ArrayList<>();
    for (ProtectedTable.Cell c : p.tables().get(0).cells()) {
      String[] codes = c.nodes().toArray(new String[0]);
      PublishedStatus s = PublishedStatus.fromToken(c.status().token()).orElseThrow();
      rows.add(c.value().isPresent() ? new PublishedRow(c.nodes(), OptionalDouble.of(c.value().getAsLong()), s)
          : PublishedRow.suppressed(s, codes));
    }
    return TableAudit.of(AuditOptions.builder().minWidth(1).secondaryIntervals(false).build()).audit(List.of(PublishedTable.of(auditDef, rows)));
  }
}
