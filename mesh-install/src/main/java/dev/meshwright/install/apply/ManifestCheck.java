package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a manifest before anything is written, so a broken manifest is refused whole instead of being
 * half-applied: every object needs apiVersion, kind and metadata.name, and no object may appear twice.
 */
final class ManifestCheck {
  private ManifestCheck() {}

  /** Throws {@link IllegalArgumentException} listing every problem, by position and object. */
  static void requireApplicable(List<? extends HasMetadata> objects) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < objects.size(); i++) {
      HasMetadata object = objects.get(i);
      String where = "object [" + i + "]";
      if (object == null) {
        problems.add(where + ": is null");
        continue;
      }
      if (blank(object.getApiVersion())) {
        problems.add(where + " (" + ObjectRef.of(object) + "): apiVersion: required");
      }
      if (blank(object.getKind())) {
        problems.add(where + ": kind: required");
      }
      if (object.getMetadata() == null || blank(object.getMetadata().getName())) {
        problems.add(where + " (" + object.getKind() + "): metadata.name: required");
        continue;
      }
      String key = object.getApiVersion() + "/" + ObjectRef.of(object);
      if (!seen.add(key)) {
        problems.add(where + " (" + ObjectRef.of(object) + "): appears more than once in the manifest");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("manifest cannot be applied:\n  " + String.join("\n  ", problems));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
