package io.baton.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated caller: an API key or a bearer token, with its grants. */
public final class BatonAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;
  private final String subject;
  private final transient Grants grants;

  /**
   * @param subject {@code key:<keyId>} or the token's subject
   * @param grants the caller's roles by namespace
   */
  public BatonAuthentication(String subject, Grants grants) {
    super(List.of());
    this.subject = subject;
    this.grants = grants;
    setAuthenticated(true);
  }

  /** The caller's roles by namespace. */
  public Grants grants() {
    return grants;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return subject;
  }

  @Override
  public String getName() {
    return subject;
  }
}
