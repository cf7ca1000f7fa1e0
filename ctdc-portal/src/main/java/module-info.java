/**
 * The open data publishing portal: turns release folders (the outputs of {@code ctdc deid}, {@code ctdc tables}
 * and {@code ctdc synth}) into a static, self-contained web site with codebooks, charts, table pages, a
 * Frictionless Data Package and schema.org {@code Dataset} descriptions.
 */
module org.ctdc.portal {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports org.ctdc.portal;
}
