package io.kefu.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard page as a browser test reads and drives it (element ids of {@code dashboard.html}), shared by the
 * dashboard's own browser test and the demo's; the page redraws on every pushed view, so reads go through scripts
 * and clicks are retried on stale elements.
 */
public final class DashboardPage {
  private final Chromium chromium;
  private final ChromeDriver driver;
  private final String base;
  private final Duration patience;

  /** The page of the dashboard at {@code base} (e.g. {@code http://127.0.0.1:8080}) in {@code chromium}. */
  public DashboardPage(Chromium chromium, String base, Duration patience) {
    this.chromium = chromium;
    this.driver = chromium.driver();
    this.base = base;
    this.patience = patience;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** The dashboard's base URL. */
  public String base() {
    return base;
  }

  /** Opens the dashboard with {@code token} in the URL and waits until the page has taken it out of the URL. */
  public void openAs(String token) {
    driver.get(base + "?token=" + token);
    await().atMost(patience).until(() -> "/".equals(driver.executeScript("return location.pathname + location.search")));
  }

  /**
   * Clicks the conversation in the handoff queue until it shows as selected; the click is one script, as the queue
   * may redraw between a separate find and click.
   */
  public void select(String conversationId) {
    String item = "#handoff-list [data-conversation='" + conversationId + "']";
    await().atMost(patience).until(() -> Boolean.TRUE.equals(driver.executeScript(
        "const item = document.querySelector(arguments[0]);"
            + "if (!item) return false;"
            + "item.scrollIntoView({block: 'nearest'}); item.click();"
            + "return document.querySelector(arguments[0]).classList.contains('selected');", item)));
  }

  /** Clicks the enabled {@code action} button ({@code promote}, {@code roll-back}) of {@code version} once. */
  public void click(String action, String version) {
    await().atMost(patience).ignoreException(StaleElementReferenceException.class).until(() -> {
      WebElement button = button(action, version);
      if (!button.isEnabled()) {
        return false;
      }
      scrollToCenter(button);
      button.click();
      return true;
    });
  }

  /** Clicks {@code element} once it is scrolled to the middle of the viewport, clear of the sticky header. */
  public void clickCentered(WebElement element) {
    scrollToCenter(element);
    element.click();
  }

  private void scrollToCenter(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  /** Whether each element matching {@code selector} is disabled, read in one go while the page may redraw. */
  @SuppressWarnings("unchecked")
  public List<Boolean> disabledStates(String selector) {
    return (List<Boolean>) driver.executeScript(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.disabled)", selector);
  }

  /** The model registry's row of {@code version}. */
  public WebElement row(String version) {
    return driver.findElement(By.cssSelector("#models-body tr[data-version='" + version + "']"));
  }

  /** The {@code action} button of {@code version} in the model registry. */
  public WebElement button(String action, String version) {
    return driver.findElement(By.cssSelector("button[data-action='" + action + "'][data-version='" + version + "']"));
  }

  /** How many points the chart with id {@code chartId} draws. */
  public int points(String chartId) {
    return Integer.parseInt(attribute(chartId, "data-points"));
  }

  public String attribute(String id, String name) {
    return driver.findElement(By.id(id)).getAttribute(name);
  }

  /** The text of the element with id {@code id}, as the DOM holds it (hidden parts included). */
  public String text(String id) {
    return (String) driver.executeScript("return document.getElementById(arguments[0]).textContent", id);
  }

  /** Makes the viewport {@code width}x{@code height} and checks the page needs no sideways scrolling there. */
  public void fitsWidth(int width, int height) {
    chromium.viewport(width, height);
    driver.executeScript("window.scrollTo(0, 0)");
    await().atMost(patience).until(() -> ((Number) driver.executeScript("return window.innerWidth")).intValue() == width);
    assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
        .as("no sideways scrolling at %d px", width).isLessThanOrEqualTo(width);
  }

  /** Saves into {@code directory} a PNG of a {@code width}x{@code height} viewport, or of the whole page at that width. */
  public void screenshot(Path directory, String name, int width, int height, boolean fullPage) throws IOException {
    fitsWidth(width, height);
    if (fullPage) {
      int full = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).intValue();
      chromium.viewport(width, full);
      await().atMost(patience).until(() -> ((Number) driver.executeScript("return window.innerHeight")).intValue() >= full);
    }
    Files.createDirectories(directory);
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(directory.resolve(name), png);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    chromium.viewport(width, height);
  }
}
