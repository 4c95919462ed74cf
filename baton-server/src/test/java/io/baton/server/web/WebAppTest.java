package io.baton.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.server.support.Api;
import io.baton.server.support.ServerTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app (baton-ui) is served at / without a key, and its routes fall back to index.html. */
class WebAppTest extends ServerTest {
  private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

  private Api anonymous() {
    return new Api(port, null, null);
  }

  @Test
  void theAppIsServedAtTheRootWithoutAKey() {
    Api.Response root = anonymous().get("/");
    assertThat(root.status()).as(root.body()).isEqualTo(200);
    assertThat(root.header("Content-Type")).startsWith("text/html");
    assertThat(root.body()).contains("<div id=\"root\"></div>").containsPattern(SCRIPT);
    assertThat(root.header("Cache-Control")).contains("no-cache");
  }

  @Test
  void theAppsScriptIsServedAndCached() {
    Matcher script = SCRIPT.matcher(anonymous().get("/").body());
    assertThat(script.find()).isTrue();
    Api.Response js = anonymous().get(script.group(1));
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.header("Content-Type")).contains("javascript");
    assertThat(js.body()).contains("createRoot");
    assertThat(js.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
  }

  @Test
  void deepRoutesOfTheAppGetIndexHtml() {
    for (String route : new String[] {"/workflows", "/workflows/new", "/executions/run-1/steps"}) {
      Api.Response page = anonymous().get(route);
      assertThat(page.status()).as(route).isEqualTo(200);
      assertThat(page.header("Content-Type")).as(route).startsWith("text/html");
      assertThat(page.body()).as(route).contains("<div id=\"root\"></div>");
    }
  }

  @Test
  void missingFilesAreNotTheApp() {
    assertThat(anonymous().get("/assets/nothing-here.js").status()).isEqualTo(404);
    assertThat(anonymous().get("/favicon-missing.png").status()).isEqualTo(404);
  }

  @Test
  void theApiStreamsActuatorAndOpenApiPathsDoNotFallBackToTheApp() {
    Api.Response api = admin.get("/api/v1/nothing-here");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous().get("/api/v1/workflows").status()).isEqualTo(401);
    assertThat(anonymous().get("/ws/v1/nothing").status()).isEqualTo(401);
    for (String path : new String[] {"/ws/v1/nothing", "/actuator/nothing", "/v3/nothing"}) {
      Api.Response r = admin.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("<div id=\"root\">");
    }
    assertThat(anonymous().get("/swagger-ui/nothing").body()).doesNotContain("<div id=\"root\">");
  }

  @Test
  void appRoutesExcludeReservedPrefixesAndFiles() {
    assertThat(WebAppConfig.isAppRoute("")).isTrue();
    assertThat(WebAppConfig.isAppRoute("workflows/abc")).isTrue();
    assertThat(WebAppConfig.isAppRoute("api/v1/x")).isFalse();
    assertThat(WebAppConfig.isAppRoute("actuator/health")).isFalse();
    assertThat(WebAppConfig.isAppRoute("swagger-ui/index.html")).isFalse();
    assertThat(WebAppConfig.isAppRoute("logo.png")).isFalse();
  }
}
