package dev.meshwright.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small corpus root in the layout of {@code shared/conformance/istio-1.22} for the runner tests. */
final class TinyCorpus {
  private static final String PEER_AUTH = """
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata:
        name: foo
        namespace: bar
      spec:
      """;

  private TinyCorpus() {}

  /**
   * validation/: 4 cases (2 pass fully, 1 right verdict with wrong substring, 1 wrong verdict; 2 warning
   * headers of which 1 matches) and 2 valid-configs (1 clean); future/ (a corpus nobody implements) and install/ with case tables;
   * broken/ with an unreadable table; crds/ which is not a corpus.
   */
  static Path write(Path root) throws IOException {
    Path cases = Files.createDirectories(root.resolve("validation/cases"));
    write(cases.resolve("peerauthentication-valid.yaml"), "# expect: valid\n# warning: none\n" + PEER_AUTH
        + "  mtls:\n    mode: STRICT\n");
    write(cases.resolve("peerauthentication-port-level-without-selector.yaml"),
        "# expect: invalid: cannot have port level mTLS\n" + PEER_AUTH + "  portLevelMtls:\n    \"8080\":\n      mode: STRICT\n");
    write(cases.resolve("peerauthentication-wrong-substring.yaml"),
        "# expect: invalid: some text Meshwright never writes\n" + PEER_AUTH
            + "  portLevelMtls:\n    \"8080\":\n      mode: STRICT\n");
    write(cases.resolve("peerauthentication-wrong-verdict.yaml"),
        "# expect: invalid: anything\n# warning: a warning that never comes\n" + PEER_AUTH + "  mtls:\n    mode: STRICT\n");
    Path configs = Files.createDirectories(root.resolve("validation/valid-configs/sub"));
    write(configs.resolve("clean.yaml"), PEER_AUTH + "  mtls:\n    mode: PERMISSIVE\n---\n" + PEER_AUTH + "  mtls: {}\n");
    write(configs.resolve("dirty.yaml"), PEER_AUTH + "  notAField: 1\n");
    write(Files.createDirectories(root.resolve("future")).resolve("cases.yaml"),
        "harness: {}\ncases:\n- name: a\n- name: b\n");
    write(Files.createDirectories(root.resolve("install")).resolve("cases.yaml"),
        "golden_cases:\n- id: g1\nassertion_cases:\n- id: a1\n- id: a2\n");
    write(Files.createDirectories(root.resolve("broken")).resolve("cases.yaml"), "cases: [unclosed\n");
    write(Files.createDirectories(root.resolve("crds")).resolve("crd-all.gen.yaml"), "kind: CustomResourceDefinition\n");
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }
}
