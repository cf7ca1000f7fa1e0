/**
 * Normalisers: text folding, countries, ages, dates and period bands, multi-valued fields. Each is a pure function documented with examples.
 */
@NullMarked
package org.ctdc.core.normalize;

import org.jspecify.annotations.NullMarked;
