/**
 * Data norming: declarative alignment specs that turn each partner's own records into a
 * {@link org.ctdc.schema.Dataset} of a shared schema, normalisers, crosswalks between schema versions,
 * and merging with provenance.
 */
module org.ctdc.core {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires org.apache.commons.text;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires transitive java.sql;

  exports org.ctdc.core;
  exports org.ctdc.core.normalize;
}
