package dev.meshwright.install.render;

/** A render error with the spec path it concerns; caught by {@link ManifestRenderer} and reported as a diagnostic. */
final class RenderProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;

  RenderProblem(String path, String message) {
    super(message, null, false, false);
    this.path = path;
  }

  String path() {
    return path;
  }
}
