package dev.meshwright.model.analysis.analyzers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Istio resource annotations of Istio 1.22 (istio/api): name, feature status, deprecation and the resource
 * types each may be placed on; read once from the {@code annotations.tsv} resource of this jar. Immutable.
 */
final class AnnotationTable {
  /** One annotation definition. */
  record Definition(String name, String featureStatus, boolean deprecated, List<String> resources) {}

  private static final Map<String, Definition> BY_NAME = load();

  private AnnotationTable() {}

  static Optional<Definition> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** {@code kubernetes.io/ingress.class}, or a key whose prefix (before the first slash) ends in {@code istio.io}. */
  static boolean isIstioAnnotation(String key) {
    if (key.equals("kubernetes.io/ingress.class")) {
      return true;
    }
    int slash = key.indexOf('/');
    return (slash < 0 ? key : key.substring(0, slash)).endsWith("istio.io");
  }

  private static Map<String, Definition> load() {
    Map<String, Definition> out = new LinkedHashMap<>();
    try (InputStream in = AnnotationTable.class.getResourceAsStream("annotations.tsv")) {
      if (in == null) {
        throw new IllegalStateException("annotations.tsv missing from the mesh-model jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.put(f[0], new Definition(f[0], f[1], Boolean.parseBoolean(f[2]), List.of(f[3].split(","))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }
}
