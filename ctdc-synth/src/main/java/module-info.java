/**
 * Publishing the way CTDC publishes now: counts of every attribute combination up to a reporting length
 * (exact and rounded in k-synthetic mode, differentially private in DP mode, with discrete Gaussian noise
 * drawn by exact arithmetic), aggregate-seeded synthetic microdata made from those counts alone, and an
 * independent evaluator that recounts from the sensitive data.
 */
module org.ctdc.synth {
  requires static transitive org.jspecify;
  requires transitive org.ctdc.schema;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports org.ctdc.synth;
  exports org.ctdc.synth.evaluate;
  exports org.ctdc.synth.noise;
}
