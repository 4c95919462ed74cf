package io.baton.server.security;

/**
 * Who is calling and in which namespace, as established by the security filters; controllers take
 * it as a parameter.
 *
 * @param subject the API key's name ({@code key:<id>}) or the token's subject
 * @param namespace the namespace of the request ({@code X-Baton-Namespace}, default {@code
 *     default})
 * @param role the caller's role in that namespace
 * @param grants all the caller's grants
 */
public record Caller(String subject, String namespace, Role role, Grants grants) {

  /** The request attribute that holds it. */
  public static final String ATTRIBUTE = Caller.class.getName();
}
