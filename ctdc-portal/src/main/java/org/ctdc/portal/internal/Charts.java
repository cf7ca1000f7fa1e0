package org.ctdc.portal.internal;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG bar charts with a text alternative: the chart is an {@code img} with a title and a description
 * that lists every bar, followed by the same figures as a table. A count from 1 to 10 is drawn as a hatched
 * stub of fixed size labelled {@code <11}, as in {@code report.html}, so that it cannot be read off the bar.
 * Stateless; thread-safe.
 */
final class Charts {
  /** The smallest count drawn to scale: below it a count (other than 0) is shown as {@code <11}. */
  static final long SMALL = 11;

  private static final int WIDTH = 480;
  private static final int LABEL = 170;
  private static final int BAR = 20;
  private static final int GAP = 6;

  private Charts() {}

  /**
   * A bar.
   *
   * @param label the category
   * @param count its count
   */
  record Bar(String label, long count) {}

  /**
   * The count in words: {@code <11} from 1 to 10.
   *
   * @param n the count
   * @return the text
   */
  static String shown(long n) {
    return n > 0 && n < SMALL ? "<11" : Html.count(n);
  }

  /**
   * A horizontal bar chart.
   *
   * @param id a page-unique identifier (letters, digits, {@code -})
   * @param title the chart's title
   * @param bars the bars, in order
   * @return the figure: the SVG and a table of the same figures
   */
  static String bars(String id, String title, List<Bar> bars) {
    long max = 1;
    for (Bar b : bars) {
      max = Math.max(max, b.count());
    }
    int height = bars.size() * (BAR + GAP) + GAP;
    StringBuilder desc = new StringBuilder();
    for (Bar b : bars) {
      desc.append(desc.length() == 0 ? "" : "; ").append(b.label()).append(": ").append(shown(b.count()));
    }
    StringBuilder s = new StringBuilder();
    s.append("<figure>\n<figcaption id=\"").append(id).append("-cap\">").append(Html.esc(title)).append("</figcaption>\n");
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">\n");
    s.append("<title id=\"").append(id).append("-t\">").append(Html.esc(title)).append("</title>\n");
    s.append("<desc id=\"").append(id).append("-d\">").append(Html.esc(desc.toString())).append("</desc>\n");
    s.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
        + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4d8a8\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b5651d\" stroke-width=\"3\"/></pattern></defs>\n");
    int plot = WIDTH - LABEL - 60;
    int y = GAP;
    for (Bar b : bars) {
      String label = b.label().length() > 24 ? b.label().substring(0, 23) + "…" : b.label();
      s.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR - 6)
          .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2328\">").append(Html.esc(label)).append("</text>");
      boolean small = b.count() > 0 && b.count() < SMALL;
      int w = small ? 14 : (int) Math.round((double) plot * b.count() / max);
      if (small) {
        s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(w)
            .append("\" height=\"").append(BAR).append("\" fill=\"url(#").append(id).append("-hatch)\"/>");
      } else if (w > 0) {
        s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(w)
            .append("\" height=\"").append(BAR).append("\" fill=\"#4e79a7\"/>");
      }
      s.append("<text x=\"").append(LABEL + w + 4).append("\" y=\"").append(y + BAR - 6)
          .append("\" font-size=\"12\" fill=\"#1f2328\">").append(Html.esc(shown(b.count()))).append("</text>\n");
      y += BAR + GAP;
    }
    s.append("</svg>\n");
    s.append("<details><summary>The figures of this chart</summary>\n<div class=\"scroll\"><table>\n<caption>")
        .append(Html.esc(title)).append("</caption>\n<thead><tr><th scope=\"col\">value</th>"
            + "<th scope=\"col\" class=\"num\">records</th></tr></thead>\n<tbody>\n");
    for (Bar b : bars) {
      s.append("<tr><th scope=\"row\">").append(Html.esc(b.label())).append("</th><td class=\"num\">")
          .append(Html.esc(shown(b.count()))).append("</td></tr>\n");
    }
    s.append("</tbody></table></div></details>\n</figure>\n");
    return s.toString();
  }

  /**
   * A share as a percentage with one decimal.
   *
   * @param share the share, 0 to 1
   * @return the text, such as {@code 4.0 %}
   */
  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }
}
