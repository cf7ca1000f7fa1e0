/**
 * The independent audit of published tables: attacker intervals of suppressed cells by linear programming (ojAlgo).
 */
@NullMarked
package org.ctdc.deid.audit;

import org.jspecify.annotations.NullMarked;
