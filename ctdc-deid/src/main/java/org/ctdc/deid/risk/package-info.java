/**
 * Risk and utility measures (equivalence classes, sample uniques, fk/Fk, prosecutor and individual risk).
 * The transformations that change data (local suppression, top and bottom coding) are in {@link
 * org.ctdc.deid.transform}.
 */
@NullMarked
package org.ctdc.deid.risk;

import org.jspecify.annotations.NullMarked;
