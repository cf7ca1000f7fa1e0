/** Implementation of the schema module; not exported, not API. */
@NullMarked
package org.ctdc.schema.internal;

import org.jspecify.annotations.NullMarked;
