package io.baton.server.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app ({@code baton-ui}, packaged under {@code META-INF/resources/}) at {@code /}. A
 * path that names no file of the app and does not belong to the API, the streams, the actuator or
 * the OpenAPI pages is a route of the app: it gets {@code index.html}, so that a bookmarked or
 * reloaded deep link opens the app. The app's hashed assets are cached for a year; {@code
 * index.html} is revalidated on each load so that a new server version is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
public class WebAppConfig implements WebMvcConfigurer {
  static final String LOCATION = "classpath:/META-INF/resources/";
  static final String INDEX = "index.html";
  private static final List<String> RESERVED =
      List.of("api/", "ws/", "actuator", "v3/", "swagger-ui", "error");

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations(LOCATION + "assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/**")
        .addResourceLocations(LOCATION)
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new AppRoutes());
  }

  /** Whether {@code path} (without its leading slash) may be a route of the app. */
  static boolean isAppRoute(String path) {
    return RESERVED.stream().noneMatch(path::startsWith)
        && !path.substring(path.lastIndexOf('/') + 1).contains(".");
  }

  /** The file asked for when the app has it, else {@code index.html} for the app's routes. */
  static final class AppRoutes extends PathResourceResolver {
    @Override
    protected Resource getResource(String path, Resource location) throws IOException {
      Resource file = location.createRelative(path);
      if (!path.isEmpty() && file.isReadable() && checkResource(file, location)) {
        return file;
      }
      Resource index = location.createRelative(INDEX);
      return isAppRoute(path) && index.isReadable() ? index : null;
    }
  }
}
