package dev.meshwright.api.validation;

import dev.meshwright.api.Problems;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks used by several kinds, with the messages Istio's validation gives for them.
 * Methods either report to a {@link Problems} view or return an {@code Optional} message
 * (empty when the value is fine), so callers can add context.
 */
public final class Checks {
  private static final int DNS1123_LABEL_MAX = 63;
  private static final Pattern LOWER_DNS1123_LABEL_RE = Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME_RE =
      Pattern.compile("(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern LABEL_VALUE_RE =
      Pattern.compile("(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private Checks() {}

  /** Whether {@code s} is a DNS-1123 label (letters of either case, digits, inner dashes, at most 63). */
  public static boolean isDns1123Label(String s) {
    // Hand-written: this runs for every label of every host, and a regex matcher per label showed up hot.
    int n = s.length();
    if (n == 0 || n > DNS1123_LABEL_MAX || !isAlnum(s.charAt(0)) || !isAlnum(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && !isAlnum(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isAllDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} is a lower-case DNS-1123 label, as Kubernetes namespace names are. */
  public static boolean isLowerDns1123Label(String s) {
    return s.length() <= DNS1123_LABEL_MAX && LOWER_DNS1123_LABEL_RE.matcher(s).matches();
  }

  /** Whether {@code s} is a label that may start with {@code *} or {@code *-}, or is just {@code *}. */
  public static boolean isWildcardDns1123Label(String s) {
    if (s.length() > DNS1123_LABEL_MAX) {
      return false;
    }
    if (s.equals("*")) {
      return true;
    }
    String rest = s.startsWith("*-") ? s.substring(2) : s.startsWith("*") ? s.substring(1) : s;
    return isDns1123Label(rest);
  }

  /** Istio's DNS-1123 label check of every dot-separated part of {@code domain}; a trailing dot is allowed. */
  public static Optional<String> dns1123Labels(String domain) {
    int lastDot = domain.lastIndexOf('.');
    String top = domain.substring(lastDot + 1);
    if (isAllDigits(top)) {
      return Optional.of(String.format(
          "domain name %s invalid (top level domain %s cannot be all-numeric)", quote(domain), quote(top)));
    }
    int start = 0;
    while (true) {
      int dot = domain.indexOf('.', start);
      int end = dot < 0 ? domain.length() : dot;
      String label = domain.substring(start, end);
      if (dot < 0 && label.isEmpty()) {
        return Optional.empty(); // a trailing dot, as in "istio.io."
      }
      if (!isDns1123Label(label)) {
        return Optional.of(String.format("domain name %s invalid (label %s invalid)", quote(domain), quote(label)));
      }
      if (dot < 0) {
        return Optional.empty();
      }
      start = dot + 1;
    }
  }

  private static Optional<String> domainPreconditions(String name) {
    if (name.length() > 255) {
      return Optional.of("domain name " + quote(name) + " too long (max 255)");
    }
    if (name.isEmpty()) {
      return Optional.of("empty domain name not allowed");
    }
    return Optional.empty();
  }

  /** A fully qualified domain name without wildcards. */
  public static Optional<String> fqdn(String name) {
    return domainPreconditions(name).or(() -> dns1123Labels(name));
  }

  /** A domain whose first label may be a wildcard ({@code *.example.com}, {@code *}). */
  public static Optional<String> wildcardDomain(String domain) {
    Optional<String> pre = domainPreconditions(domain);
    if (pre.isPresent()) {
      return pre;
    }
    int dot = domain.indexOf('.');
    String first = dot < 0 ? domain : domain.substring(0, dot);
    if (!isWildcardDns1123Label(first)) {
      return Optional.of(String.format("domain name %s invalid (label %s invalid)", quote(domain), quote(first)));
    }
    return dot < 0 ? Optional.empty() : dns1123Labels(domain.substring(dot + 1));
  }

  /** A port number in 1..65535. */
  public static Optional<String> port(long port) {
    return port >= 1 && port <= 65535
        ? Optional.empty()
        : Optional.of("port number " + port + " must be in the range 1..65535");
  }

  /** Reports a port outside 1..65535 at {@code p}. */
  public static void port(long port, Problems p) {
    port(port).ifPresent(p::error);
  }

  /** A duration of at least 1ms with whole milliseconds, as Istio requires of every timeout. */
  public static Optional<String> duration(Duration d) {
    if (d.compareTo(Duration.ofMillis(1)) < 0) {
      return Optional.of("duration must be greater than 1ms");
    }
    if (d.getNano() % 1_000_000 != 0) {
      return Optional.of("only durations to ms precision are supported");
    }
    return Optional.empty();
  }

  /** Reports a bad duration at {@code p}. */
  public static void duration(Duration d, Problems p) {
    duration(d).ifPresent(p::error);
  }

  /** Workload selector labels: no empty keys, no wildcards. */
  public static void workloadSelector(Map<String, String> matchLabels, Problems p) {
    boolean clean = true;
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      clean &= !e.getKey().isEmpty() && !e.getKey().contains("*") && !e.getValue().contains("*");
    }
    if (clean) {
      return; // sort (for a stable report order) only when there is something to report
    }
    new TreeMap<>(matchLabels).forEach((k, v) -> {
      String pair = quote(k + "=" + v);
      if (k.isEmpty()) {
        p.error("empty key is not supported in selector: " + pair);
      }
      if (k.contains("*") || v.contains("*")) {
        p.error("wildcard is not supported in selector: " + pair);
      }
    });
  }

  /** Kubernetes label syntax: keys are {@code [prefix/]name}, values at most 63 characters of a safe set. */
  public static void labels(Map<String, String> labels, Problems p) {
    if (labels.size() > 1) {
      boolean clean = true;
      for (Map.Entry<String, String> e : labels.entrySet()) {
        clean &= labelKey(e.getKey()).isEmpty() && isLabelValue(e.getValue());
      }
      if (clean) {
        return; // sort (for a stable report order) only when there is something to report
      }
    }
    new TreeMap<>(labels).forEach((k, v) -> {
      labelKey(k).ifPresent(p::error);
      if (!isLabelValue(v)) {
        p.error("invalid tag value: " + quote(v));
      }
    });
  }

  private static boolean isLabelValue(String v) {
    return v.length() <= 63 && LABEL_VALUE_RE.matcher(v).matches();
  }

  private static Optional<String> labelKey(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || dns1123Labels(prefix).isPresent()) {
        return Optional.of("invalid tag key: " + quote(key));
      }
    }
    if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME_RE.matcher(name).matches()) {
      return Optional.of("invalid tag key: " + quote(key));
    }
    return Optional.empty();
  }

  /**
   * Istio's {@code exportTo} rules for a resource in {@code namespace}: entries are {@code .}, {@code *},
   * {@code ~} (services only) or namespace names; no duplicates; {@code *} alone.
   *
   * @param allowNone whether {@code ~} is allowed (ServiceEntry); Istio forbids it for other kinds
   */
  public static void exportTo(List<String> exportTo, String namespace, NoneExport allowNone, Problems p) {
    if (exportTo.isEmpty()) {
      return;
    }
    Set<String> seen = new HashSet<>();
    boolean publicSeen = false;
    for (String e : exportTo) {
      String entry = e;
      if (entry.equals(".")) {
        if (seen.contains(namespace)) {
          p.error("duplicate entries in exportTo: . and current namespace " + namespace);
          continue;
        }
        entry = namespace;
      } else if (entry.equals(namespace) && seen.contains(namespace)) {
        p.error("duplicate entries in exportTo: . and current namespace " + namespace);
        continue;
      }
      if (!seen.add(entry)) {
        p.error("duplicate entries in exportTo for entry " + e);
        continue;
      }
      if (e.equals("*")) {
        publicSeen = true;
      } else if (e.equals("~")) {
        if (allowNone == NoneExport.FORBIDDEN) {
          p.error("exportTo ~ (none) is not allowed for Istio configuration objects");
        }
      } else if (!e.equals(".") && !isLowerDns1123Label(e)) {
        p.error("only .,*, or a valid DNS 1123 label is allowed as exportTo entry");
      }
    }
    if (publicSeen && seen.size() > 1) {
      p.error("cannot have both public (*) and non-public exportTo values for a resource");
    }
    if (allowNone == NoneExport.ALLOWED && seen.contains("~") && exportTo.size() > 1) {
      p.error("cannot export service entry to no one (~) and someone");
    }
  }

  /** Whether {@code exportTo: ["~"]} is allowed. */
  public enum NoneExport {
    ALLOWED,
    FORBIDDEN
  }

  /** Go's {@code %q}: a double-quoted string with backslash escapes. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
