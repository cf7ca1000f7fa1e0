package org.ctdc.portal.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;

/** The portal's model of what the release folders hold: records only, immutable and thread-safe. */
public final class Model {
  private Model() {}

  /** How a dataset was protected. */
  public enum Kind {
    /** k-anonymity by generalisation and suppression ({@code ctdc deid}). */
    DEID,
    /** Synthetic records made from protected aggregates ({@code ctdc synth}). */
    SYNTHETIC
  }

  /**
   * A released file copied into the site.
   *
   * @param source the file in the release folder
   * @param sitePath its path in the site, relative to the site's root, with {@code /}
   * @param format a short format word ({@code csv}, {@code json}, {@code yaml})
   * @param what what the file is, in a few words
   */
  public record DataFile(Path source, String sitePath, String format, String what) {}

  /**
   * What protects a dataset, as far as the release folder tells.
   *
   * @param k k of k-anonymity
   * @param lDiversity the l-diversity model in words ({@code distinct 2-diversity of isSexualExploit})
   * @param suppressionLimit the largest share of records that could be suppressed
   * @param suppressionRate the share of records suppressed
   * @param quasiIdentifiers the quasi-identifiers generalised
   * @param mode the synthesis mode ({@code dp}, {@code k-synthetic})
   * @param epsilon the differential-privacy budget epsilon
   * @param delta delta
   * @param reportingLength the longest attribute combination counted
   * @param resolution the rounding resolution of k-synthetic aggregates
   * @param seeded whether the randomness was seeded (reproducible: not protected)
   */
  public record Protection(
      OptionalInt k, Optional<String> lDiversity, OptionalDouble suppressionLimit, OptionalDouble suppressionRate,
      List<String> quasiIdentifiers, Optional<String> mode, OptionalDouble epsilon, OptionalDouble delta,
      OptionalInt reportingLength, OptionalInt resolution, boolean seeded) {}

  /**
   * A released dataset.
   *
   * @param id the page's identifier (lower case letters, digits, {@code -})
   * @param title its title
   * @param kind how it was protected
   * @param schema its schema, restricted to the released columns
   * @param data the released rows, as read from the released file
   * @param csv the released file
   * @param files every file of the dataset in the site (the CSV first)
   * @param protection what protects it
   */
  public record DatasetEntry(
      String id, String title, Kind kind, Schema schema, Dataset data, DataFile csv, List<DataFile> files,
      Protection protection) {}

  /**
   * A dimension of a published table.
   *
   * @param name the column name
   * @param total the label of the total
   * @param hierarchy each inner node's children
   * @param nodes every node, the total first, each followed by its children (depth first)
   * @param depth each node's depth below the total
   */
  public record Dim(String name, String total, Map<String, List<String>> hierarchy, List<String> nodes,
      Map<String, Integer> depth) {}

  /**
   * A cell of a published table.
   *
   * @param nodes one node per dimension
   * @param value the published value, empty when suppressed
   * @param status the status token ({@code publishable}, {@code primary}, ...)
   */
  public record Cell(List<String> nodes, String value, String status) {}

  /**
   * A published table.
   *
   * @param id the page's identifier
   * @param name the table's name
   * @param dims its dimensions
   * @param cells its cells, in file order
   * @param method the protection method ({@code suppression}, {@code round-to-base}, ...)
   * @param suppressedLabel how a suppressed cell is shown
   * @param threshold the primary threshold in words ({@code <11}), when the tables report gives it
   * @param hxl the HXL hashtag of each column, when the table has an HXL file
   * @param csv the table's CSV file
   * @param files every file of the table in the site (the CSV first)
   */
  public record TableEntry(
      String id, String name, List<Dim> dims, List<Cell> cells, String method, String suppressedLabel,
      Optional<String> threshold, Map<String, String> hxl, DataFile csv, List<DataFile> files) {}

  /**
   * Everything the portal publishes.
   *
   * @param datasets the datasets, in release order
   * @param tables the tables, in release order
   * @param partners records contributed by each partner (provenance), when an alignment report gives them
   */
  public record Releases(List<DatasetEntry> datasets, List<TableEntry> tables, Map<String, Long> partners) {}
}
