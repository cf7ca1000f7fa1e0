/**
 * De-identification of any {@link org.ctdc.schema.Dataset}: hierarchies, privacy models, optimal
 * generalisation with suppression, local suppression, risk measures, an independent verifier, and
 * tabulation with small-cell masking and an LP audit of published tables.
 */
module org.ctdc.deid {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires org.ctdc.synth;
  requires org.slf4j;
  requires ojalgo;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.dataformat.csv;

  exports org.ctdc.deid;
  exports org.ctdc.deid.risk;
  exports org.ctdc.deid.transform;
  exports org.ctdc.deid.verify;
  exports org.ctdc.deid.table;
  exports org.ctdc.deid.audit;
}
