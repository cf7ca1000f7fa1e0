/**
 * JMH benchmarks of the ctdc anonymisation core, alignment and table protection, on the exported API of the
 * library modules only. Never a dependency of anything; the shaded {@code benchmarks.jar} runs them on the
 * class path.
 */
module org.ctdc.bench {
  requires org.ctdc.schema;
  requires org.ctdc.core;
  requires org.ctdc.deid;
  requires org.ctdc.link;
  requires org.ctdc.synth;
  requires org.ctdc.samples;
  requires org.ctdc.excel;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires java.sql;
  requires jmh.core;
  requires com.fasterxml.jackson.databind;
  requires java.management;

  // JMH's generated code and runner reach the benchmark states and methods reflectively
  opens org.ctdc.bench;
}
