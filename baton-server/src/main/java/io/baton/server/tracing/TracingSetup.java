package io.baton.server.tracing;

import io.baton.api.time.TimeSource;
import io.baton.engine.Baton;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * OpenTelemetry traces of runs, off by default. {@code baton.tracing.otlp.endpoint} (the full URL
 * of the collector's {@code /v1/traces}), or the standard {@code
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} / {@code OTEL_EXPORTER_OTLP_ENDPOINT} (a base URL, {@code
 * /v1/traces} added) turn it on; {@code OTEL_TRACES_EXPORTER=none} keeps it off, {@code
 * OTEL_SERVICE_NAME} names the service (default {@code baton}). Spans go in batches over OTLP/HTTP
 * (protobuf) from a {@link RunTracer} listening to the engine.
 */
@Configuration(proxyBeanMethods = false)
public class TracingSetup {
  private static final Logger LOG = LoggerFactory.getLogger(TracingSetup.class);

  /** Where spans go, read from the configuration and environment; null when tracing is off. */
  static String endpoint(Environment environment, Map<String, String> variables) {
    if ("none".equalsIgnoreCase(variables.get("OTEL_TRACES_EXPORTER"))) {
      return null;
    }
    String configured = environment.getProperty("baton.tracing.otlp.endpoint", "");
    if (!configured.isBlank()) {
      return configured;
    }
    String traces = variables.getOrDefault("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "");
    if (!traces.isBlank()) {
      return traces;
    }
    String base = variables.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "");
    return base.isBlank() ? null : base.replaceAll("/+$", "") + "/v1/traces";
  }

  /** The tracer provider (its batches flushed and closed at shutdown), or none when off. */
  @Bean(destroyMethod = "close")
  Tracing tracing(Environment environment, Baton baton, TimeSource clock) {
    String endpoint = endpoint(environment, System.getenv());
    if (endpoint == null) {
      return new Tracing(null);
    }
    String service = System.getenv().getOrDefault("OTEL_SERVICE_NAME", "baton");
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), service))))
            .addSpanProcessor(
                BatchSpanProcessor.builder(
                        OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build())
                    .build())
            .build();
    baton.addListener(new RunTracer(provider.get("io.baton"), clock));
    LOG.info("tracing: runs, steps, model and tool calls go to {} as {}", endpoint, service);
    return new Tracing(provider);
  }

  /**
   * The tracer provider when tracing is on.
   *
   * @param provider the provider, or null when off
   */
  public record Tracing(SdkTracerProvider provider) implements AutoCloseable {
    @Override
    public void close() {
      if (provider != null) {
        provider.close();
      }
    }
  }
}
