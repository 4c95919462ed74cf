package io.baton.server.stream;

import io.baton.server.api.ApiError;
import io.baton.server.execution.ExecutionService;
import io.baton.server.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Registers the two WebSocket endpoints. The handshake is an HTTP request that went through the
 * security filters; the interceptor hands the {@link Caller} to the session and refuses (404) a run
 * of another namespace.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class StreamSocketConfig implements WebSocketConfigurer {
  private final ExecutionSocketHandler executions;
  private final EventSocketHandler events;
  private final ExecutionService service;

  StreamSocketConfig(
      ExecutionSocketHandler executions, EventSocketHandler events, ExecutionService service) {
    this.executions = executions;
    this.events = events;
    this.service = service;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(executions, "/ws/v1/executions/*")
        .addInterceptors(new CallerInterceptor(true))
        .setAllowedOriginPatterns("*");
    registry
        .addHandler(events, "/ws/v1/events")
        .addInterceptors(new CallerInterceptor(false))
        .setAllowedOriginPatterns("*");
  }

  private final class CallerInterceptor implements HandshakeInterceptor {
    private final boolean run;

    CallerInterceptor(boolean run) {
      this.run = run;
    }

    @Override
    public boolean beforeHandshake(
        ServerHttpRequest request,
        ServerHttpResponse response,
        WebSocketHandler handler,
        Map<String, Object> attributes) {
      HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
      Caller caller = (Caller) servlet.getAttribute(Caller.ATTRIBUTE);
      if (caller == null) {
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        return false;
      }
      if (run) {
        String path = servlet.getRequestURI();
        try {
          service.requireInNamespace(caller, path.substring(path.lastIndexOf('/') + 1));
        } catch (ApiError e) {
          response.setStatusCode(HttpStatus.NOT_FOUND);
          return false;
        }
      }
      attributes.put(Caller.ATTRIBUTE, caller);
      return true;
    }

    @Override
    public void afterHandshake(
        ServerHttpRequest request,
        ServerHttpResponse response,
        WebSocketHandler handler,
        Exception exception) {}
  }
}
