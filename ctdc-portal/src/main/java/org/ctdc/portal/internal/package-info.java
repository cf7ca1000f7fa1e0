/** The portal's machinery (reading release folders, HTML, SVG charts, metadata), not API. */
@NullMarked
package org.ctdc.portal.internal;

import org.jspecify.annotations.NullMarked;
