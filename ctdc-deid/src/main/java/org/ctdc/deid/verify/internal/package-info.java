/** Implementation of the independent verifier; not API, not exported. Shares no code with the search. */
@NullMarked
package org.ctdc.deid.verify.internal;

import org.jspecify.annotations.NullMarked;
