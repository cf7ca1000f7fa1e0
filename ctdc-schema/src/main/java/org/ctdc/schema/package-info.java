/**
 * The public API of the shared-variable schema: {@link org.ctdc.schema.Schema}, {@link org.ctdc.schema.Variable},
 * value sets, missing-value reasons, release formats, {@link org.ctdc.schema.Dataset} and the library's root
 * exception {@link org.ctdc.schema.CtdcException}.
 */
@NullMarked
package org.ctdc.schema;

import org.jspecify.annotations.NullMarked;
