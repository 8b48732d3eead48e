package dev.meshwright.xds.authz;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ListMatcher;
import io.envoyproxy.envoy.type.matcher.v3.MetadataMatcher;
import io.envoyproxy.envoy.type.matcher.v3.OrMatcher;
import io.envoyproxy.envoy.type.matcher.v3.PathMatcher;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.matcher.v3.ValueMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Envoy matcher constructors for authorization values: Istio's value syntax ({@code *} alone = present, a leading
 * {@code *} = suffix, a trailing {@code *} = prefix, else exact) turned into string, header, path and metadata
 * matchers. Pure and stateless.
 */
final class Matchers {
  private Matchers() {}

  /** A string matcher for an Istio value, no prefix prepended. */
  static StringMatcher string(String value) {
    return stringWithPrefix(value, "");
  }

  /**
   * A string matcher for {@code value} whose matched strings begin with {@code prefix}: {@code *} is any non-empty
   * string, a leading {@code *} becomes a suffix (a regex when there is a prefix), a trailing one a prefix.
   */
  static StringMatcher stringWithPrefix(String value, String prefix) {
    if (value.equals("*")) {
      return regex(".+");
    }
    if (value.startsWith("*")) {
      return prefix.isEmpty() ? suffix(value.substring(1), false) : regex(prefix + ".*" + value.substring(1));
    }
    if (value.endsWith("*")) {
      return prefix(prefix + value.substring(0, value.length() - 1), false);
    }
    return exact(prefix + value, false);
  }

  static StringMatcher regex(String regex) {
    return StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex(regex)).build();
  }

  static StringMatcher exact(String s, boolean ignoreCase) {
    return StringMatcher.newBuilder().setExact(s).setIgnoreCase(ignoreCase).build();
  }

  static StringMatcher prefix(String s, boolean ignoreCase) {
    return StringMatcher.newBuilder().setPrefix(s).setIgnoreCase(ignoreCase).build();
  }

  static StringMatcher suffix(String s, boolean ignoreCase) {
    return StringMatcher.newBuilder().setSuffix(s).setIgnoreCase(ignoreCase).build();
  }

  /** A header matcher: {@code *} = present, {@code *x} = suffix, {@code x*} = prefix, else exact; case-sensitive. */
  static HeaderMatcher header(String name, String value) {
    return headerMatcher(name, value, false);
  }

  /** As {@link #header} but case-insensitive, for the authority. */
  static HeaderMatcher host(String name, String value) {
    return headerMatcher(name, value, true);
  }

  private static HeaderMatcher headerMatcher(String name, String value, boolean ignoreCase) {
    HeaderMatcher.Builder b = HeaderMatcher.newBuilder().setName(name);
    if (value.equals("*")) {
      return b.setPresentMatch(true).build();
    }
    if (value.startsWith("*")) {
      return b.setStringMatch(suffix(value.substring(1), ignoreCase)).build();
    }
    if (value.endsWith("*")) {
      return b.setStringMatch(prefix(value.substring(0, value.length() - 1), ignoreCase)).build();
    }
    return b.setStringMatch(exact(value, ignoreCase)).build();
  }

  /** A URL path matcher for an Istio path value. */
  static PathMatcher path(String value) {
    return PathMatcher.newBuilder().setPath(string(value)).build();
  }

  /** The value matcher of one string matcher. */
  static ValueMatcher value(StringMatcher m) {
    return ValueMatcher.newBuilder().setStringMatch(m).build();
  }

  /** One matcher stays itself; several become an or-matcher, in order. */
  static ValueMatcher or(List<ValueMatcher> matchers) {
    if (matchers.size() == 1) {
      return matchers.get(0);
    }
    return ValueMatcher.newBuilder().setOrMatch(OrMatcher.newBuilder().addAllValueMatchers(matchers)).build();
  }

  /** An or-matcher of the Istio string values, in order. */
  static ValueMatcher stringOr(List<String> values) {
    List<ValueMatcher> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(value(string(v))));
    return or(out);
  }

  /** Dynamic metadata {@code filter}.{@code key} matched by a value matcher. */
  static MetadataMatcher metadata(String filter, String key, ValueMatcher value) {
    return metadataPath(filter, List.of(key)).setValue(value).build();
  }

  /**
   * Dynamic metadata at {@code filter}.{@code keys...} that is a list with one element matching {@code value}; in
   * the extended (jwt_authn) form also a plain value matching it.
   */
  static MetadataMatcher metadataList(String filter, List<String> keys, ValueMatcher value, JwtForm form) {
    ValueMatcher list = ValueMatcher.newBuilder().setListMatch(ListMatcher.newBuilder().setOneOf(value)).build();
    MetadataMatcher.Builder b = metadataPath(filter, keys);
    if (form == JwtForm.LIST_OR_VALUE) {
      return b.setValue(ValueMatcher.newBuilder().setOrMatch(
          OrMatcher.newBuilder().addValueMatchers(list).addValueMatchers(value))).build();
    }
    return b.setValue(list).build();
  }

  /** Whether a metadata list matcher also accepts a plain value (how jwt_authn payload claims are matched). */
  enum JwtForm {
    LIST_ONLY,
    LIST_OR_VALUE
  }

  private static MetadataMatcher.Builder metadataPath(String filter, List<String> keys) {
    MetadataMatcher.Builder b = MetadataMatcher.newBuilder().setFilter(filter);
    keys.forEach(k -> b.addPath(MetadataMatcher.PathSegment.newBuilder().setKey(k)));
    return b;
  }
}
