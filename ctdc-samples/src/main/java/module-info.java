/**
 * Synthetic sample data for the demo, tests and benchmarks of ctdc: partner extracts in the style of a hotline
 * and of a case-management system, and datasets shaped like CTDC's Global Dataset. It depends on ctdc-schema
 * only, so that ctdc-core and ctdc-deid can use it in their tests without a cycle; no library module depends
 * on it.
 */
module org.ctdc.samples {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;

  exports org.ctdc.samples;
}
