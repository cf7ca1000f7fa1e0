/**
 * Deterministic, seeded generators of synthetic data (no real person behind any row) for the demo, tests and
 * benchmarks: {@link org.ctdc.samples.PartnerSamples}, partner extracts before alignment, and
 * {@link org.ctdc.samples.CtdcLikeData}, datasets shaped like CTDC's Global Dataset. Not part of the library:
 * no ctdc library module depends on this one, and it is not published.
 */
@NullMarked
package org.ctdc.samples;

import org.jspecify.annotations.NullMarked;
