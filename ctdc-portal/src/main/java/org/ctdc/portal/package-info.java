/**
 * The publishing portal's API: {@link org.ctdc.portal.Portal}, its {@link org.ctdc.portal.PortalSummary} and
 * its failure {@link org.ctdc.portal.PortalException}.
 */
@NullMarked
package org.ctdc.portal;

import org.jspecify.annotations.NullMarked;
