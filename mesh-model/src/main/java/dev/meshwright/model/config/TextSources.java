package dev.meshwright.model.config;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import java.util.List;

/**
 * Puts the text of one source (a YAML or JSON file) into a {@link ConfigStore}, the pure half of a file
 * source: the edge reads files, this decides what the store holds. A source that reads cleanly replaces
 * everything it held before ({@link ConfigStore#replaceSource}); a source with errors (a broken document)
 * only adds or updates what could be read and deletes nothing, so one bad edit never empties the mesh.
 * Stateless and thread-safe.
 */
public final class TextSources {
  private TextSources() {}

  /**
   * What applying one source did.
   *
   * @param events the store changes
   * @param diagnostics the problems reading the text (the source's resources were kept when any is an error)
   */
  public record Applied(List<ConfigEvent> events, List<Diagnostic> diagnostics) {
    public Applied {
      events = List.copyOf(events);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads {@code text} with {@code codec} and applies it to {@code store} as source {@code name}. */
  public static Applied apply(ConfigStore store, String name, String text, MeshYaml codec) {
    ReadResult read = codec.readAll(name, text);
    List<ConfigEvent> events = read.hasErrors()
        ? store.putAll(name, read.resources())
        : store.replaceSource(name, read.resources());
    return new Applied(events, read.diagnostics());
  }

  /** Removes everything source {@code name} put in the store (the file was deleted). */
  public static List<ConfigEvent> remove(ConfigStore store, String name) {
    return store.replaceSource(name, List.of());
  }
}
