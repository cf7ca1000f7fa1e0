/** Implementation of risk measures and local suppression; not API, not exported. */
@NullMarked
package org.ctdc.deid.risk.internal;

import org.jspecify.annotations.NullMarked;
