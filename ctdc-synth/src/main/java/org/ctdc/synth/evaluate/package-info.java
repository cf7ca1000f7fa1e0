/**
 * The independent evaluator of synthetic data ({@link org.ctdc.synth.evaluate.Evaluator}): it recounts every
 * attribute combination of the sensitive and the synthetic data with its own code, sharing none with the
 * aggregation or the synthesis, so that a mistake in either cannot hide itself.
 */
@NullMarked
package org.ctdc.synth.evaluate;

import org.jspecify.annotations.NullMarked;
