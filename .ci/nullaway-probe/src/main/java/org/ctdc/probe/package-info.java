/** A deliberate nullness violation (issue 16): see the pom. */
@NullMarked
package org.ctdc.probe;

import org.jspecify.annotations.NullMarked;
