/**
 * Excel workbooks ({@code .xlsx}) as aligner inputs: a sheet read row by row with Apache POI's streaming
 * event API, as a {@link org.ctdc.core.RowSource}.
 */
module org.ctdc.excel {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.core;
  requires org.ctdc.schema;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires java.xml;

  exports org.ctdc.excel;
}
