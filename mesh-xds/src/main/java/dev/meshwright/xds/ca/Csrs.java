package dev.meshwright.xds.ca;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** What a CSR asks for. Stateless. */
public final class Csrs {
  private Csrs() {}

  /** The URI subjectAltNames requested in the CSR's extension request, in order; empty when there are none. */
  public static List<String> requestedUris(String csrPem) {
    PKCS10CertificationRequest csr = Pem.csr(csrPem);
    List<String> out = new ArrayList<>();
    for (Attribute a : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      for (var value : a.getAttrValues()) {
        Extensions exts = Extensions.getInstance(value);
        GeneralNames names = GeneralNames.fromExtensions(exts, Extension.subjectAlternativeName);
        if (names == null) {
          continue;
        }
        for (GeneralName n : names.getNames()) {
          if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
            out.add(n.getName().toString());
          }
        }
      }
    }
    return out;
  }
}
