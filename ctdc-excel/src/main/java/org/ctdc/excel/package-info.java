/** Excel workbooks as aligner inputs ({@link org.ctdc.excel.XlsxSource}, {@link org.ctdc.excel.XlsSource}). */
@NullMarked
package org.ctdc.excel;

import org.jspecify.annotations.NullMarked;
