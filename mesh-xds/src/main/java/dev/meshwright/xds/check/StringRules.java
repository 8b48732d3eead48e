package dev.meshwright.xds.check;

import dev.meshwright.xds.NodeIds;
import io.envoyproxy.pgv.validate.Validate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** protoc-gen-validate string rules: lengths, pattern, affixes, lists and the well-known formats Envoy uses. */
final class StringRules {
  private StringRules() {}

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Pattern HEADER_NAME = Pattern.compile("^:?[0-9a-zA-Z!#$%&'*+\\-.^_|~`]+$");
  private static final Pattern HEADER_VALUE = Pattern.compile("^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F]*$");
  private static final Pattern LOOSE = Pattern.compile("^[^\\u0000\\n\\r]*$");
  private static final Pattern HOSTNAME =
      Pattern.compile("^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}"
          + "[a-zA-Z0-9])?)*\\.?$");

  static void check(String v, Validate.StringRules r, String path, List<String> out) {
    if (r.getIgnoreEmpty() && v.isEmpty()) {
      return;
    }
    int chars = v.codePointCount(0, v.length());
    int bytes = v.getBytes(StandardCharsets.UTF_8).length;
    if (r.hasConst() && !v.equals(r.getConst())) {
      out.add(path + ": value must equal \"" + r.getConst() + "\"");
    }
    if (r.hasLen() && chars != r.getLen()) {
      out.add(path + ": value length must be " + r.getLen() + " runes");
    }
    if (r.hasMinLen() && chars < r.getMinLen()) {
      out.add(path + ": value length must be at least " + r.getMinLen() + " runes");
    }
    if (r.hasMaxLen() && chars > r.getMaxLen()) {
      out.add(path + ": value length must be at most " + r.getMaxLen() + " runes");
    }
    if (r.hasMinBytes() && bytes < r.getMinBytes()) {
      out.add(path + ": value length must be at least " + r.getMinBytes() + " bytes");
    }
    if (r.hasMaxBytes() && bytes > r.getMaxBytes()) {
      out.add(path + ": value length must be at most " + r.getMaxBytes() + " bytes");
    }
    if (r.hasPattern()) {
      checkPattern(v, r.getPattern(), path, out);
    }
    if (r.hasPrefix() && !v.startsWith(r.getPrefix())) {
      out.add(path + ": value does not have prefix \"" + r.getPrefix() + "\"");
    }
    if (r.hasSuffix() && !v.endsWith(r.getSuffix())) {
      out.add(path + ": value does not have suffix \"" + r.getSuffix() + "\"");
    }
    if (r.hasContains() && !v.contains(r.getContains())) {
      out.add(path + ": value does not contain \"" + r.getContains() + "\"");
    }
    if (r.hasNotContains() && v.contains(r.getNotContains())) {
      out.add(path + ": value contains \"" + r.getNotContains() + "\"");
    }
    if (!r.getInList().isEmpty() && !r.getInList().contains(v)) {
      out.add(path + ": value must be in list " + r.getInList());
    }
    if (r.getNotInList().contains(v)) {
      out.add(path + ": value must not be in list " + r.getNotInList());
    }
    wellKnown(v, r, path, out);
  }

  private static void wellKnown(String v, Validate.StringRules r, String path, List<String> out) {
    switch (r.getWellKnownCase()) {
      case HOSTNAME -> {
        if (r.getHostname() && !HOSTNAME.matcher(v).matches()) {
          out.add(path + ": value must be a valid hostname");
        }
      }
      case IP, IPV4, IPV6 -> {
        if (!NodeIds.isIp(v)) {
          out.add(path + ": value must be a valid IP address");
        }
      }
      case ADDRESS -> {
        if (r.getAddress() && !NodeIds.isIp(v) && !HOSTNAME.matcher(v).matches()) {
          out.add(path + ": value must be a valid hostname or IP address");
        }
      }
      case WELL_KNOWN_REGEX -> {
        boolean strict = !r.hasStrict() || r.getStrict();
        Pattern p = switch (r.getWellKnownRegex()) {
          case HTTP_HEADER_NAME -> strict ? HEADER_NAME : LOOSE;
          case HTTP_HEADER_VALUE -> strict ? HEADER_VALUE : LOOSE;
          default -> null;
        };
        if (p != null && !v.isEmpty() && !p.matcher(v).matches()) {
          out.add(path + ": value does not match the " + r.getWellKnownRegex() + " format");
        }
      }
      default -> { }
    }
  }

  static void checkPattern(String v, String re2, String path, List<String> out) {
    Pattern p = PATTERNS.computeIfAbsent(re2, k -> {
      Pattern compiled = ValueRules.compile(k);
      return compiled == null ? Pattern.compile(".*", Pattern.DOTALL) : compiled;
    });
    if (!p.matcher(v).find()) {
      out.add(path + ": value does not match regex pattern \"" + re2 + "\"");
    }
  }
}
