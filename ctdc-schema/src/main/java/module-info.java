/**
 * The CTDC shared-variable schema model: variables, value sets, missing-value reasons, de-identification
 * roles, release formats, the bundled CTDC schemas and {@link org.ctdc.schema.Dataset}, the typed table that
 * flows between the ctdc modules.
 */
@SuppressWarnings("module")
module org.ctdc.schema {
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.slf4j;

  exports org.ctdc.schema;
  // shared machinery of the library modules (reader set-up, progress checkpoints, the one CSV line writer),
  // not API; the warnings suppressed above are javac not finding these modules, which are built after this
  // one (org.ctdc.synth and org.ctdc.link are the synthesis and overlap modules)
  exports org.ctdc.schema.internal to org.ctdc.core, org.ctdc.deid, org.ctdc.samples, org.ctdc.synth, org.ctdc.link, org.ctdc.portal,
      org.ctdc.excel;

  opens org.ctdc.schema.internal to com.fasterxml.jackson.databind;
}
