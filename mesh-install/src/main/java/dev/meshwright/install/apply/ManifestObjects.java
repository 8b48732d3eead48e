package dev.meshwright.install.apply;

import dev.meshwright.install.render.Manifest;
import dev.meshwright.install.render.ManifestObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rendered {@link Manifest} (JSON trees) into fabric8 objects for the API server: typed model
 * classes for the kinds fabric8 knows (Deployment, Service, ...), generic resources for the rest.
 */
public final class ManifestObjects {
  private ManifestObjects() {}

  /** The manifest's objects in its order, converted with {@code serialization}. */
  public static List<HasMetadata> toFabric8(Manifest manifest, KubernetesSerialization serialization) {
    List<HasMetadata> objects = new ArrayList<>();
    for (ManifestObject object : manifest.objects()) {
      HasMetadata converted = serialization.unmarshal(object.body().toString());
      objects.add(converted);
    }
    return objects;
  }
}
