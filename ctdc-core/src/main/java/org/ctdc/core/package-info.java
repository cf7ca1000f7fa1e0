/**
 * Data norming: declarative alignment specs that turn each partner's own records into a
 * {@link org.ctdc.schema.Dataset} of a shared schema, with a report of everything that did not fit.
 */
@NullMarked
package org.ctdc.core;

import org.jspecify.annotations.NullMarked;
