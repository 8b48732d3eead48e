package dev.meshwright.model.analysis;

import java.util.Objects;

/**
 * One kind of analysis message: its stable code ({@code IST0101}), name ({@code ReferencedResourceNotFound}),
 * level and Go-style template ({@code Referenced %s not found: %q}). Immutable.
 *
 * @param code the IST code
 * @param name the message name
 * @param level how serious it is
 * @param template the text with Go fmt verbs ({@code %s %v %q %d}) filled from the message's arguments
 */
public record MessageType(String code, String name, Level level, String template) {
  public MessageType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(template, "template");
  }
}
