package io.baton.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An OIDC issuer's key set on loopback: an RSA key whose public half is served as a JWKS, and
 * tokens signed with it (or with a stranger's key, to be refused).
 */
public final class LocalJwks implements AutoCloseable {
  private static final String ISSUER = "https://issuer.test";
  private final RSAKey key;
  private final RSAKey stranger;
  private final HttpServer http;

  private LocalJwks(RSAKey key, RSAKey stranger, HttpServer http) {
    this.key = key;
    this.stranger = stranger;
    this.http = http;
  }

  /** Starts serving a new key at {@link #jwksUrl()}. */
  public static LocalJwks start() throws IOException, JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID("baton-test").generate();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("baton-test").generate();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    http.createContext(
        "/jwks",
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    http.start();
    return new LocalJwks(key, stranger, http);
  }

  /** Where the key set is served. */
  public String jwksUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks";
  }

  /** The issuer the tokens name. */
  public String issuer() {
    return ISSUER;
  }

  /** A token for {@code subject} with {@code grants} in {@code baton_roles}, valid for an hour. */
  public String token(String subject, List<String> grants) {
    return sign(key, subject, grants, Instant.now().plusSeconds(3600));
  }

  /** The same token signed by a key the server does not know. */
  public String forged(String subject, List<String> grants) {
    return sign(stranger, subject, grants, Instant.now().plusSeconds(3600));
  }

  /** A token that expired an hour ago. */
  public String expired(String subject, List<String> grants) {
    return sign(key, subject, grants, Instant.now().minusSeconds(3600));
  }

  private static String sign(RSAKey with, String subject, List<String> grants, Instant expiry) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .claim("baton_roles", grants)
            .issueTime(Date.from(expiry.minusSeconds(7200)))
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(with));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
