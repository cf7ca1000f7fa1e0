/**
 * Deterministic generators of synthetic partner extracts (no real data), used by the demo, tests and benchmarks.
 */
@NullMarked
package org.ctdc.core.sample;

import org.jspecify.annotations.NullMarked;
