package org.ctdc.deid;

import java.util.List;
import org.ctdc.schema.Dataset;

/**
 * The outcome of {@link Deidentifier#run(Dataset, DeidConfig)}: the released dataset (suppressed records
 * removed, quasi-identifiers generalised into categorical variables whose value set is the labels of the
 * chosen level, identifiers dropped or pseudonymised), the report, the configuration, and the lattice
 * classification when it was requested.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DeidResult {
  private final Dataset release;
  private final DeidReport report;
  private final DeidConfig config;
  private final List<LatticeNode> lattice;

  DeidResult(Dataset release, DeidReport report, DeidConfig config, List<LatticeNode> lattice) {
    this.release = release;
    this.report = report;
    this.config = config;
    this.lattice = List.copyOf(lattice);
  }

  /** @return the de-identified dataset */
  public Dataset release() {
    return release;
  }

  /** @return the report */
  public DeidReport report() {
    return report;
  }

  /** @return the configuration of the run */
  public DeidConfig config() {
    return config;
  }

  /** @return the chosen level per quasi-identifier, in configuration order */
  public List<Integer> levels() {
    return report.quasiIdentifiers().stream().map(DeidReport.QiLevel::level).toList();
  }

  /** @return whether the result is proven optimal */
  public boolean optimal() {
    return report.optimal();
  }

  /**
   * Every node of the lattice with its status, in (level sum, level vector) order; empty unless
   * {@link DeidConfig#classifyLattice()} was set.
   *
   * @return the classification
   */
  public List<LatticeNode> lattice() {
    return lattice;
  }
}
