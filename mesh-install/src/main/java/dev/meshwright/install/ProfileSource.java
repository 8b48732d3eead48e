package dev.meshwright.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where IstioOperator profiles come from: the Istio 1.22.8 profiles built into this jar, or the
 * {@code profiles/} folder of a manifests directory ({@code --manifests DIR}). Immutable.
 */
public abstract sealed class ProfileSource {
  private static final String RESOURCES = "/dev/meshwright/install/profiles/";

  private ProfileSource() {}

  /** The built-in Istio 1.22.8 profiles. */
  public static ProfileSource builtin() {
    return Builtin.INSTANCE;
  }

  /**
   * The profiles of a manifests directory: {@code DIR/profiles/*.yaml}, or {@code DIR/*.yaml} when
   * {@code DIR} has no {@code profiles} folder.
   */
  public static ProfileSource directory(Path dir) {
    Path profiles = dir.resolve("profiles");
    return new Directory(Files.isDirectory(profiles) ? profiles : dir);
  }

  /** The profile names, sorted. */
  public abstract List<String> names();

  /** The YAML text of the named profile, if there is one. */
  public abstract Optional<String> read(String name);

  /** A short description for messages. */
  public abstract String describe();

  private static final class Builtin extends ProfileSource {
    static final Builtin INSTANCE = new Builtin();

    @Override
    public List<String> names() {
      return resource("index.txt").map(s -> s.lines().map(String::strip).filter(l -> !l.isEmpty())
          .sorted().toList()).orElse(List.of());
    }

    @Override
    public Optional<String> read(String name) {
      return names().contains(name) ? resource(name + ".yaml") : Optional.empty();
    }

    private static Optional<String> resource(String file) {
      try (InputStream in = ProfileSource.class.getResourceAsStream(RESOURCES + file)) {
        return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String describe() {
      return "built-in profiles";
    }
  }

  private static final class Directory extends ProfileSource {
    private final Path dir;

    Directory(Path dir) {
      this.dir = dir;
    }

    @Override
    public List<String> names() {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
            .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
      } catch (IOException e) {
        return List.of();
      }
    }

    @Override
    public Optional<String> read(String name) {
      Path file = dir.resolve(name + ".yaml");
      if (name.contains("/") || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(file));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    @Override
    public String describe() {
      return dir.toString();
    }
  }
}
