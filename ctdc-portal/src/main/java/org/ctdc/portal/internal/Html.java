package org.ctdc.portal.internal;

import java.util.Locale;

/**
 * HTML text: escaping of every text written into a page, and the page frame (one inline style sheet, a
 * content security policy that allows no script, no font, no frame and no request outside the site). Not
 * thread-safe (a page is built by one thread); the static methods are stateless.
 */
public final class Html {
  /** The one style sheet of every page, inline: nothing is fetched. */
  static final String STYLE = String.join("\n",
      "*{box-sizing:border-box}",
      "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2328;"
          + "background:#fff;line-height:1.5}",
      "header.site{background:#1d3557;color:#fff;padding:.75rem 1rem}",
      "header.site a{color:#fff;text-decoration:none;font-weight:600}",
      "nav.site{display:flex;flex-wrap:wrap;gap:1rem;align-items:baseline}",
      "nav.site .brand{font-size:1.15rem;margin-right:auto}",
      "main{max-width:72rem;margin:0 auto;padding:1rem}",
      "h1{font-size:1.7rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de}",
      "h3{font-size:1.1rem}",
      "a{color:#0b5cad}",
      ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem;padding:0;list-style:none}",
      ".card{border:1px solid #d0d7de;border-radius:.5rem;padding:1rem;background:#f6f8fa}",
      ".card h3{margin-top:0}",
      "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}",
      "dl.facts dt{font-weight:600}dl.facts dd{margin:0}",
      ".scroll{overflow-x:auto;max-width:100%}",
      "table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}",
      "th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}",
      "thead th{background:#eaeef2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}",
      "td.primary,td.secondary{background:#fde2e1;color:#82071e;font-weight:600}",
      "td.perturbed{background:#fff8c5}",
      "td.forced-publish{background:#ddf4ff}",
      ".hxl{font-family:ui-monospace,monospace;color:#57606a;font-weight:400;font-size:.8rem}",
      ".warn{border-left:.3rem solid #bf8700;background:#fff8c5;padding:.5rem 1rem}",
      ".note{color:#57606a;font-size:.9rem}",
      "figure{margin:1rem 0}figcaption{font-weight:600}",
      "svg{max-width:100%;height:auto}",
      "details{margin:.25rem 0 1rem}",
      "code{font-family:ui-monospace,monospace;font-size:.9em}",
      "footer.site{border-top:1px solid #d0d7de;color:#57606a;font-size:.85rem;padding:1rem;text-align:center}",
      "@media (max-width:40rem){h1{font-size:1.35rem}main{padding:.5rem}dl.facts{grid-template-columns:1fr}}");

  private final StringBuilder b = new StringBuilder();

  /**
   * Escapes text for an HTML element or a double-quoted attribute: {@code & < > " '} and control characters.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * A number for people: integers with thin grouping, never a locale's own digits.
   *
   * @param n the number
   * @return the text
   */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Appends raw markup (already escaped).
   *
   * @param markup the markup
   * @return this
   */
  Html raw(String markup) {
    b.append(markup);
    return this;
  }

  /**
   * Appends escaped text.
   *
   * @param text the text
   * @return this
   */
  Html text(String text) {
    b.append(esc(text));
    return this;
  }

  /**
   * Appends an element holding escaped text.
   *
   * @param tag the tag, such as {@code p} or {@code h2}
   * @param text the text
   * @return this
   */
  Html el(String tag, String text) {
    b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append(">\n");
    return this;
  }

  /**
   * Appends a link.
   *
   * @param href the target, relative to the page
   * @param text the link text
   * @return this
   */
  Html link(String href, String text) {
    b.append("<a href=\"").append(esc(href)).append("\">").append(esc(text)).append("</a>");
    return this;
  }

  /**
   * The whole page: doctype, head with title, description, style and policy, the site's navigation, the body
   * built so far inside {@code main}, and the footer.
   *
   * @param siteTitle the portal's title
   * @param pageTitle the page's title
   * @param description the page's description (meta)
   * @param root the relative path from the page to the site root ({@code ""} or {@code "../"})
   * @param head extra markup for the head (JSON-LD), already safe
   * @return the page
   */
  String page(String siteTitle, String pageTitle, String description, String root, String head) {
    StringBuilder p = new StringBuilder();
    p.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
            + " img-src 'self' data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>").append(esc(pageTitle.equals(siteTitle) ? siteTitle : pageTitle + " · " + siteTitle))
        .append("</title>\n")
        .append("<meta name=\"description\" content=\"").append(esc(description)).append("\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<style>\n").append(STYLE).append("\n</style>\n").append(head)
        .append("</head>\n<body>\n<header class=\"site\"><nav class=\"site\" aria-label=\"site\">")
        .append("<a class=\"brand\" href=\"").append(root).append("index.html\">").append(esc(siteTitle)).append("</a>")
        .append("<a href=\"").append(root).append("index.html#datasets\">Datasets</a>")
        .append("<a href=\"").append(root).append("index.html#tables\">Tables</a>")
        .append("<a href=\"").append(root).append("about.html\">About</a>")
        .append("<a href=\"").append(root).append("datapackage.json\">datapackage.json</a>")
        .append("</nav></header>\n<main>\n").append(b).append("</main>\n<footer class=\"site\">")
        .append(esc(siteTitle)).append(" · a static site made by ctdc publish: no script, no cookie, no request"
            + " outside this site</footer>\n</body>\n</html>\n");
    return p.toString();
  }
}
