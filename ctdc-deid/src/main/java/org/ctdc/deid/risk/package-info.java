/**
 * Risk and utility measures (equivalence classes, sample uniques, fk/Fk, prosecutor and individual risk), local suppression and top/bottom coding.
 */
@NullMarked
package org.ctdc.deid.risk;

import org.jspecify.annotations.NullMarked;
