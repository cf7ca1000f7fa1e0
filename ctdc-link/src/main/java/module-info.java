/**
 * Privacy-preserving record linkage: each partner encodes the names and dates of birth of its records into
 * keyed Bloom filters on its own machine; the collaborative matches the encodings, reports the overlap (counts
 * only) and merges the partners' aligned records without counting a person twice.
 */
module org.ctdc.link {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires transitive org.ctdc.core;
  requires com.ibm.icu;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;

  exports org.ctdc.link;
}
