/** The ctdc deid module. */
module org.ctdc.deid {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires com.google.common;
  requires org.slf4j;

  exports org.ctdc.deid;
}
