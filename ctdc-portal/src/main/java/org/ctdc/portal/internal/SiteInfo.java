package org.ctdc.portal.internal;

/**
 * The portal's own settings, as the builder checked them. Immutable and thread-safe.
 *
 * @param title the portal's title
 * @param publisher who publishes the data
 * @param licenceId the licence's identifier (SPDX, Open Definition)
 * @param licenceTitle the licence's name in words
 * @param licenceUrl the licence's address
 */
public record SiteInfo(String title, String publisher, String licenceId, String licenceTitle, String licenceUrl) {}
