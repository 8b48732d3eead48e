package dev.meshwright.install.apply;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code x precheck}: whether the cluster is ready for an install or upgrade. Checks the Kubernetes version
 * against Istio 1.22's floor (1.27, IST0142), the permissions an install needs in the control-plane
 * namespace (one SelfSubjectAccessReview per resource, IST0141), and lists the control planes already
 * installed, warning when the requested revision is already there (the install would upgrade it in place).
 */
public final class Precheck {
  /** The oldest Kubernetes minor version Istio 1.22 supports. */
  public static final int MIN_MINOR = 27;

  private static final List<String[]> REQUIRED = List.of(
      new String[] {"", "namespaces"},
      new String[] {"apiextensions.k8s.io", "customresourcedefinitions"},
      new String[] {"rbac.authorization.k8s.io", "clusterroles"},
      new String[] {"rbac.authorization.k8s.io", "clusterrolebindings"},
      new String[] {"rbac.authorization.k8s.io", "roles"},
      new String[] {"rbac.authorization.k8s.io", "rolebindings"},
      new String[] {"", "serviceaccounts"},
      new String[] {"", "services"},
      new String[] {"", "configmaps"},
      new String[] {"apps", "deployments"},
      new String[] {"autoscaling", "horizontalpodautoscalers"},
      new String[] {"policy", "poddisruptionbudgets"},
      new String[] {"admissionregistration.k8s.io", "mutatingwebhookconfigurations"},
      new String[] {"admissionregistration.k8s.io", "validatingwebhookconfigurations"});

  private final KubernetesClient client;

  /** A precheck asking the cluster behind {@code client}. */
  public Precheck(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Runs every check for an install of {@code revision} ({@code "default"} when unrevisioned) into {@code namespace}. */
  public List<PrecheckMessage> run(String namespace, String revision) {
    List<PrecheckMessage> messages = new ArrayList<>();
    version().ifPresent(messages::add);
    messages.addAll(permissions(namespace));
    messages.addAll(controlPlanes(revision));
    return messages;
  }

  private Optional<PrecheckMessage> version() {
    VersionInfo info;
    try {
      info = client.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      return Optional.of(new PrecheckMessage("", "Error",
          "cannot read the Kubernetes version: " + ObjectWriter.message(e)));
    }
    int major = leadingNumber(info.getMajor());
    if (major > 1 || (major == 1 && minorVersion(info) >= MIN_MINOR)) {
      return Optional.empty();
    }
    String shown = info.getGitVersion() == null ? info.getMajor() + "." + info.getMinor() : info.getGitVersion();
    return Optional.of(new PrecheckMessage("IST0142", "Error", "The Kubernetes Version \"" + shown
        + "\" is lower than the minimum version: 1." + MIN_MINOR));
  }

  private List<PrecheckMessage> permissions(String namespace) {
    List<PrecheckMessage> messages = new ArrayList<>();
    for (String[] resource : REQUIRED) {
      SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
          .withResourceAttributes(new ResourceAttributesBuilder().withVerb("create").withGroup(resource[0])
              .withResource(resource[1]).withNamespace(namespace).build())
          .endSpec().build();
      String name = resource[0].isEmpty() ? resource[1] : resource[1] + "." + resource[0];
      try {
        SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
        boolean allowed = answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        if (!allowed) {
          String why = answer.getStatus() == null || answer.getStatus().getReason() == null
              ? "not allowed" : answer.getStatus().getReason();
          messages.add(new PrecheckMessage("IST0141", "Error",
              "Missing required permission to create resource " + name + " (" + why + ")"));
        }
      } catch (KubernetesClientException e) {
        messages.add(new PrecheckMessage("IST0141", "Error",
            "Missing required permission to create resource " + name + " (" + ObjectWriter.message(e) + ")"));
      }
    }
    return messages;
  }

  private List<PrecheckMessage> controlPlanes(String revision) {
    Map<String, String> installed = new TreeMap<>();
    for (Deployment istiod : client.apps().deployments().inAnyNamespace().withLabel("app", "istiod").list().getItems()) {
      Map<String, String> labels = istiod.getMetadata().getLabels();
      String rev = labels == null ? "default" : labels.getOrDefault("istio.io/rev", "default");
      installed.put(rev, istiod.getMetadata().getNamespace());
    }
    List<PrecheckMessage> messages = new ArrayList<>();
    installed.forEach((rev, ns) -> messages.add(new PrecheckMessage("", "Info",
        "control plane revision \"" + rev + "\" is installed in namespace " + ns)));
    if (installed.containsKey(revision)) {
      messages.add(new PrecheckMessage("", "Warning", "revision \"" + revision
          + "\" is already installed; installing it again upgrades it in place (use --revision for a canary)"));
    }
    return messages;
  }

  /** The server's minor version as a number: {@code 29} for {@code "29+"} (as managed clusters report it), 0 when unknown. */
  public static int minorVersion(VersionInfo info) {
    return leadingNumber(info.getMinor());
  }

  private static int leadingNumber(String text) {
    if (text == null) {
      return 0;
    }
    int end = 0;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(text.substring(0, end));
  }
}
