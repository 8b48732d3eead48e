package dev.meshwright.api.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * A URL split the way Go's {@code net/url.Parse} splits it, with Go's error wording, because Istio
 * validates URLs (JWKS URIs, Wasm module URLs) with that parser and users see its messages
 * ({@code parse "https://a:b": invalid port ":b" after host}). Only the parts Istio looks at are kept.
 * Immutable.
 *
 * @param scheme the scheme in lower case, empty when the text has none
 * @param host the host with its port ({@code foo.com:8443}), empty for opaque or relative URLs
 */
public record GoUrl(String scheme, String host) {
  private static final String HOST_SAFE = "-_.~!$&'()*+,;=:[]<>\"";

  /** The parsed URL, or Go's error text (starting {@code parse "<text>": }). */
  public static Parsed parse(String raw) {
    try {
      return new Parsed(Optional.of(doParse(raw)), "");
    } catch (IllegalArgumentException e) {
      return new Parsed(Optional.empty(), "parse " + Checks.quote(raw) + ": " + e.getMessage());
    }
  }

  /**
   * The outcome of {@link #parse}: the URL, or else the error.
   *
   * @param url the URL when it parsed
   * @param error Go's error text when it did not, else empty
   */
  public record Parsed(Optional<GoUrl> url, String error) {}

  /** The port written after the host, or empty. */
  public String port() {
    String h = host;
    int bracket = h.lastIndexOf(']');
    int colon = h.lastIndexOf(':');
    if (colon < 0 || colon < bracket) {
      return "";
    }
    return h.substring(colon + 1);
  }

  /** The host without its port and brackets. */
  public String hostname() {
    String h = host;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h.substring(1) : h.substring(1, end);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static GoUrl doParse(String raw) {
    for (char c : raw.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("net/url: invalid control character in URL");
      }
    }
    String rest = raw;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    String scheme = "";
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (Character.isLetter(c) && c < 0x80) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new IllegalArgumentException("missing protocol scheme");
        }
        scheme = rest.substring(0, i).toLowerCase(Locale.ROOT);
        rest = rest.substring(i + 1);
      }
      break;
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new GoUrl(scheme, "");
      }
      int colon = rest.indexOf(':');
      int slash = rest.indexOf('/');
      if (colon >= 0 && (slash < 0 || colon < slash)) {
        throw new IllegalArgumentException("first path segment in URL cannot contain colon");
      }
    }
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      String path = slash < 0 ? "" : authority.substring(slash);
      authority = slash < 0 ? authority : authority.substring(0, slash);
      int at = authority.lastIndexOf('@');
      host = parseHost(at < 0 ? authority : authority.substring(at + 1));
      checkEscapes(path);
    } else {
      checkEscapes(rest);
    }
    return new GoUrl(scheme, host);
  }

  private static String parseHost(String host) {
    String colonPort;
    if (host.startsWith("[")) {
      int end = host.lastIndexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException("missing ']' in host");
      }
      colonPort = host.substring(end + 1);
    } else {
      int colon = host.lastIndexOf(':');
      colonPort = colon < 0 ? "" : host.substring(colon);
    }
    if (!validOptionalPort(colonPort)) {
      throw new IllegalArgumentException("invalid port " + Checks.quote(colonPort) + " after host");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '%') {
        checkEscapeAt(host, i);
        i += 2;
      } else if (!(Character.isLetterOrDigit(c) && c < 0x80) && HOST_SAFE.indexOf(c) < 0 && c < 0x80) {
        throw new IllegalArgumentException("invalid character " + Checks.quote(String.valueOf(c)) + " in host name");
      }
    }
    return host;
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    return port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static void checkEscapes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        checkEscapeAt(s, i);
        i += 2;
      }
    }
  }

  private static void checkEscapeAt(String s, int i) {
    if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
      String bad = s.substring(i, Math.min(s.length(), i + 3));
      throw new IllegalArgumentException("invalid URL escape " + Checks.quote(bad));
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
