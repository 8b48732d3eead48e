package dev.meshwright.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of an analyzer: its type, the resource it is about, the template arguments and, when the
 * analyzer points at a field, that field's path. Immutable (arguments are copied; collection arguments are
 * frozen).
 *
 * <p>{@link #format()} prints the line {@code istioctl analyze} prints:
 * {@code Error [IST0101] (VirtualService default/foo) Referenced gateway not found: "bar"}.
 *
 * @param type the message type from {@link Messages}
 * @param origin the resource, if the message is about one
 * @param args the template arguments (strings, numbers, or lists of them)
 * @param path the field path the message points at ({@code spec.gateways[0]}), or empty
 */
public record AnalysisMessage(MessageType type, Optional<ResourceRef> origin, List<Object> args, String path) {
  public AnalysisMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(origin, "origin");
    List<Object> copy = new ArrayList<>(args.size());
    for (Object a : args) {
      copy.add(a instanceof Collection<?> c ? Collections.unmodifiableList(new ArrayList<>(c)) : a);
    }
    args = Collections.unmodifiableList(copy);
    path = Objects.requireNonNullElse(path, "");
  }

  /** A message about {@code origin} with the template's arguments. */
  public static AnalysisMessage of(MessageType type, ResourceRef origin, Object... args) {
    return new AnalysisMessage(type, Optional.ofNullable(origin), Arrays.asList(args), "");
  }

  /** This message pointing at a field of its resource. */
  public AnalysisMessage at(String fieldPath) {
    return new AnalysisMessage(type, origin, args, fieldPath);
  }

  /** The message text: the template filled with the arguments. */
  public String text() {
    return GoFormat.sprintf(type.template(), args);
  }

  /** The level of the message type. */
  public Level level() {
    return type.level();
  }

  /** The code of the message type. */
  public String code() {
    return type.code();
  }

  /** The origin's friendly name ({@code Kind ns/name}), or empty. */
  public String originName() {
    return origin.map(ResourceRef::friendlyName).orElse("");
  }

  /** The 1-based line of the origin's document in its source, 0 when unknown or without origin. */
  public int line() {
    return origin.map(ResourceRef::line).orElse(0);
  }

  /** The file reference ({@code file.yaml:12}), or empty. */
  public String reference() {
    return origin.map(o -> o.reference(0)).orElse("");
  }

  /** {@code Level [CODE] (Kind ns/name file:line) text}, as Istio prints a message. */
  public String format() {
    StringBuilder b = new StringBuilder(type.level().label()).append(" [").append(type.code()).append(']');
    origin.ifPresent(o -> {
      b.append(" (").append(o.friendlyName());
      String ref = o.reference(0);
      if (!ref.isEmpty()) {
        b.append(' ').append(ref);
      }
      b.append(')');
    });
    return b.append(' ').append(text()).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
