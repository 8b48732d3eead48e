package dev.meshwright.xds;

import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigView;
import dev.meshwright.model.registry.RegistryOptions;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import java.util.HashMap;
import java.util.Map;

/**
 * Test inputs for generator tests: a snapshot from Istio YAML in the {@code corp.example} domain, and proxies
 * parsed from node IDs. Not thread-safe state: none (static helpers).
 */
public final class MeshFixture {
  private MeshFixture() {}

  /** The domain suffix the tests use. */
  public static final String DOMAIN = "corp.example";
  /** Options for {@link #DOMAIN}. */
  public static final XdsOptions OPTIONS = XdsOptions.defaults().withDomainSuffix(DOMAIN);

  /** A snapshot of {@code yaml} under the default mesh config. */
  public static MeshSnapshot snapshot(String yaml) {
    return snapshot(yaml, MeshConfigs.defaults());
  }

  /** A snapshot of {@code yaml} under {@code mesh}. */
  public static MeshSnapshot snapshot(String yaml, MeshConfig mesh) {
    var read = MeshYaml.read("test.yaml", yaml);
    if (!read.diagnostics().isEmpty()) {
      throw new IllegalArgumentException("bad test YAML: " + read.diagnostics());
    }
    RegistryOptions options = new RegistryOptions(DOMAIN, RegistryOptions.defaults().trustDomain(),
        RegistryOptions.defaults().clusterId());
    return MeshTranslator.create(options).translate(ConfigView.of(read.resources()), mesh);
  }

  /** A proxy of {@code type} at {@code ip} in {@code ns} with {@code labels} and extra metadata. */
  public static Proxy proxy(String type, String ip, String ns, Map<String, String> labels, Map<String, Object> meta) {
    Map<String, Object> m = new HashMap<>(meta);
    m.put("LABELS", labels);
    m.put("NAMESPACE", ns);
    return NodeIds.parse(type + "~" + ip + "~app-1." + ns + "~" + ns + ".svc." + DOMAIN, m).orThrow();
  }

  /** A sidecar at {@code ip} in {@code ns} with {@code labels}. */
  public static Proxy sidecar(String ip, String ns, Map<String, String> labels) {
    return proxy("sidecar", ip, ns, labels, Map.of());
  }

  /** The context of {@code proxy} in {@code snapshot}. */
  public static ProxyContext context(MeshSnapshot snapshot, Proxy proxy) {
    return ProxyContext.of(snapshot, proxy, OPTIONS);
  }
}
