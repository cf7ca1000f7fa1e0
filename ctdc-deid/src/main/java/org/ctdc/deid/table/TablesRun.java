package org.ctdc.deid.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.internal.DpCells;
import org.ctdc.deid.table.internal.ReleaseAudit;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.jspecify.annotations.Nullable;

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
 * <p>{@link TablesConfig.Method#DP} noises every inner cell of every table ({@link DpNoise}), the budget split
 * evenly over the tables, and sums the margins from the noisy cells; the LP audit of suppression does not
 * apply and is not run, and each table's definition says so ({@code protection.noise}, which {@code ctdc
 * audit} refuses). The noise is drawn in fixed blocks on up to {@link Builder#threads(int)} threads: with a
 * seed, the files are the same for any number of threads.
 *
 * <p>Progress, cancellation and the folder of the confidential levels files are settings of the {@link
 * Builder}, as on every long-running operation of the library. For suppression a run reports stage {@value
 * TableProtector#SECONDARY_SUPPRESSION} and then stage {@value TableAudit#AUDITING}, each counting groups of
 * linked tables (a table that is linked with no other is a group of its own) out of their number, and stops
 * with {@link OperationCancelledException} when the signal is raised; the signal is checked throughout the
 * protection and the audit of each group. A cancelled run deletes the files it has already written, so it
 * leaves no output. The files written are the same with or without a listener and a signal.
 *
 * <pre>{@code
 * TablesRun.Outcome o = TablesRun.builder(TablesConfig.read(configFile), outDir)
 *     .levelsDirectory(confidentialDir)   // only when a magnitude table has protection levels
 *     .build()
 *     .run(data);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe: each run has its own state (two runs writing into the same
 * folder at once overwrite each other's files; a listener or signal shared by runs on several threads must
 * itself be thread-safe).
 */
public final class TablesRun {
  private final TablesConfig config;
  private final Path outDir;
  private final @Nullable Path levelsDir;
  private final ProgressListener progress;
  private final Cancellation cancellation;
  private final int threads;

  private TablesRun(Builder b) {
    this.config = b.config;
    this.outDir = b.outDir;
    this.levelsDir = b.levelsDir;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
    this.threads = b.threads;
  }

  /**
   * A run of a configuration into a folder, without a folder for levels files, progress listener or
   * cancellation.
   *
   * @param config the configuration
   * @param outDir the output directory of the publishable files
   * @return the run
   * @throws NullPointerException if an argument is null
   */
  public static TablesRun of(TablesConfig config, Path outDir) {
    return builder(config, outDir).build();
  }

  /**
   * Starts configuring a run.
   *
   * @param config the configuration
   * @param outDir the output directory of the publishable files
   * @return a new builder, not thread-safe
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(TablesConfig config, Path outDir) {
    return new Builder(config, outDir);
  }

  /** @return the configuration */
  public TablesConfig config() {
    return config;
  }

  /** @return the output directory of the publishable files */
  public Path outputDirectory() {
    return outDir;
  }

  /** @return the directory of the confidential levels files, if set */
  public Optional<Path> levelsDirectory() {
    return Optional.ofNullable(levelsDir);
  }

  /** @return the threads the DP noise is drawn on */
  public int threads() {
    return threads;
  }

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
   * Runs the job: tabulates, protects, writes into the output directory (the levels files of magnitude tables
   * into the {@linkplain Builder#levelsDirectory(Path) levels directory}) and, for suppression, audits the
   * files as written.
   *
   * @param data the records, under the configuration's schema
   * @return reports and files (the levels files included)
   * @throws OperationCancelledException if the signal is raised before the run ends; the files this run
   *     wrote are deleted
   * @throws TableException on an invalid configuration, a primary that cannot be protected, an audit that
   *     rejects the release, or a table with protection levels when no levels directory is set (before
   *     anything is written); the files this run wrote are deleted
   */
  public Outcome run(Dataset data) {
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
    DpNoise.@Nullable Accounting dp = config.dp().map(d -> d.accounting(tabs.size())).orElse(null);
    long[] tableSeeds = config.dp().flatMap(d -> d.seed().isPresent() ? java.util.Optional.of(d.seed().getAsLong())
        : java.util.Optional.empty()).map(s -> DpCells.tableSeeds(s, tabs.size())).orElse(null);
    ProgressListener stages = suppression ? progress : ProgressListener.none();
    stages.onProgress(TableProtector.SECONDARY_SUPPRESSION, 0, groups.size());
    int groupsDone = 0;
    for (List<Integer> g : groups.values()) {
      cancellation.throwIfCancelled(TableProtector.OPERATION);
      List<Table> linked = new ArrayList<>();
      g.forEach(i -> linked.add(tabs.get(i).result().table()));
      TableProtection tp = switch (config.method()) {
        case SUPPRESSION -> TableProtector.builder(config.rules()).cancellation(cancellation).build().suppress(linked);
        case ROUND_TO_BASE, ROUND_DOWN -> round(linked, config);
        case CELL_KEY -> cellKey(linked, g.stream().map(i -> tabs.get(i).result()).toList(), config,
            recordKeys(data, config));
        case DP -> dp(linked, g, Objects.requireNonNull(dp), tableSeeds, config.dp().orElseThrow().nonNegative());
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
              + " publication folder (ctdc tables --levels-out DIR; TablesRun.Builder.levelsDirectory)");
        }
      }
    }
    Path levelsOut = levelsDir == null ? outDir : levelsDir;
    List<Path> files = new ArrayList<>();
    try {
      List<Path[]> audited = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        ProtectedTable t = out[i];
        List<Path> f = TableWriter.write(t, levels.get(i), outDir, levelsOut, config.output(), dp);
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
    TableProtection p = TableProtector.of(SuppressionRules.ctdcDefaults().withThreshold(0,
        SuppressionRules.ThresholdBound.LESS_THAN)).suppress(t);
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

  /**
   * The DP method: noise on each table's inner cells, margins and totals summed from them (every published
   * cell is a sum of noisy inner cells, so each table is additive).
   */
  private TableProtection dp(List<Table> tables, List<Integer> indexes, DpNoise.Accounting acc,
      long @Nullable [] tableSeeds, boolean nonNegative) {
    DpCells.Sampler sampler = acc.mechanism() == DpNoise.Mechanism.GAUSSIAN
        ? DpCells.gaussian(acc.sigmaSquared().orElseThrow()) : DpCells.laplace(acc.laplaceRate().orElseThrow());
    List<ProtectedTable> pts = new ArrayList<>();
    List<TableReport> reps = new ArrayList<>();
    for (int ti = 0; ti < tables.size(); ti++) {
      Table t = tables.get(ti);
      TableDefinition def = t.definition();
      long[] inner = new long[t.innerCellCount()];
      Arrays.setAll(inner, t::innerValue);
      OptionalLong seed = tableSeeds == null ? OptionalLong.empty() : OptionalLong.of(tableSeeds[indexes.get(ti)]);
      long[] noisy = DpCells.noisy(inner, sampler, seed, nonNegative, threads, cancellation, TableProtector.OPERATION);
      List<ProtectedTable.Cell> cells = nodeCells(def, noisy);
      pts.add(new ProtectedTable(def, acc.method(), cells));
      List<String> notes = new ArrayList<>();
      notes.add("the LP audit of suppression does not apply: the noise protects every cell (ctdc audit refuses"
          + " this table)");
      notes.add(nonNegative ? "negative noisy inner cells published as 0 (post-processing; the guarantee holds;"
          + " sums are biased upwards where many cells are empty)" : "noisy cells may be negative");
      notes.add("rows left out of the tabulation are not counted in the noisy cells; their exact number is not"
          + " protected and not printed");
      if (acc.seeded()) {
        notes.add("noise " + DpNoise.SEEDED_NOTICE);
      }
      reps.add(new TableReport(def.name(), acc.method(), acc.lines(),
          java.util.Map.of(CellStatus.PUBLISHABLE, cells.size()), List.of(), List.of(), notes));
    }
    return new TableProtection(pts, reps);
  }

  /**
   * The published cells of a table from its inner cells, each the sum of the inner cells under it, in {@link
   * ProtectedTable} order: row-major over each dimension's published nodes in depth-first pre-order, the cells
   * that {@link TableDefinition#isPublishedCell} keeps.
   */
  private static List<ProtectedTable.Cell> nodeCells(TableDefinition def, long[] inner) {
    List<Dimension> dims = def.dimensions();
    int k = dims.size();
    int[] leafCounts = new int[k];
    int[][][] under = new int[k][][];
    List<List<String>> nodes = new ArrayList<>();
    for (int d = 0; d < k; d++) {
      Dimension dim = dims.get(d);
      leafCounts[d] = dim.leaves().size();
      java.util.Map<String, Integer> leafIndex = new java.util.HashMap<>();
      for (int i = 0; i < dim.leaves().size(); i++) {
        leafIndex.put(dim.leaves().get(i), i);
      }
      List<String> published = new ArrayList<>();
      List<int[]> u = new ArrayList<>();
      for (String n : dim.nodes()) {
        if (def.isPublished(d, n)) {
          published.add(n);
          List<String> leaves = new ArrayList<>();
          collect(dim, n, leaves);
          u.add(leaves.stream().mapToInt(leafIndex::get).toArray());
        }
      }
      nodes.add(published);
      under[d] = u.toArray(int[][]::new);
    }
    long[] sums = DpCells.sums(inner, leafCounts, under);
    List<ProtectedTable.Cell> cells = new ArrayList<>();
    int[] at = new int[k];
    for (int i = 0; i < sums.length; i++) {
      int rest = i;
      for (int d = k - 1; d >= 0; d--) {
        at[d] = rest % under[d].length;
        rest /= under[d].length;
      }
      List<String> cell = new ArrayList<>(k);
      for (int d = 0; d < k; d++) {
        cell.add(nodes.get(d).get(at[d]));
      }
      if (def.isPublishedCell(cell)) {
        cells.add(new ProtectedTable.Cell(cell, CellStatus.PUBLISHABLE, OptionalLong.of(sums[i])));
      }
    }
    return cells;
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

  /**
   * Configures a {@link TablesRun}: each setting is checked when it is set; progress and cancellation as every
   * {@link OperationBuilder} (the stages are in the class documentation). Not thread-safe.
   */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private final TablesConfig config;
    private final Path outDir;
    private @Nullable Path levelsDir;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(TablesConfig config, Path outDir) {
      this.config = Objects.requireNonNull(config, "config");
      this.outDir = Objects.requireNonNull(outDir, "outDir");
    }

    /**
     * Sets the folder of the confidential levels files of magnitude tables ({@code NAME.levels.json}: the
     * values and protection levels of their primary cells). A configuration whose tables have protection
     * levels needs it: the levels file is never written beside the tables. Unset by default.
     *
     * @param dir the folder, outside the output directory
     * @return this builder
     * @throws IllegalArgumentException if {@code dir} is the output directory or inside it (the levels hold
     *     the values of suppressed cells; the output directory is published)
     */
    public Builder levelsDirectory(Path dir) {
      Objects.requireNonNull(dir, "dir");
      if (dir.toAbsolutePath().normalize().startsWith(outDir.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("levelsDirectory must be outside the output directory (outDir): the"
            + " levels files hold the values of suppressed cells");
      }
      this.levelsDir = dir;
      return this;
    }

    /**
     * Sets the threads the noise of {@link TablesConfig.Method#DP} is drawn on; the files are the same for any
     * number (with a seed). Default: the available processors.
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /** @return the run */
    public TablesRun build() {
      return new TablesRun(this);
    }
  }
}
