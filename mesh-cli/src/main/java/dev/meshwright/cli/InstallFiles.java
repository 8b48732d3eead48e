package dev.meshwright.cli;

import dev.meshwright.install.InstallInputs;
import dev.meshwright.install.ProfileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The file side of mesh-install for meshctl: reads {@code -f} files, profile files and the profiles of a
 * manifests directory ({@code DIR/profiles/*.yaml}, or {@code DIR/*.yaml} without a {@code profiles}
 * folder). Stateless.
 */
final class InstallFiles implements InstallInputs.Resolver {
  static final InstallFiles INSTANCE = new InstallFiles();

  private InstallFiles() {}

  @Override
  public Optional<ProfileSource> manifests(String path) {
    Path dir = Path.of(path);
    Path profiles = Files.isDirectory(dir.resolve("profiles")) ? dir.resolve("profiles") : dir;
    if (!Files.isDirectory(profiles)) {
      return Optional.empty();
    }
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> files = Files.list(profiles)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
        String name = f.getFileName().toString();
        found.put(name.substring(0, name.length() - ".yaml".length()), Files.readString(f));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(ProfileSource.of(found, profiles.toString()));
  }

  @Override
  public Optional<String> readFile(String path) {
    try {
      return Optional.of(Files.readString(Path.of(path)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code in} plus the file {@code path}; an unreadable file becomes a diagnostic at assembly. */
  static InstallInputs withFile(InstallInputs in, Path path) {
    return in.withFile(path.toString(), INSTANCE.readFile(path.toString()).orElse(null));
  }
}
