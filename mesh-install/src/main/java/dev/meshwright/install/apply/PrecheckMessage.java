package dev.meshwright.install.apply;

import java.util.Objects;

/**
 * One finding of {@link Precheck}: Istio's message code (empty for informational lines without one), a
 * level ({@code Error}, {@code Warning}, {@code Info}) and the text. Prints the way istioctl prints
 * analysis messages: {@code Error [IST0142] The Kubernetes Version "v1.25.3" is lower than ...}.
 */
public record PrecheckMessage(String code, String level, String text) {
  /** Validates the parts. */
  public PrecheckMessage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(text, "text");
  }

  /** Whether this finding should stop an install. */
  public boolean isError() {
    return level.equals("Error");
  }

  @Override
  public String toString() {
    return code.isEmpty() ? level + " " + text : level + " [" + code + "] " + text;
  }
}
