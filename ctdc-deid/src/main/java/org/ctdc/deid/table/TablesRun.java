package org.ctdc.deid.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.internal.ReleaseAudit;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;

/**
 * The whole tables job: tabulate every table of a {@link TablesConfig} from a {@link Dataset}, protect them
 * with the configured method, write them ({@link TableWriter}), and, for suppression, run the independent
 * audit ({@code org.ctdc.deid.audit.TableAudit}) on the files as written: a release the audit rejects
 * fails with {@link TableException}.
 *
 * <p>Tables tabulated over exactly the same records (same rows left out) are linked and protected together;
 * the tables of a flag group are linked with each other. Magnitude tables are protected one by one.
 *
 * <p>Rounding and cell-key outputs are not additive: their files are not audited as exact equations (the
 * report says so).
 *
 * <p>Progress and cancellation: {@link #run(TablesConfig, Dataset, Path, ProgressListener, Cancellation)}
 * reports, for suppression, stage {@value TableProtector#SECONDARY_SUPPRESSION} and then stage {@value
 * TableAudit#AUDITING}, each counting groups of linked tables (a table that is linked with no other is a
 * group of its own) out of their number, and stops with {@link OperationCancelledException} when the signal
 * is raised; the signal is checked throughout the protection and the audit of each group. A cancelled run
 * deletes the files it has already written, so it leaves no output. The listener and signal are arguments
 * of the run, not parts of the {@link TablesConfig} record, so that they take no part in its equality and
 * the configuration stays a reusable value.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class TablesRun {
  private TablesRun() {}

  /**
   * The outcome.
   *
   * @param reports one per table
   * @param files the files written
   * @param rowsLeftOut per table in configuration order, rows left out of its tabulation
   */
  public record Outcome(List<TableReport> reports, List<Path> files, Map<String, Integer> rowsLeftOut) {
    /** Copies. */
    public Outcome {
      reports = List.copyOf(reports);
      files = List.copyOf(files);
      rowsLeftOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsLeftOut));
    }
  }

  /**
   * Runs the job.
   *
   * @param config the configuration
   * @param data the records, under the configuration's schema
   * @param outDir the output directory
   * @return reports and files
   * @throws TableException on an invalid configuration, a primary that cannot be protected, or an audit
   *     that rejects the release
   */
  public static Outcome run(TablesConfig config, Dataset data, Path outDir) {
    return run(config, data, outDir, ProgressListener.none(), Cancellation.none());
  }

  /**
   * Runs the job as {@link #run(TablesConfig, Dataset, Path)}, reporting progress and watching a cancellation
   * signal. The files written are identical.
   *
   * @param config the configuration
   * @param data the records, under the configuration's schema
   * @param outDir the output directory
   * @param progress receives stages {@value TableProtector#SECONDARY_SUPPRESSION} and {@value
   *     TableAudit#AUDITING} (groups of linked tables done, out of their number); called on the calling thread
   * @param cancellation the signal to watch, {@link Cancellation#none()} for none
   * @return reports and files
   * @throws OperationCancelledException if the signal is raised before the run ends; the files this run
   *     wrote are deleted
   * @throws TableException on an invalid configuration, a primary that cannot be protected, or an audit
   *     that rejects the release; the files this run wrote are deleted
   */
  public static Outcome run(TablesConfig config, Dataset data, Path outDir, ProgressListener progress,
      Cancellation cancellation) {
    return run(config, data, outDir, null, progress, cancellation);
  }

  /**
   * Runs the job as {@link #run(TablesConfig, Dataset, Path, ProgressListener, Cancellation)}, writing the
   * confidential levels files of magnitude tables ({@code NAME.levels.json}: the values and protection levels
   * of their primary cells) into {@code levelsDir}, a folder outside the publication folder. A configuration
   * whose tables have protection levels needs this call: the levels file is never written beside the tables.
   *
   * @param config the configuration
   * @param data the records, under the configuration's schema
   * @param outDir the output directory of the publishable files
   * @param levelsDir the directory of the levels files, outside {@code outDir}; null when no table has levels
   * @param progress as {@link #run(TablesConfig, Dataset, Path, ProgressListener, Cancellation)}
   * @param cancellation the signal to watch, {@link Cancellation#none()} for none
   * @return reports and files (the levels files included)
   * @throws TableException as the other calls, and when a table has protection levels but no levels folder
   *     outside {@code outDir} was given (before anything is written)
   */
  public static Outcome run(TablesConfig config, Dataset data, Path outDir, @org.jspecify.annotations.Nullable Path levelsDir,
      ProgressListener progress, Cancellation cancellation) {
    java.util.Objects.requireNonNull(progress, "progress");
    if (levelsDir != null && levelsDir.toAbsolutePath().normalize().startsWith(outDir.toAbsolutePath().normalize())) {
      throw new TableException("the folder of the confidential levels files must be outside the publication"
          + " folder: it holds the values of suppressed cells");
    }
    cancellation.throwIfCancelled(TableProtector.OPERATION);
    record Tab(Tabulation.Result result, Object population) {}
    List<Tab> tabs = new ArrayList<>();
    Map<String, Integer> left = new LinkedHashMap<>();
    for (TablesConfig.TableSpec spec : config.tables()) {
      List<Dimension> dims = new ArrayList<>();
      List<String> vars = new ArrayList<>();
      for (String dn : spec.dimensions()) {
        dims.add(config.dimensions().get(dn));
        vars.add(config.variables().get(dn));
      }
      if (spec.flagGroup().isEmpty()) {
        TableDefinition def = margins(TableDefinition.of(spec.name(), dims), spec);
        Tabulation.Result r = Tabulation.tabulate(data, def, vars, config.leafMaps(), spec.magnitude(), Optional.empty());
        tabs.add(new Tab(r, spec.magnitude().isPresent() ? "magnitude:" + spec.name() : population(r)));
        left.put(def.name(), r.rowsLeftOut());
      } else {
        boolean[] denom = Tabulation.flagGroupDenominator(data, spec.flagGroup());
        for (TableDefinition d0 : Tabulation.flagGroup(spec.name(), spec.flagGroup(), dims)) {
          TableDefinition def = margins(d0, spec);
          List<String> v = new ArrayList<>();
          v.add(def.dimensions().get(0).name());
          v.addAll(vars);
          Tabulation.Result r = Tabulation.tabulate(data, def, v, config.leafMaps(), spec.magnitude(), Optional.of(denom));
          tabs.add(new Tab(r, List.of("group:" + spec.name(), population(r))));
          left.put(def.name(), r.rowsLeftOut());
        }
      }
    }
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < tabs.size(); i++) {
      groups.computeIfAbsent(tabs.get(i).population(), k -> new ArrayList<>()).add(i);
    }
    ProtectedTable[] out = new ProtectedTable[tabs.size()];
    List<List<ProtectionLevel>> levels = new ArrayList<>(java.util.Collections.nCopies(tabs.size(), List.of()));
    TableReport[] reports = new TableReport[tabs.size()];
    boolean suppression = config.method() == TablesConfig.Method.SUPPRESSION;
    ProgressListener stages = suppression ? progress : ProgressListener.none();
    stages.onProgress(TableProtector.SECONDARY_SUPPRESSION, 0, groups.size());
    int groupsDone = 0;
    for (List<Integer> g : groups.values()) {
      cancellation.throwIfCancelled(TableProtector.OPERATION);
      List<Table> linked = new ArrayList<>();
      g.forEach(i -> linked.add(tabs.get(i).result().table()));
      TableProtection tp = switch (config.method()) {
        case SUPPRESSION -> TableProtector.suppress(linked, config.rules(), ProgressListener.none(), cancellation);
        case ROUND_TO_BASE, ROUND_DOWN -> round(linked, config);
        case CELL_KEY -> cellKey(linked, g.stream().map(i -> tabs.get(i).result()).toList(), config,
            recordKeys(data, config));
      };
      for (int k = 0; k < g.size(); k++) {
        out[g.get(k)] = tp.tables().get(k);
        levels.set(g.get(k), tp.levels().get(k));
        reports[g.get(k)] = tp.reports().get(k);
      }
      stages.onProgress(TableProtector.SECONDARY_SUPPRESSION, ++groupsDone, groups.size());
    }
    cancellation.throwIfCancelled(TableProtector.OPERATION);
    if (levelsDir == null) {
      for (int i = 0; i < out.length; i++) {
        if (!levels.get(i).isEmpty()) {
          throw new TableException("table '" + org.ctdc.schema.internal.Shown.name(out[i].definition().name())
              + "': its primary cells have protection levels, which are confidential (they hold the values of"
              + " suppressed cells) and never written beside the tables; give a folder for them outside the"
              + " publication folder (ctdc tables --levels-out DIR; TablesRun.run with a levelsDir)");
        }
      }
    }
    Path levelsOut = levelsDir == null ? outDir : levelsDir;
    List<Path> files = new ArrayList<>();
    try {
      List<Path[]> audited = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        ProtectedTable t = out[i];
        List<Path> f = TableWriter.write(t, levels.get(i), outDir, levelsOut, config.output());
        reports[i] = reports[i].withFormulaCellsNeutralised(TableWriter.neutralisedCells(t, config.output()));
        files.addAll(f);
        audited.add(new Path[] {f.get(0), f.get(1)});
      }
      if (suppression) {
        stages.onProgress(TableAudit.AUDITING, 0, groups.size());
        int audits = 0;
        for (List<Integer> g : groups.values()) {
          List<Path[]> linked = new ArrayList<>();
          g.forEach(i -> linked.add(audited.get(i)));
          ReleaseAudit.auditOrFail(linked, levelsOut, config.rules().minWidth(), cancellation);
          stages.onProgress(TableAudit.AUDITING, ++audits, groups.size());
        }
      }
      cancellation.throwIfCancelled(TableAudit.OPERATION);
    } catch (RuntimeException e) {
      // cancelled, an audit that rejects the release, or a file that cannot be written: no table of this
      // run may stay behind looking publishable
      deleteQuietly(files);
      throw e;
    }
    List<String> lines = new ArrayList<>();
    for (TableReport r : reports) {
      lines.addAll(r.lines());
    }
    Path report = outDir.resolve("tables-report.txt");
    try {
      org.ctdc.schema.AtomicFiles.writeString(report, String.join("\n", lines) + "\n");
    } catch (RuntimeException e) {
      deleteQuietly(files);
      throw e;
    }
    files.add(report);
    return new Outcome(Arrays.asList(reports), files, left);
  }

  /**
   * Deletes the files of a run that failed or was cancelled; a file that cannot be deleted is left (it is
   * complete, not partial, and the caller learns of the failure either way).
   */
  private static void deleteQuietly(List<Path> files) {
    for (Path f : files) {
      try {
        java.nio.file.Files.deleteIfExists(f);
      } catch (java.io.IOException ignored) {
        // a complete file of a cancelled run; the caller learns of the cancellation either way
      }
    }
  }

  private static TableDefinition margins(TableDefinition def, TablesConfig.TableSpec spec) {
    TableDefinition d = def;
    for (Map.Entry<String, Set<String>> e : spec.margins().entrySet()) {
      d = d.withMargins(e.getKey(), e.getValue());
    }
    if (!spec.publish().isEmpty()) {
      d = d.withPublished(spec.publish().stream().map(TableDefinition.CrossCells::new).toList());
    }
    return d;
  }

  /** The exact set of rows a table counts: tables with equal sets are linked. */
  private static java.util.BitSet population(Tabulation.Result r) {
    int[] c = r.cellOfRow();
    java.util.BitSet in = new java.util.BitSet(c.length);
    for (int row = 0; row < c.length; row++) {
      if (c[row] >= 0) {
        in.set(row);
      }
    }
    return in;
  }

  /** Every published cell with its true value, in ProtectedTable order. */
  private static List<long[]> values(Table t, List<List<String>> nodesOut) {
    TableProtection p = TableProtector.suppress(t, SuppressionRules.ctdcDefaults().withThreshold(0,
        SuppressionRules.ThresholdBound.LESS_THAN));
    List<long[]> out = new ArrayList<>();
    for (ProtectedTable.Cell c : p.tables().get(0).cells()) {
      nodesOut.add(c.nodes());
      out.add(new long[] {c.value().orElse(0)});
    }
    return out;
  }

  private static TableProtection round(List<Table> tables, TablesConfig config) {
    List<ProtectedTable> pts = new ArrayList<>();
    List<TableReport> reps = new ArrayList<>();
    boolean base = config.method() == TablesConfig.Method.ROUND_TO_BASE;
    String method = base ? "round-to-base " + config.base() : "round-down to resolution " + config.resolution();
    for (Table t : tables) {
      List<List<String>> nodes = new ArrayList<>();
      List<long[]> vals = values(t, nodes);
      List<ProtectedTable.Cell> cells = new ArrayList<>();
      EnumMap<CellStatus, Integer> counts = new EnumMap<>(CellStatus.class);
      for (int i = 0; i < vals.size(); i++) {
        long v = vals.get(i)[0];
        OptionalLong pub = base ? OptionalLong.of(Rounding.toBase(v, config.base()))
            : Rounding.downToResolution(v, config.resolution());
        CellStatus s = pub.isEmpty() ? CellStatus.PRIMARY : (pub.getAsLong() == 0 ? CellStatus.EMPTY
            : CellStatus.PUBLISHABLE);
        counts.merge(s, 1, Integer::sum);
        cells.add(new ProtectedTable.Cell(nodes.get(i), s, pub));
      }
      pts.add(new ProtectedTable(t.definition(), method, cells));
      reps.add(new TableReport(t.definition().name(), method,
          List.of(base ? "every cell, margins included, rounded independently to a multiple of " + config.base()
              : "every cell rounded down to a multiple of " + config.resolution() + "; counts below it hidden"),
          counts, List.of(), List.of(),
          List.of("values are not additive: margins are rounded independently; not audited as exact sums")));
    }
    return new TableProtection(pts, reps);
  }

  /** The record keys: stored with the records ({@code recordKey}), else drawn from the seed by row position. */
  private static long[] recordKeys(Dataset data, TablesConfig config) {
    return config.recordKey().map(v -> CellKeys.fromVariable(data, v))
        .orElseGet(() -> CellKeys.assign(data.rowCount(), config.cellKeySeed()));
  }

  private static TableProtection cellKey(List<Table> tables, List<Tabulation.Result> results, TablesConfig config,
      long[] keys) {
    PerturbationTable pt = config.perturbationTable().map(PerturbationTable::load).orElseGet(PerturbationTable::standard);
    List<ProtectedTable> pts = new ArrayList<>();
    List<TableReport> reps = new ArrayList<>();
    String method = "cell-key perturbation (js = " + pt.js() + ")";
    for (int ti = 0; ti < tables.size(); ti++) {
      Table t = tables.get(ti);
      int[] cellOfRow = results.get(ti).cellOfRow();
      TableDefinition def = t.definition();
      List<List<String>> nodes = new ArrayList<>();
      List<long[]> vals = values(t, nodes);
      List<ProtectedTable.Cell> cells = new ArrayList<>();
      EnumMap<CellStatus, Integer> counts = new EnumMap<>(CellStatus.class);
      for (int i = 0; i < vals.size(); i++) {
        int[] rows = rowsUnder(def, nodes.get(i), cellOfRow);
        long v = vals.get(i)[0];
        long published = pt.perturb(v, CellKeys.cellKey(keys, rows));
        CellStatus s = published == 0 ? CellStatus.EMPTY : CellStatus.PUBLISHABLE;
        counts.merge(s, 1, Integer::sum);
        cells.add(new ProtectedTable.Cell(nodes.get(i), s, OptionalLong.of(published)));
      }
      pts.add(new ProtectedTable(def, method, cells));
      reps.add(new TableReport(def.name(), method,
          List.of("cell key = sum of record keys mod 2^32 ("
              + (config.recordKey().isPresent() ? "keys stored with the records"
                  : "keys drawn by row position; the noise depends on the order of the rows")
              + "); counts 1.." + pt.js() + " never published; zeros stay zero"), counts, List.of(), List.of(),
          List.of("values are not additive; not audited as exact sums")));
    }
    return new TableProtection(pts, reps);
  }

  private static int[] rowsUnder(TableDefinition def, List<String> nodes, int[] cellOfRow) {
    List<Dimension> dims = def.dimensions();
    boolean[][] under = new boolean[dims.size()][];
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      under[d] = new boolean[dim.leaves().size()];
      java.util.List<String> leaves = new ArrayList<>();
      collect(dim, nodes.get(d), leaves);
      for (String l : leaves) {
        under[d][dim.leaves().indexOf(l)] = true;
      }
    }
    int[] out = new int[cellOfRow.length];
    int n = 0;
    for (int row = 0; row < cellOfRow.length; row++) {
      int c = cellOfRow[row];
      if (c < 0) {
        continue;
      }
      boolean ok = true;
      for (int d = dims.size() - 1; d >= 0 && ok; d--) {
        int size = dims.get(d).leaves().size();
        ok = under[d][c % size];
        c /= size;
      }
      if (ok) {
        out[n++] = row;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static void collect(Dimension d, String node, List<String> out) {
    List<String> ch = d.hierarchy().get(node);
    if (ch == null) {
      out.add(node);
    } else {
      ch.forEach(c -> collect(d, c, out));
    }
  }
}
