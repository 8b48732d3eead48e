package dev.meshwright.xds.gateway;

import com.google.protobuf.ByteString;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.model.snapshot.TlsCredential;
import dev.meshwright.model.snapshot.TlsSecrets;
import dev.meshwright.xds.ProxyContext;
import dev.meshwright.xds.ResourceGenerator;
import dev.meshwright.xds.TypeUrls;
import dev.meshwright.xds.XdsResource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SDS for {@code credentialName} secrets ({@code pilot/pkg/xds/sds.go}): each requested
 * {@code kubernetes://[ns/]name} becomes a Secret of that exact name with the Kubernetes Secret's certificate
 * chain and private key inline, and each {@code ...-cacert} name one with its CA certificates as trusted CA.
 * A proxy only gets Secrets of its own namespace; {@code kubernetes-gateway://ns/name} names only when a Gateway
 * selecting it references them. Unknown, unreadable or unauthorized names are absent from the output with a
 * diagnostic; the workload certificates ({@code default}, {@code ROOTCA}) are the agent's, never istiod's.
 * Only answers names asked for. Stateless and thread-safe.
 */
public final class CredentialSecretGenerator implements ResourceGenerator {
  @Override
  public String typeUrl() {
    return TypeUrls.SECRET;
  }

  @Override
  public Output generate(ProxyContext ctx, Set<String> names) {
    if (names.isEmpty()) {
      return Output.of(List.of());
    }
    String proxyNs = ctx.proxy().namespace();
    Set<String> verified = null;
    List<XdsResource> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    TlsSecrets secrets = ctx.snapshot().secrets();
    for (String name : new TreeSet<>(names)) {
      Optional<CredentialNames.SecretRef> ref = CredentialNames.parse(name, proxyNs);
      if (ref.isEmpty()) {
        continue;
      }
      CredentialNames.SecretRef r = ref.get();
      boolean allowed;
      if (r.type() == CredentialNames.Type.KUBERNETES) {
        allowed = r.namespace().equals(proxyNs);
      } else {
        if (verified == null) {
          verified = MergedGateway.of(ctx).verifiedCredentials();
        }
        allowed = verified.contains(name);
      }
      if (!allowed) {
        diags.add(diag(ctx, name, "not readable by this proxy: a gateway reads Secrets of its own namespace only"));
        continue;
      }
      Optional<Secret> secret = r.name().endsWith(CredentialNames.CA_SUFFIX)
          ? secrets.caCertificate(r.namespace(), r.name()).map(c -> caSecret(name, c))
          : secrets.keyAndCertificate(r.namespace(), r.name()).map(c -> tlsSecret(name, c));
      if (secret.isEmpty()) {
        diags.add(diag(ctx, name, "no Secret " + r.namespace() + "/" + r.name() + " with a usable "
            + (r.name().endsWith(CredentialNames.CA_SUFFIX) ? "CA certificate" : "certificate and key")));
        continue;
      }
      out.add(XdsResource.of(name, secret.get()));
    }
    return new Output(out, diags);
  }

  /** A key-and-certificate Secret, everything inline. */
  static Secret tlsSecret(String name, TlsCredential c) {
    TlsCertificate.Builder t = TlsCertificate.newBuilder().setCertificateChain(inline(c.certificate()));
    c.privateKey().ifPresent(k -> t.setPrivateKey(inline(k)));
    c.ocspStaple().ifPresent(o -> t.setOcspStaple(inline(o)));
    return Secret.newBuilder().setName(name).setTlsCertificate(t).build();
  }

  /** A validation Secret: trusted CA (and CRL) inline. */
  static Secret caSecret(String name, TlsCredential c) {
    CertificateValidationContext.Builder v = CertificateValidationContext.newBuilder()
        .setTrustedCa(inline(c.certificate()));
    c.crl().ifPresent(crl -> v.setCrl(inline(crl)));
    return Secret.newBuilder().setName(name).setValidationContext(v).build();
  }

  private static DataSource inline(byte[] bytes) {
    return DataSource.newBuilder().setInlineBytes(ByteString.copyFrom(bytes)).build();
  }

  private static Diagnostic diag(ProxyContext ctx, String name, String message) {
    return new Diagnostic(Severity.WARNING, "", 0, 0, "Proxy", ctx.proxy().namespace(), ctx.proxy().id(), "SDS " + name,
        message);
  }
}
