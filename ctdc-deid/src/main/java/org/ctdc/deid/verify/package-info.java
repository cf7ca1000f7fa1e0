/**
 * The independent verifier: re-checks a released dataset against a privacy model and declared hierarchies, sharing no code with the search.
 */
@NullMarked
package org.ctdc.deid.verify;

import org.jspecify.annotations.NullMarked;
