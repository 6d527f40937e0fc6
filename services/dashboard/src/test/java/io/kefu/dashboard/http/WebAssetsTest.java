package io.kefu.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.dashboard.support.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's files as shipped: every file a page loads is in the jar, and no script builds markup from strings. */
class WebAssetsTest {
  private static final List<String> SCRIPTS = List.of("i18n.js", "dom.js", "charts.js", "panels.js", "dashboard.js",
      "login.js");

  private static String resource(String path) throws IOException {
    try (InputStream in = WebAssetsTest.class.getResourceAsStream(path)) {
      assertThat(in).as("resource %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldLoadOnlyFilesTheJarServesIncludingTheChartLibraryVersionOfThePom() throws IOException {
    for (String page : List.of("dashboard.html", "login.html")) {
      String html = resource(WebResources.ROOT + "/pages/" + page);
      assertThat(html).contains("<meta charset=\"utf-8\">", "name=\"viewport\"");
      Matcher refs = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(html);
      int found = 0;
      while (refs.find()) {
        String ref = refs.group(1);
        String path = ref.startsWith("/webjars/") ? WebResources.WEBJARS + ref.substring("/webjars".length())
            : WebResources.ASSETS + ref.substring("/assets".length());
        assertThat(WebAssetsTest.class.getResource(path)).as("%s loads %s", page, ref).isNotNull();
        found++;
      }
      assertThat(found).as("files loaded by %s", page).isGreaterThanOrEqualTo(3);
      assertThat(html).doesNotContain("http://", "https://").doesNotContainPattern("<script>[^<]");
    }
    assertThat(resource(WebResources.ROOT + "/pages/dashboard.html"))
        .contains("/webjars/uplot/" + BuildInfo.uplotVersion() + "/dist/uPlot.iife.min.js");
  }

  @Test
  void shouldNeverTurnDataIntoMarkupInAnyScript() throws IOException {
    for (String script : SCRIPTS) {
      String js = resource(WebResources.ASSETS + "/" + script);
      assertThat(js).as(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
          "eval(", "new Function");
    }
  }

  @Test
  void shouldTranslateEveryInterfaceStringIntoChinese() throws IOException {
    String i18n = resource(WebResources.ASSETS + "/i18n.js");
    int en = i18n.indexOf("en: {");
    int zh = i18n.indexOf("zh: {");
    List<String> englishKeys = keys(i18n.substring(en, zh));
    List<String> chineseKeys = keys(i18n.substring(zh));
    assertThat(chineseKeys).containsExactlyInAnyOrderElementsOf(englishKeys);
    for (String page : List.of("dashboard.html", "login.html")) {
      Matcher used = Pattern.compile("data-i18n(?:-placeholder)?=\"([A-Za-z_]+)\"")
          .matcher(resource(WebResources.ROOT + "/pages/" + page));
      while (used.find()) {
        assertThat(englishKeys).as("%s uses %s", page, used.group(1)).contains(used.group(1));
      }
    }
  }

  private static List<String> keys(String block) {
    return Pattern.compile("\\b([A-Za-z_]+): '").matcher(block).results().map(m -> m.group(1)).toList();
  }
}
