/** Excel workbooks as aligner inputs ({@link org.ctdc.excel.XlsxSource}). */
@NullMarked
package org.ctdc.excel;

import org.jspecify.annotations.NullMarked;
