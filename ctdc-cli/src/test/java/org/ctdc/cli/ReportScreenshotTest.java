package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo's {@code report.html} in headless Chromium and checks the screenshot is not blank. Skipped,
 * with a message on standard error, only when no Chromium is installed ({@code .ci/run} installs it).
 */
class ReportScreenshotTest {

  static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What a screenshot shows, sampled every second pixel of every second row.
   *
   * @param colours the colours seen
   * @param drawn the pixels sampled that are not white
   * @param pixels the pixels sampled
   */
  record Pixels(Set<Integer> colours, long drawn, long pixels) {}

  static Pixels pixels(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    long drawn = 0;
    long pixels = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        pixels++;
        if (rgb != 0xFFFFFF) {
          drawn++;
        }
      }
    }
    return new Pixels(colours, drawn, pixels);
  }

  @Test
  void reportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
    Optional<String> browser = chromium();
    if (browser.isEmpty()) {
      System.err.println("SKIPPED ReportScreenshotTest: chromium is not installed (apt-get install -y chromium)");
    }
    Assumptions.assumeTrue(browser.isPresent(), "chromium is not installed");
    Path out = dir.resolve("demo");
    CliTest.Run r = CliTest.run("demo", "--quiet", "--rows", "300", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Path png = dir.resolve("report.png");
    Process p = new ProcessBuilder(browser.get(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--hide-scrollbars", "--window-size=1280,1600",
        "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + png,
        out.resolve("report.html").toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    assertTrue(Files.isRegularFile(png), "no screenshot: " + Files.readString(dir.resolve("chromium.log")));
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() >= 1000 && img.getHeight() >= 1000, img.getWidth() + "x" + img.getHeight());
    Pixels px = pixels(img);
    Set<Integer> colours = px.colours();
    long nonWhite = px.drawn();
    long pixels = px.pixels();
    assertTrue(colours.size() > 50, "the page looks blank: " + colours.size() + " colours");
    assertTrue(nonWhite > pixels / 50, "the page looks blank: " + nonWhite + " of " + pixels + " pixels drawn");
    // the chart colours of the class-size histogram appear (before: #4e79a7, after: #f28e2b)
    assertTrue(colours.contains(0x4e79a7) && colours.contains(0xf28e2b), "the charts are drawn");
  }
}
