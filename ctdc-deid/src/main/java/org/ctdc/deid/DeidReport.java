package org.ctdc.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ctdc.deid.risk.RiskReport;

/**
 * What a de-identification run did, as a Java object and as JSON (layout version {@value #LAYOUT}): the
 * configuration (never the pseudonym key), the level chosen for every quasi-identifier by name, the
 * records suppressed, every metric's value at the chosen node, the lattice size, the nodes evaluated,
 * whether the result is proven optimal, the elapsed time, and the prosecutor risk of the release; the cells
 * blanked by local suppression and recoded by top and bottom coding; and the re-identification risk of the
 * input (over the quasi-identifiers) and of the release, measured by {@link org.ctdc.deid.risk.RiskMeasures}.
 * and, once the release is written, what writing it did ({@link #output()}: the cells the CSV formula guard
 * neutralised). It holds aggregates only, never a record value.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param schema the input schema's id
 * @param quasiIdentifiers the quasi-identifiers with their hierarchy, chosen level, its name, height and the
 *     distinct values kept, in order
 * @param models the privacy models, described
 * @param suppressionLimit the record-suppression limit (share of input rows)
 * @param metric the metric minimised
 * @param missingValues how missing quasi-identifier values counted
 * @param localSuppression whether and how cells were blanked instead of removing records
 * @param codings the top and bottom codings applied, described ({@code top(age, 80)})
 * @param droppedVariables variables not released (identifiers without a key, free text)
 * @param pseudonymisedVariables identifiers replaced by keyed pseudonyms
 * @param inputRecords rows of the input
 * @param recordsSuppressed records removed
 * @param maxSuppressed the most records the limit allowed, ⌊limit × n⌋
 * @param releasedRecords rows of the release
 * @param classes equivalence classes of the release
 * @param smallestClass the smallest released class (0 if nothing is released)
 * @param wildcardSmallestMatch under {@link MissingValues#WILDCARD}, the least number of released records a
 *     released record matches (missing matches anything); -1 when not computed
 * @param cellsSuppressed cells blanked by local suppression per quasi-identifier (all quasi-identifiers,
 *     in order; zeros without local suppression)
 * @param recordsWithSuppressedCells released records with at least one cell blanked by local suppression
 * @param recodedCells cells changed by top and bottom coding, per coded variable
 * @param metrics every metric's value at the chosen node, by name
 * @param latticeSize nodes of the lattice within the level bounds
 * @param nodesEvaluated nodes whose class table was computed
 * @param optimal whether the search finished (false when a budget stopped it)
 * @param elapsedMillis wall time of the whole run
 * @param riskBefore risk of the input over the quasi-identifiers (before top and bottom coding); empty
 *     for {@link Deidentifier#plan}
 * @param riskAfter risk of the release over the quasi-identifiers; empty for {@link Deidentifier#plan}
 * @param output what writing the release as CSV did (rows, whether the formula guard was on, the cells it
 *     neutralised); empty until the caller that wrote the release adds it with {@link #withOutput}
 */
public record DeidReport(
    String schema,
    List<QiLevel> quasiIdentifiers,
    List<String> models,
    double suppressionLimit,
    Metric metric,
    MissingValues missingValues,
    LocalSuppressionMode localSuppression,
    List<String> codings,
    List<String> droppedVariables,
    List<String> pseudonymisedVariables,
    long inputRecords,
    long recordsSuppressed,
    long maxSuppressed,
    long releasedRecords,
    long classes,
    long smallestClass,
    long wildcardSmallestMatch,
    Map<String, Long> cellsSuppressed,
    long recordsWithSuppressedCells,
    Map<String, Long> recodedCells,
    Map<String, Double> metrics,
    long latticeSize,
    long nodesEvaluated,
    boolean optimal,
    long elapsedMillis,
    Optional<RiskSummary> riskBefore,
    Optional<RiskSummary> riskAfter,
    Optional<org.ctdc.schema.CsvWriteSummary> output) {

  /**
   * The JSON layout version: 2 added local suppression, recoding and risk before and after; 3 added
   * {@code result.informationKept} (per quasi-identifier the chosen level, its name and the share of
   * distinct values kept).
   */
  public static final int LAYOUT = 3;

  /**
   * Risk aggregates of one dataset over the quasi-identifiers (definitions on
   * {@link org.ctdc.deid.risk.RiskMeasures}): never a record value.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param records the records measured
   * @param classes distinct quasi-identifier combinations (missing as a value of its own)
   * @param classSizeHistogram number of combinations by their size, ascending sizes
   * @param sampleUniques records with fk = 1
   * @param smallClassThreshold the class-size threshold
   * @param recordsInSmallClasses records with fk below the threshold
   * @param maxProsecutorRisk the largest 1/fk
   * @param averageProsecutorRisk the mean of 1/fk over records
   * @param riskThreshold the prosecutor-risk threshold
   * @param recordsAboveRiskThreshold records with 1/fk above the risk threshold
   * @param shareAboveRiskThreshold their share of the records
   * @param expectedReidentifications the sum of the individual (Benedetti-Franconi) risks, from fk and Fk
   * @param globalRisk the expected re-identifications divided by the records (sdcMicro's global risk)
   * @param missingAsWildcard whether a missing value matched any value when counting fk
   * @param weighted whether Fk summed sampling weights
   */
  public record RiskSummary(long records, long classes, SortedMap<Integer, Long> classSizeHistogram,
      long sampleUniques, int smallClassThreshold, long recordsInSmallClasses, double maxProsecutorRisk,
      double averageProsecutorRisk, double riskThreshold, long recordsAboveRiskThreshold,
      double shareAboveRiskThreshold, double expectedReidentifications, double globalRisk,
      boolean missingAsWildcard, boolean weighted) {

    /** Copies the histogram. */
    public RiskSummary {
      classSizeHistogram = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(classSizeHistogram));
    }

    static RiskSummary of(RiskReport r) {
      return new RiskSummary(r.rows(), r.classes(), r.classSizeHistogram(), r.sampleUniques(),
          r.options().smallClassThreshold(), r.recordsInSmallClasses(), r.maxProsecutorRisk(),
          r.averageProsecutorRisk(), r.options().riskThreshold(), r.recordsAboveRiskThreshold(),
          r.shareAboveRiskThreshold(), r.expectedReidentifications(), r.globalRisk(),
          r.options().missingAsWildcard(), r.options().weights().isPresent());
    }

    void write(ObjectNode o) {
      o.put("records", records);
      o.put("classes", classes);
      ObjectNode h = o.putObject("classSizeHistogram");
      classSizeHistogram.forEach((size, count) -> h.put(Integer.toString(size), count));
      o.put("sampleUniques", sampleUniques);
      o.put("smallClassThreshold", smallClassThreshold);
      o.put("recordsInSmallClasses", recordsInSmallClasses);
      o.put("maxProsecutorRisk", maxProsecutorRisk);
      o.put("averageProsecutorRisk", averageProsecutorRisk);
      o.put("riskThreshold", riskThreshold);
      o.put("recordsAboveRiskThreshold", recordsAboveRiskThreshold);
      o.put("shareAboveRiskThreshold", shareAboveRiskThreshold);
      o.put("expectedReidentifications", expectedReidentifications);
      o.put("globalRisk", globalRisk);
      o.put("missingAsWildcard", missingAsWildcard);
      o.put("weighted", weighted);
    }
  }

  /**
   * The level chosen for one quasi-identifier and the information it keeps.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param name the variable
   * @param hierarchy the hierarchy's name
   * @param level the chosen level
   * @param height the hierarchy's height
   * @param levelName the chosen level's name ({@link Hierarchy#levelName(int)}), for example {@code UN region}
   * @param distinctInput distinct values of the variable in the input (before top and bottom coding) over
   *     the records that are released; missing values not counted
   * @param distinctReleased distinct values of the variable in the release (generalised, after local
   *     suppression); missing values and blanked cells not counted
   */
  public record QiLevel(String name, String hierarchy, int level, int height, String levelName,
      long distinctInput, long distinctReleased) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a level or count is negative, or the level exceeds the height
     */
    public QiLevel {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(hierarchy, "hierarchy");
      java.util.Objects.requireNonNull(levelName, "levelName");
      if (level < 0 || level > height || distinctInput < 0 || distinctReleased < 0) {
        throw new IllegalArgumentException("quasi-identifier level: negative level or count, or level above height");
      }
    }

    /**
     * The share of distinct values kept: {@link #distinctReleased()} / {@link #distinctInput()}, both over
     * the released records; 1 when the released records hold no value of the variable (nothing to lose). At
     * level 0 without local suppression and coding it is 1; at the top level it is 1 / distinct input values
     * (or 0 when every cell was blanked).
     *
     * @return the share, in [0, 1] for generalisation (a hierarchy never splits a value)
     */
    public double distinctShareKept() {
      return distinctInput == 0 ? 1.0 : (double) distinctReleased / distinctInput;
    }

    /** @return whether the chosen level is the hierarchy's top ({@code *}: nothing of the variable is shown) */
    public boolean atTop() {
      return level == height;
    }
  }

  /**
   * A report of a release not yet written ({@link #output()} empty); the parameters are the components'.
   */
  public DeidReport(String schema, List<QiLevel> quasiIdentifiers, List<String> models, double suppressionLimit,
      Metric metric, MissingValues missingValues, LocalSuppressionMode localSuppression, List<String> codings,
      List<String> droppedVariables, List<String> pseudonymisedVariables, long inputRecords,
      long recordsSuppressed, long maxSuppressed, long releasedRecords, long classes, long smallestClass,
      long wildcardSmallestMatch, Map<String, Long> cellsSuppressed, long recordsWithSuppressedCells,
      Map<String, Long> recodedCells, Map<String, Double> metrics, long latticeSize, long nodesEvaluated,
      boolean optimal, long elapsedMillis, Optional<RiskSummary> riskBefore, Optional<RiskSummary> riskAfter) {
    this(schema, quasiIdentifiers, models, suppressionLimit, metric, missingValues, localSuppression, codings,
        droppedVariables, pseudonymisedVariables, inputRecords, recordsSuppressed, maxSuppressed, releasedRecords,
        classes, smallestClass, wildcardSmallestMatch, cellsSuppressed, recordsWithSuppressedCells, recodedCells,
        metrics, latticeSize, nodesEvaluated, optimal, elapsedMillis, riskBefore, riskAfter, Optional.empty());
  }

  /**
   * A copy that says what writing the release did.
   *
   * @param written the summary {@link org.ctdc.schema.DatasetCsv#write(org.ctdc.schema.Dataset,
   *     java.nio.file.Path, org.ctdc.schema.CsvWriteOptions)} returned
   * @return the report
   */
  public DeidReport withOutput(org.ctdc.schema.CsvWriteSummary written) {
    return new DeidReport(schema, quasiIdentifiers, models, suppressionLimit, metric, missingValues,
        localSuppression, codings, droppedVariables, pseudonymisedVariables, inputRecords, recordsSuppressed,
        maxSuppressed, releasedRecords, classes, smallestClass, wildcardSmallestMatch, cellsSuppressed,
        recordsWithSuppressedCells, recodedCells, metrics, latticeSize, nodesEvaluated, optimal, elapsedMillis,
        riskBefore, riskAfter, Optional.of(written));
  }

  /** Copies the collections. */
  public DeidReport {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    models = List.copyOf(models);
    codings = List.copyOf(codings);
    cellsSuppressed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cellsSuppressed));
    recodedCells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recodedCells));
    droppedVariables = List.copyOf(droppedVariables);
    pseudonymisedVariables = List.copyOf(pseudonymisedVariables);
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }

  /**
   * The information the release keeps, in one number: the mean over the quasi-identifiers of {@link
   * QiLevel#distinctShareKept()} (1 when there are none).
   *
   * @return the share, in [0, 1]
   */
  public double informationKept() {
    return quasiIdentifiers.stream().mapToDouble(QiLevel::distinctShareKept).average().orElse(1.0);
  }

  /**
   * The report in one line, for a partner who does not walk it: the models, the records in, released and
   * suppressed (and cells blanked, with local suppression), the node chosen with each level's name, the
   * information kept and whether the node is proven optimal. For example {@code k-anonymity(k=11): 1000
   * records, 958 released, 42 suppressed (limit 50); node gender 0 (sex), age 2 (ten years); information
   * kept 83 %; optimal}. Never a record value; the same text for equal reports.
   *
   * @return the line
   */
  public String summary() {
    StringBuilder sb = new StringBuilder(String.join(" and ", models)).append(": ").append(inputRecords)
        .append(" records, ").append(releasedRecords).append(" released, ").append(recordsSuppressed)
        .append(" suppressed (limit ").append(maxSuppressed).append(')');
    if (localSuppression != LocalSuppressionMode.NONE) {
      sb.append(", ").append(totalCellsSuppressed()).append(" cells blanked in ").append(recordsWithSuppressedCells)
          .append(" records");
    }
    sb.append("; node ");
    for (int i = 0; i < quasiIdentifiers.size(); i++) {
      QiLevel q = quasiIdentifiers.get(i);
      sb.append(i == 0 ? "" : ", ").append(q.name()).append(' ').append(q.level()).append(" (")
          .append(q.levelName()).append(')');
    }
    sb.append("; information kept ").append(Math.round(100 * informationKept())).append(" %; ")
        .append(optimal ? "optimal" : "not proven optimal (the search stopped at its budget)");
    return sb.toString();
  }

  /** @return the share of input records suppressed */
  public double suppressionRate() {
    return inputRecords == 0 ? 0 : (double) recordsSuppressed / inputRecords;
  }

  /** @return the total number of cells blanked by local suppression */
  public long totalCellsSuppressed() {
    return cellsSuppressed.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The largest prosecutor re-identification risk of a released record: 1 / smallest class; with local
   * suppression, where a record hides among the records compatible with it (a blanked cell matches any
   * value), 1 / {@link #wildcardSmallestMatch()}.
   *
   * @return the risk, 0 if nothing is released
   */
  public double maxProsecutorRisk() {
    long least = localSuppression != LocalSuppressionMode.NONE ? wildcardSmallestMatch : smallestClass;
    return least <= 0 ? 0 : 1.0 / least;
  }

  /**
   * The average prosecutor risk of the released records: classes / released records (the mean of 1 /
   * class size); with local suppression the mean of 1/fk over compatible records from {@link #riskAfter()}
   * when it was measured, else classes / released records, an upper bound.
   *
   * @return the risk, 0 if nothing is released
   */
  public double averageProsecutorRisk() {
    if (localSuppression != LocalSuppressionMode.NONE && riskAfter.isPresent()) {
      return riskAfter.get().averageProsecutorRisk();
    }
    return releasedRecords == 0 ? 0 : (double) classes / releasedRecords;
  }

  /**
   * The level chosen for a quasi-identifier.
   *
   * @param qi the variable's name
   * @return the level
   * @throws DeidException if it is not a quasi-identifier of the run
   */
  public int level(String qi) {
    for (QiLevel q : quasiIdentifiers) {
      if (q.name().equals(qi)) {
        return q.level();
      }
    }
    throw new DeidException("report: '" + qi + "' is not a quasi-identifier of this run");
  }

  /**
   * The report as pretty-printed JSON, fields in a fixed order.
   *
   * @return the JSON text, ending with a line break
   */
  public String toJson() {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("layout", LAYOUT);
    ObjectNode cfg = root.putObject("configuration");
    cfg.put("schema", schema);
    ArrayNode q = cfg.putArray("quasiIdentifiers");
    for (QiLevel l : quasiIdentifiers) {
      q.addObject().put("name", l.name()).put("hierarchy", l.hierarchy()).put("height", l.height());
    }
    ArrayNode ms = cfg.putArray("models");
    models.forEach(ms::add);
    cfg.put("suppressionLimit", suppressionLimit);
    cfg.put("metric", metric.name());
    cfg.put("missingValues", missingValues.name());
    cfg.put("localSuppression", localSuppression.name());
    ArrayNode cd = cfg.putArray("codings");
    codings.forEach(cd::add);
    ArrayNode dv = cfg.putArray("droppedVariables");
    droppedVariables.forEach(dv::add);
    ArrayNode pv = cfg.putArray("pseudonymisedVariables");
    pseudonymisedVariables.forEach(pv::add);
    ObjectNode res = root.putObject("result");
    ObjectNode lv = res.putObject("levels");
    for (QiLevel l : quasiIdentifiers) {
      lv.put(l.name(), l.level());
    }
    ArrayNode kept = res.putArray("informationKept");
    for (QiLevel l : quasiIdentifiers) {
      kept.addObject().put("name", l.name()).put("level", l.level()).put("height", l.height())
          .put("levelName", l.levelName()).put("atTop", l.atTop()).put("distinctInput", l.distinctInput())
          .put("distinctReleased", l.distinctReleased()).put("distinctShareKept", l.distinctShareKept());
    }
    res.put("inputRecords", inputRecords);
    res.put("recordsSuppressed", recordsSuppressed);
    res.put("maxSuppressed", maxSuppressed);
    res.put("suppressionRate", suppressionRate());
    res.put("releasedRecords", releasedRecords);
    res.put("classes", classes);
    res.put("smallestClass", smallestClass);
    res.put("maxProsecutorRisk", maxProsecutorRisk());
    res.put("averageProsecutorRisk", averageProsecutorRisk());
    if (wildcardSmallestMatch >= 0) {
      res.put("wildcardSmallestMatch", wildcardSmallestMatch);
    }
    ObjectNode cs = res.putObject("cellsSuppressed");
    cellsSuppressed.forEach(cs::put);
    res.put("totalCellsSuppressed", totalCellsSuppressed());
    res.put("recordsWithSuppressedCells", recordsWithSuppressedCells);
    ObjectNode rc = res.putObject("recodedCells");
    recodedCells.forEach(rc::put);
    ObjectNode mv = res.putObject("metrics");
    metrics.forEach(mv::put);
    if (riskBefore.isPresent() || riskAfter.isPresent()) {
      ObjectNode risk = root.putObject("risk");
      riskBefore.ifPresent(r -> r.write(risk.putObject("before")));
      riskAfter.ifPresent(r -> r.write(risk.putObject("after")));
    }
    output.ifPresent(w -> root.putObject("output").put("rows", w.rows()).put("formulaGuard", w.formulaGuard())
        .put("formulaCellsNeutralised", w.cellsNeutralised()));
    ObjectNode s = root.putObject("search");
    s.put("latticeSize", latticeSize);
    s.put("nodesEvaluated", nodesEvaluated);
    s.put("optimal", optimal);
    s.put("elapsedMillis", elapsedMillis);
    try {
      return om.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new DeidException("cannot write the report as JSON", e);
    }
  }
}
