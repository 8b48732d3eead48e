package dev.meshwright.xds.server;

import com.google.protobuf.ByteString;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.xds.Proxy;
import dev.meshwright.xds.Subscriptions;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import dev.meshwright.xds.ca.CertificateAuthority;
import dev.meshwright.xds.ca.SpiffeId;
import dev.meshwright.xds.ca.WorkloadCertificate;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Workload SDS for proxies that fetch secrets from the control plane directly: when a proxy subscribes to Secret
 * {@code default} it gets a certificate for {@code spiffe://<trust domain>/ns/<namespace>/sa/<SERVICE_ACCOUNT or
 * default>} with a key the CA generated, and {@code ROOTCA} is the trust bundle. Certificates are cached per
 * identity and reissued once half their life has passed or the CA changed, so repeated pushes send the same
 * secret. Everything else comes from the wrapped source. Only for trusted networks: whoever can open an ADS stream
 * with a node ID gets that workload's key. Thread-safe.
 */
final class WorkloadSecrets implements ConfigSource {
  static final String DEFAULT = "default";
  static final String ROOTCA = "ROOTCA";

  private record Cached(CertificateAuthority ca, WorkloadCertificate cert) {}

  private final ConfigSource delegate;
  private final Supplier<CertificateAuthority> ca;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  WorkloadSecrets(ConfigSource delegate, Supplier<CertificateAuthority> ca, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate);
    this.ca = Objects.requireNonNull(ca);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public XdsResources generate(MeshSnapshot snapshot, Proxy proxy, Subscriptions subscriptions) {
    XdsResources base = delegate.generate(snapshot, proxy, subscriptions);
    Set<String> names = subscriptions.names(TypeUrls.SECRET).orElse(Set.of());
    if (!names.contains(DEFAULT) && !names.contains(ROOTCA)) {
      return base;
    }
    CertificateAuthority authority = ca.get();
    XdsResources.Builder out = base.toBuilder();
    if (names.contains(ROOTCA)) {
      out.add(XdsResource.of(ROOTCA, Secret.newBuilder().setName(ROOTCA).setValidationContext(
          CertificateValidationContext.newBuilder().setTrustedCa(inline(authority.trustBundlePem()))).build()));
    }
    if (names.contains(DEFAULT)) {
      String sa = proxy.serviceAccount().isEmpty() ? "default" : proxy.serviceAccount();
      String id = new SpiffeId(authority.options().trustDomain(), proxy.namespace(), sa).uri();
      WorkloadCertificate cert = certificate(authority, id);
      out.add(XdsResource.of(DEFAULT, Secret.newBuilder().setName(DEFAULT).setTlsCertificate(
          TlsCertificate.newBuilder().setCertificateChain(inline(cert.certificate().chainWithoutRoot()))
              .setPrivateKey(inline(cert.privateKeyPem()))).build()));
    }
    return out.build();
  }

  @Override
  public XdsResources endpoints(MeshSnapshot snapshot, Proxy proxy, Set<String> clusterNames) {
    return delegate.endpoints(snapshot, proxy, clusterNames);
  }

  private WorkloadCertificate certificate(CertificateAuthority authority, String id) {
    Instant now = clock.instant();
    Cached c = cache.compute(id, (k, old) -> {
      if (old != null && old.ca == authority) {
        Instant start = old.cert.certificate().notBefore();
        Instant end = old.cert.certificate().notAfter();
        if (now.isBefore(start.plus(Duration.between(start, end).dividedBy(2)))) {
          return old;
        }
      }
      return new Cached(authority, authority.issueWithKey(List.of(id), Duration.ZERO));
    });
    return c.cert;
  }

  private static DataSource inline(String pem) {
    return DataSource.newBuilder().setInlineBytes(ByteString.copyFrom(pem, StandardCharsets.UTF_8)).build();
  }
}
