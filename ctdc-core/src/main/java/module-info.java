/** The ctdc core module. */
module org.ctdc.core {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires com.google.common;
  requires org.slf4j;

  exports org.ctdc.core;
}
