package dev.meshwright.model.analysis.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshwright.model.analysis.AnalysisContext;
import dev.meshwright.model.analysis.AnalysisMessage;
import dev.meshwright.model.analysis.AnalysisResource;
import dev.meshwright.model.analysis.Kinds;
import dev.meshwright.model.analysis.Messages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code gateway.SecretAnalyzer}: Gateways whose selector matches no Pod (IST0101), {@code credentialName}s with
 * no Secret in the gateway Pod's namespace (IST0101), and Secrets without a usable certificate pair or with a
 * certificate that does not parse or is outside its validity period at the analysis clock (IST0161).
 */
public final class GatewaySecretAnalyzer extends Base {
  public GatewaySecretAnalyzer() {
    super("gateway.SecretAnalyzer", "Checks a gateway's referenced secrets for correctness",
        Kinds.GATEWAY, Kinds.POD, Kinds.SECRET);
  }

  @Override
  public void analyze(AnalysisContext ctx) {
    for (AnalysisResource gw : ctx.resources(Kinds.GATEWAY)) {
      Selector selector = Selector.of(gw.spec().path("selector"));
      Optional<String> podNs = ctx.selectedBy(Kinds.POD, selector.labels()).stream()
          .map(AnalysisResource::namespace).findFirst();
      if (podNs.isEmpty() || podNs.get().isEmpty()) {
        ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, gw.ref(), "selector", selector.toString())
            .at(selector.firstLabelPath("spec.selector.")));
        continue;
      }
      List<JsonNode> servers = Json.list(gw.spec(), "servers");
      for (int i = 0; i < servers.size(); i++) {
        String cn = Json.text(servers.get(i).path("tls"), "credentialName");
        if (cn.isEmpty()) {
          continue;
        }
        String path = "spec.servers[" + i + "].tls.credentialName";
        Optional<AnalysisResource> secret = ctx.findShortOrFull(Kinds.SECRET, podNs.get(), cn);
        if (secret.isEmpty()) {
          ctx.report(AnalysisMessage.of(Messages.REFERENCED_RESOURCE_NOT_FOUND, gw.ref(), "credentialName", cn).at(path));
        } else if (!valid(secret.get(), ctx.clock().instant())) {
          ctx.report(AnalysisMessage.of(Messages.INVALID_GATEWAY_CREDENTIAL, gw.ref(), gw.name(), podNs.get()).at(path));
        }
      }
    }
  }

  private static boolean valid(AnalysisResource secret, Instant now) {
    JsonNode data = secret.tree().path("data");
    byte[] cert = pair(data, "cert", "key");
    if (cert == null) {
      cert = pair(data, "tls.crt", "tls.key");
    }
    return cert != null && validCertificate(cert, now);
  }

  private static byte[] pair(JsonNode data, String certKey, String keyKey) {
    byte[] cert = decode(data.path(certKey));
    byte[] key = decode(data.path(keyKey));
    return cert != null && key != null && cert.length > 0 && key.length > 0 ? cert : null;
  }

  private static byte[] decode(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return Base64.getMimeDecoder().decode(value.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The first PEM block parses as X.509 certificates, each valid at {@code now}. */
  static boolean validCertificate(byte[] pem, Instant now) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN ");
    if (begin < 0) {
      return false;
    }
    int headerEnd = text.indexOf("-----", begin + 11);
    int end = headerEnd < 0 ? -1 : text.indexOf("-----END ", headerEnd + 5);
    if (end < 0) {
      return false;
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(headerEnd + 5, end).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Collection<? extends java.security.cert.Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
      if (certs.isEmpty()) {
        return false;
      }
      for (java.security.cert.Certificate c : certs) {
        ((X509Certificate) c).checkValidity(Date.from(now));
      }
      return true;
    } catch (CertificateException | RuntimeException e) {
      return false;
    }
  }
}
