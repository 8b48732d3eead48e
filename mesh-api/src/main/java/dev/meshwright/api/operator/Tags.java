package dev.meshwright.api.operator;

import java.util.Optional;

/** The shape rule shared by every {@code tag} field. */
final class Tags {
  private Tags() {}

  static void check(Optional<Object> tag) {
    tag.ifPresent(t -> {
      if (!(t instanceof String) && !(t instanceof Number)) {
        throw new IllegalStateException("tag must be a string or a number");
      }
    });
  }

}
