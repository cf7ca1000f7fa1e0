/**
 * Differentially private aggregates and synthetic microdata: {@link org.ctdc.synth.SynthConfig} (read from
 * YAML), {@link org.ctdc.synth.Synthesizer} (aggregation and synthesis), {@link org.ctdc.synth.Aggregates}
 * with their {@link org.ctdc.synth.Accounting}, and the report {@link org.ctdc.synth.SynthReport}.
 */
@NullMarked
package org.ctdc.synth;

import org.jspecify.annotations.NullMarked;
