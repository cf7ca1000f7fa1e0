package org.ctdc.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a de-identification run did, as a Java object and as JSON (layout version {@value #LAYOUT}): the
 * configuration (never the pseudonym key), the level chosen for every quasi-identifier by name, the
 * records suppressed, every metric's value at the chosen node, the lattice size, the nodes evaluated,
 * whether the result is proven optimal, the elapsed time, and the prosecutor risk of the release. It holds
 * no record values.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param schema the input schema's id
 * @param quasiIdentifiers the quasi-identifiers with their hierarchy, chosen level and height, in order
 * @param models the privacy models, described
 * @param suppressionLimit the record-suppression limit (share of input rows)
 * @param metric the metric minimised
 * @param missingValues how missing quasi-identifier values counted
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
 * @param metrics every metric's value at the chosen node, by name
 * @param latticeSize nodes of the lattice within the level bounds
 * @param nodesEvaluated nodes whose class table was computed
 * @param optimal whether the search finished (false when a budget stopped it)
 * @param elapsedMillis wall time of the whole run
 */
public record DeidReport(
    String schema,
    List<QiLevel> quasiIdentifiers,
    List<String> models,
    double suppressionLimit,
    Metric metric,
    MissingValues missingValues,
    List<String> droppedVariables,
    List<String> pseudonymisedVariables,
    long inputRecords,
    long recordsSuppressed,
    long maxSuppressed,
    long releasedRecords,
    long classes,
    long smallestClass,
    long wildcardSmallestMatch,
    Map<String, Double> metrics,
    long latticeSize,
    long nodesEvaluated,
    boolean optimal,
    long elapsedMillis) {

  /** The JSON layout version. */
  public static final int LAYOUT = 1;

  /**
   * The level chosen for one quasi-identifier.
   *
   * @param name the variable
   * @param hierarchy the hierarchy's name
   * @param level the chosen level
   * @param height the hierarchy's height
   */
  public record QiLevel(String name, String hierarchy, int level, int height) {}

  /** Copies the collections. */
  public DeidReport {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    models = List.copyOf(models);
    droppedVariables = List.copyOf(droppedVariables);
    pseudonymisedVariables = List.copyOf(pseudonymisedVariables);
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }

  /** @return the share of input records suppressed */
  public double suppressionRate() {
    return inputRecords == 0 ? 0 : (double) recordsSuppressed / inputRecords;
  }

  /** @return the largest prosecutor re-identification risk of a released record, 1 / smallest class */
  public double maxProsecutorRisk() {
    return smallestClass == 0 ? 0 : 1.0 / smallestClass;
  }

  /** @return the average prosecutor risk of the released records, classes / released records */
  public double averageProsecutorRisk() {
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
    ArrayNode dv = cfg.putArray("droppedVariables");
    droppedVariables.forEach(dv::add);
    ArrayNode pv = cfg.putArray("pseudonymisedVariables");
    pseudonymisedVariables.forEach(pv::add);
    ObjectNode res = root.putObject("result");
    ObjectNode lv = res.putObject("levels");
    for (QiLevel l : quasiIdentifiers) {
      lv.put(l.name(), l.level());
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
    ObjectNode mv = res.putObject("metrics");
    metrics.forEach(mv::put);
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
