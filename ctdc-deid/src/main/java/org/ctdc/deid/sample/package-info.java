/**
 * A deterministic, seeded generator of CTDC-like datasets of any size, shared by tests and benchmarks.
 */
@NullMarked
package org.ctdc.deid.sample;

import org.jspecify.annotations.NullMarked;
