package dev.meshwright.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where IstioOperator profiles come from: the Istio 1.22.8 profiles built into this jar, or profiles an
 * edge (the CLI) read from a manifests directory ({@code --manifests DIR}) and handed over as text.
 * Immutable.
 */
public final class ProfileSource {
  private static final String RESOURCES = "/dev/meshwright/install/profiles/";
  private static final ProfileSource BUILTIN = loadBuiltin();

  private final Map<String, String> profiles;
  private final String description;

  private ProfileSource(Map<String, String> profiles, String description) {
    this.profiles = new TreeMap<>(profiles);
    this.description = description;
  }

  /** The built-in Istio 1.22.8 profiles. */
  public static ProfileSource builtin() {
    return BUILTIN;
  }

  /** Profiles given as (name, YAML text); {@code description} names their origin in messages. */
  public static ProfileSource of(Map<String, String> profiles, String description) {
    return new ProfileSource(profiles, description);
  }

  private static ProfileSource loadBuiltin() {
    Map<String, String> found = new TreeMap<>();
    resource("index.txt").orElse("").lines().map(String::strip).filter(l -> !l.isEmpty())
        .forEach(n -> resource(n + ".yaml").ifPresent(text -> found.put(n, text)));
    return new ProfileSource(found, "built-in profiles");
  }

  private static Optional<String> resource(String file) {
    try (InputStream in = ProfileSource.class.getResourceAsStream(RESOURCES + file)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The profile names, sorted. */
  public List<String> names() {
    return List.copyOf(profiles.keySet());
  }

  /** The YAML text of the named profile, if there is one. */
  public Optional<String> read(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  /** A short description of the origin, for messages. */
  public String describe() {
    return description;
  }
}
