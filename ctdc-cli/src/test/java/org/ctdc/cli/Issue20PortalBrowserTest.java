package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the portal that {@code ctdc demo} publishes, rendered page by page in headless Chromium driven over
 * the Chrome DevTools Protocol (the JDK's WebSocket client; no driver library): no console error or exception, no
 * request outside the site folder, every internal link resolves (file and fragment), charts drawn and the page not
 * blank in a screenshot, usable at a laptop and a phone width (no sideways scrolling of the page, screenshots not
 * blank), and basic accessibility (every chart an image with a title and a description, headings in order without
 * skipped levels, one h1, every table with header cells and a caption). Skipped, with a message on standard
 * error, only when no Chromium is installed ({@code .ci/run} installs it). On success it writes the home page at
 * laptop width to {@code docs/img/portal-home.png}: the README's screenshot is made by the build, not by hand.
 */
class Issue20PortalBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The screenshot of the home page at laptop width that the README shows, written to {@code docs/img/}. */
  static final String README_SCREENSHOT = "portal-home.png";

  /** The checks run inside each page; returns a JSON object of findings. */
  private static final String CHECKS = String.join("\n",
      "(() => {",
      " const r = {problems: [], links: [], charts: 0};",
      " const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);",
      " if (hs.filter(l => l === 1).length !== 1) r.problems.push('not exactly one h1');",
      " for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i-1] + 1) r.problems.push('heading level skipped: h' + hs[i-1] + ' then h' + hs[i]);",
      " if (hs[0] !== 1) r.problems.push('the first heading is not h1');",
      " for (const t of document.querySelectorAll('table')) {",
      "  if (!t.querySelector('th')) r.problems.push('a table without header cells');",
      "  if (!t.querySelector('caption')) r.problems.push('a table without caption');",
      "  if (!t.querySelector('thead th[scope]')) r.problems.push('a table without scoped column headers');",
      " }",
      " for (const s of document.querySelectorAll('svg')) {",
      "  r.charts++;",
      "  if (s.getAttribute('role') !== 'img') r.problems.push('an svg without role=img');",
      "  const ids = (s.getAttribute('aria-labelledby') || '').split(' ').filter(x => x);",
      "  const text = ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();",
      "  if (ids.length < 2 || text.length < 10) r.problems.push('a chart without a text alternative');",
      "  const b = s.getBoundingClientRect();",
      "  if (b.width < 50 || b.height < 10) r.problems.push('a chart not drawn: ' + b.width + 'x' + b.height);",
      "  if (s.querySelectorAll('rect').length < 2) r.problems.push('a chart without bars');",
      " }",
      " for (const img of document.images) if (!img.complete || img.naturalWidth === 0) r.problems.push('an image not loaded');",
      " for (const a of document.querySelectorAll('a[href]')) r.links.push(a.href);",
      " r.scrollWidth = document.documentElement.scrollWidth; r.innerWidth = window.innerWidth;",
      " r.ids = [...document.querySelectorAll('[id]')].map(e => e.id);",
      " r.text = document.body.innerText.length;",
      " return JSON.stringify(r);",
      "})()");

  @Test
  void issue20_everyPageOfTheDemoPortalRendersCleanlyInChromium(@TempDir Path dir) throws Exception {
    Optional<String> browser = ReportScreenshotTest.chromium();
    if (browser.isEmpty()) {
      System.err.println("SKIPPED Issue20PortalBrowserTest: chromium is not installed (apt-get install -y chromium)");
    }
    Assumptions.assumeTrue(browser.isPresent(), "chromium is not installed");
    Path out = dir.resolve("demo");
    CliTest.Run r = CliTest.run("demo", "--quiet", "--rows", "300", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Path site = out.resolve("portal").toRealPath();
    assertTrue(r.out().contains("; portal: " + site.resolve("index.html") + ")"), r.out());
    List<Path> pages;
    try (Stream<Path> s = Files.walk(site)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() >= 7, "home, about, 2 datasets and the tables: " + pages);

    Path profile = dir.resolve("profile");
    Process p = new ProcessBuilder(browser.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--hide-scrollbars", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    try (Cdp cdp = Cdp.connect(profile, p)) {
      Map<Path, Set<String>> anchors = new ConcurrentHashMap<>();
      List<String> failures = new ArrayList<>();
      List<Link> links = new ArrayList<>();
      for (int[] size : new int[][] {{1280, 900}, {390, 800}}) {
        cdp.send("Emulation.setDeviceMetricsOverride", Map.of("width", size[0], "height", size[1],
            "deviceScaleFactor", 1, "mobile", size[0] < 600));
        for (Path page : pages) {
          String url = page.toUri().toString();
          cdp.events.clear();
          cdp.navigate(url);
          JsonNode f = JSON.readTree(cdp.send("Runtime.evaluate", Map.of("expression", CHECKS, "returnByValue", true))
              .path("result").path("value").asText());
          String where = site.relativize(page) + " at " + size[0] + " px: ";
          f.path("problems").forEach(x -> failures.add(where + x.asText()));
          if (f.path("scrollWidth").asInt() > f.path("innerWidth").asInt() + 1) {
            failures.add(where + "the page scrolls sideways (" + f.path("scrollWidth").asInt() + " > "
                + f.path("innerWidth").asInt() + ")");
          }
          if (f.path("text").asInt() < 200) {
            failures.add(where + "almost no text");
          }
          Set<String> pageIds = new HashSet<>();
          f.path("ids").forEach(x -> pageIds.add(x.asText()));
          anchors.put(page, pageIds);
          f.path("links").forEach(x -> links.add(new Link(page, x.asText())));
          for (JsonNode e : cdp.events) {
            String m = e.path("method").asText();
            JsonNode ps = e.path("params");
            if (m.equals("Runtime.exceptionThrown")) {
              failures.add(where + "exception " + ps.path("exceptionDetails").path("text").asText());
            } else if (m.equals("Runtime.consoleAPICalled") && ps.path("type").asText().matches("error|warning|assert")) {
              failures.add(where + "console " + ps.path("type").asText() + ": " + ps.path("args"));
            } else if (m.equals("Log.entryAdded") && ps.path("entry").path("level").asText().matches("error|warning")) {
              failures.add(where + "log " + ps.path("entry").path("level").asText() + ": "
                  + ps.path("entry").path("text").asText());
            } else if (m.equals("Network.requestWillBeSent")) {
              String req = ps.path("request").path("url").asText();
              if (!req.startsWith(site.toUri().toString()) && !req.startsWith("data:")) {
                failures.add(where + "a request outside the site: " + req);
              }
            } else if (m.equals("Network.loadingFailed")) {
              failures.add(where + "a request failed: " + ps.path("errorText").asText());
            }
          }
          BufferedImage shot = cdp.screenshot();
          String blank = blank(shot);
          if (blank != null) {
            failures.add(where + blank);
          }
          if (page.getFileName().toString().equals("index.html")) {
            ImageIO.write(shot, "png", dir.resolve("home-" + size[0] + ".png").toFile());
          }
        }
      }
      // every internal link resolves: the file exists inside the site, and a fragment names an element of its page
      for (Link l : links) {
        URI u = URI.create(l.href());
        if (!u.getScheme().equals("file")) {
          continue; // the licence's address: a link, never fetched
        }
        Path target = Path.of(new URI("file", null, u.getPath(), null));
        if (!target.normalize().startsWith(site)) {
          failures.add(site.relativize(l.page()) + ": a link outside the site: " + l.href());
        } else if (!Files.isRegularFile(target)) {
          failures.add(site.relativize(l.page()) + ": a broken link: " + site.relativize(target));
        } else if (u.getFragment() != null && anchors.containsKey(target)
            && !anchors.get(target).contains(u.getFragment())) {
          failures.add(site.relativize(l.page()) + ": a link to a missing fragment: " + l.href());
        }
      }
      assertTrue(failures.isEmpty(), String.join("\n", failures));
      assertTrue(links.stream().anyMatch(l -> l.href().endsWith("datapackage.json")), "links to datapackage.json");
      assertTrue(links.stream().anyMatch(l -> l.href().endsWith(".csv")), "download links");
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    for (String w : List.of("1280", "390")) {
      BufferedImage img = ImageIO.read(dir.resolve("home-" + w + ".png").toFile());
      assertEquals(Integer.parseInt(w), img.getWidth(), "the screenshot is taken at the emulated width");
    }
    // the README's picture of the portal is this screenshot, made by the build (docs/portal.md)
    Path docs = Path.of("..", "docs");
    if (Files.isRegularFile(Path.of("..", "pom.xml")) && Files.isDirectory(docs)) {
      Files.createDirectories(docs.resolve("img"));
      Files.copy(dir.resolve("home-1280.png"), docs.resolve("img").resolve(README_SCREENSHOT),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private record Link(Path page, String href) {}

  /** Why a screenshot looks blank, or null: too few colours or too few drawn pixels. */
  static String blank(BufferedImage img) {
    ReportScreenshotTest.Pixels px = ReportScreenshotTest.pixels(img);
    if (px.colours().size() < 20) {
      return "the screenshot looks blank: " + px.colours().size() + " colours";
    }
    if (px.drawn() < px.pixels() / 50) {
      return "the screenshot looks blank: " + px.drawn() + " of " + px.pixels() + " pixels drawn";
    }
    return null;
  }

  /**
   * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: one page target attached in flat mode,
   * commands answered by id, events collected. Not thread-safe (one test thread sends).
   */
  static final class Cdp implements AutoCloseable {
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    private Cdp(WebSocket socket) {
      this.socket = socket;
    }

    static Cdp connect(Path profile, Process chromium) throws Exception {
      Path port = profile.resolve("DevToolsActivePort");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.isRegularFile(port) && Files.readAllLines(port).size() >= 2)) {
        if (System.nanoTime() > end || !chromium.isAlive()) {
          throw new AssertionError("chromium did not open its DevTools port");
        }
        Thread.sleep(100);
      }
      List<String> lines = Files.readAllLines(port);
      URI ws = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
      Cdp[] self = new Cdp[1];
      StringBuilder partial = new StringBuilder();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
          .buildAsync(ws, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              partial.append(data);
              if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                  self[0].receive(JSON.readTree(text));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
              w.request(1);
              return null;
            }
          }).get(30, TimeUnit.SECONDS);
      Cdp cdp = new Cdp(socket);
      self[0] = cdp;
      String target = cdp.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
      cdp.session = cdp.send("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
          .path("sessionId").asText();
      for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
        cdp.send(domain + ".enable", Map.of());
      }
      return cdp;
    }

    private void receive(JsonNode msg) {
      if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt());
        if (f != null) {
          f.complete(msg);
        }
      } else {
        events.add(msg);
      }
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
      int id = ids.incrementAndGet();
      ObjectNode msg = JSON.createObjectNode();
      msg.put("id", id);
      msg.put("method", method);
      msg.set("params", JSON.valueToTree(params));
      if (session != null) {
        msg.put("sessionId", session);
      }
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      pending.put(id, f);
      socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
      JsonNode answer = f.get(60, TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new AssertionError(method + ": " + answer.path("error"));
      }
      return answer.path("result");
    }

    void navigate(String url) throws Exception {
      send("Page.navigate", Map.of("url", url));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
        if (System.nanoTime() > end) {
          throw new AssertionError("the page did not load: " + url);
        }
        Thread.sleep(20);
      }
      Thread.sleep(100); // late console messages and requests
    }

    BufferedImage screenshot() throws Exception {
      String data = send("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
      return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data)));
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
