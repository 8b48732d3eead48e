package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.yaml.Document;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.api.yaml.ReadResult;
import dev.meshwright.inject.CheckInject;
import dev.meshwright.inject.InjectionOptions;
import dev.meshwright.inject.InjectionWebhook;
import dev.meshwright.inject.InjectorConfigReader;
import dev.meshwright.inject.PodView;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl x check-inject -f FILE... [-n NS] [-l k=v,...]}: for every pod and workload pod template in the
 * files (or for one hypothetical pod with {@code --labels}), prints which injector webhooks would be called and
 * whether the pod gets a sidecar, with istioctl's reasons. Namespace labels come from the Namespace objects in
 * the same files. Without {@code -f} it asks the cluster in the kubeconfig instead, as {@code istioctl x
 * check-inject -n NS} does: the pods of the namespace, its labels, the injector's ConfigMap and the installed
 * injection webhooks ({@link ClusterInjection}). Exit 0, or 1 when an input could not be read.
 */
@Command(name = "check-inject",
    description = "Explain whether pods (in files, or in a namespace of the cluster) would get an Istio sidecar, and why.")
final class CheckInjectCommand implements Callable<Integer> {
  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--filename"}, arity = "1..*",
      description = "Files with Namespaces and Pods or workloads; directories are searched; - is standard input."
          + " Without it, the pods of --namespace in the cluster are checked.")
  List<String> files = new ArrayList<>();

  @CommandLine.Mixin KubeOptions kube = new KubeOptions();

  @Option(names = {"-i", "--istioNamespace"}, defaultValue = "istio-system",
      description = "Where the injector's ConfigMap lives (cluster mode).")
  String istioNamespace;

  @Option(names = {"-n", "--namespace"},
      description = "Only pods in this namespace; the namespace of pods that name none (default: default).")
  String namespace;

  @Option(names = {"-l", "--labels"}, split = ",",
      description = "Check a pod with these labels (k=v,...) in --namespace instead of the pods in the files.")
  Map<String, String> labels;

  @Option(names = "--revision", split = ",",
      description = "Installed injector revisions (empty string for the default one; default: the injector's).")
  List<String> revisions;

  @Option(names = "--tag", split = ",", description = "Installed revision tags, as TAG=REVISION.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--injector-config",
      description = "The 'config' key of the istio-sidecar-injector ConfigMap (policy, selectors).")
  String injectorConfig;

  @Option(names = "--injector-values",
      description = "The 'values' key of the istio-sidecar-injector ConfigMap (values.gen.yaml).")
  String injectorValues;

  CheckInjectCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean failed = false;
    InjectionOptions options = InjectionOptions.defaults();
    if (injectorValues != null) {
      options = readOptions(injectorValues, options, false);
      failed |= options == null;
    }
    if (injectorConfig != null && options != null) {
      options = readOptions(injectorConfig, options, true);
      failed |= options == null;
    }
    if (options == null) {
      return 1;
    }
    if (files.isEmpty()) {
      return cluster(out, err, options);
    }
    InputSources.Result inputs = InputSources.read(files, stdin);
    List<Diagnostic> problems = new ArrayList<>(inputs.problems());
    Map<String, Map<String, String>> namespaces = new HashMap<>();
    List<PodView> pods = new ArrayList<>();
    for (InputSources.Source source : inputs.sources()) {
      ReadResult read = MeshYaml.standard().readAll(source.name(), source.text());
      problems.addAll(read.diagnostics().stream().filter(Diagnostic::isError).toList());
      for (Document doc : read.documents()) {
        MeshResource resource = doc.resource();
        if (resource instanceof GenericResource g && g.kind().equals("Namespace")) {
          namespaces.put(g.metadata().name().orElse(""), g.metadata().labels());
        } else if (resource instanceof GenericResource g) {
          pods.addAll(PodView.of(g));
        }
      }
    }
    problems.forEach(d -> err.println(d.format()));
    failed |= !problems.isEmpty();
    String defaultNamespace = namespace == null ? "default" : namespace;
    if (labels != null) {
      pods = List.of(labelledPod(defaultNamespace));
    }
    List<InjectionWebhook> webhooks = webhooks(options);
    int shown = 0;
    for (PodView pod : pods) {
      PodView placed = pod.namespace().isEmpty()
          ? new PodView(pod.kind(), pod.name(), defaultNamespace, pod.labels(), pod.annotations(), pod.hostNetwork())
          : pod;
      if (namespace != null && !placed.namespace().equals(namespace)) {
        continue;
      }
      if (shown++ > 0) {
        out.println();
      }
      print(out, CheckInject.check(placed, namespaces.getOrDefault(placed.namespace(), Map.of()), webhooks, options));
    }
    if (shown == 0) {
      out.println("No pods or workloads found" + (namespace == null ? "" : " in namespace " + namespace) + ".");
    }
    return failed ? 1 : 0;
  }

  /** The hypothetical pod {@code --labels} describes, in {@code ns}. */
  private PodView labelledPod(String ns) {
    return PodView.pod("(labels " + String.join(",", labels.keySet().stream()
        .map(k -> k + "=" + labels.get(k)).toList()) + ")", ns, labels, Map.of());
  }

  /** Cluster mode: the namespace's pods (or a pod with {@code --labels}) against what is installed. */
  private int cluster(PrintWriter out, PrintWriter err, InjectionOptions given) throws IOException {
    String ns = namespace == null ? "default" : namespace;
    try (KubernetesClient client = kube.open()) {
      ClusterInjection cluster = ClusterInjection.read(client, ns, istioNamespace,
          injectorConfig == null && injectorValues == null ? null : given);
      cluster.warnings().forEach(w -> err.println("warning: " + w));
      List<InjectionWebhook> webhooks = revisions == null && tags.isEmpty() && !cluster.webhooks().isEmpty()
          ? cluster.webhooks() : webhooks(cluster.options());
      List<PodView> pods = labels != null ? List.of(labelledPod(ns)) : cluster.pods();
      for (int i = 0; i < pods.size(); i++) {
        if (i > 0) {
          out.println();
        }
        print(out, CheckInject.check(pods.get(i), cluster.namespaceLabels(), webhooks, cluster.options()));
      }
      if (pods.isEmpty()) {
        out.println("No pods found in namespace " + ns + ".");
      }
      return 0;
    }
  }

  private InjectionOptions readOptions(String file, InjectionOptions base, boolean config) {
    InputSources.Result in = InputSources.read(List.of(file), stdin);
    PrintWriter err = spec.commandLine().getErr();
    if (!in.problems().isEmpty()) {
      in.problems().forEach(d -> err.println(d.format()));
      return null;
    }
    InjectorConfigReader.Result r = config
        ? InjectorConfigReader.readConfig(in.sources().get(0).text(), base)
        : InjectorConfigReader.readValues(in.sources().get(0).text(), base);
    r.problems().forEach(p -> err.println("warning: " + file + ": " + p));
    return r.options();
  }

  private List<InjectionWebhook> webhooks(InjectionOptions options) {
    List<InjectionWebhook> out = new ArrayList<>();
    for (String rev : revisions == null ? List.of(options.revision()) : revisions) {
      out.add(InjectionWebhook.forRevision(rev));
    }
    tags.forEach((tag, rev) -> out.add(InjectionWebhook.forTag(tag, rev)));
    return out;
  }

  private static void print(PrintWriter out, CheckInject.Report report) {
    PodView pod = report.pod();
    out.println("Pod " + pod.fullName() + " (" + pod.kind() + ")");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"WEBHOOK", "REVISION", "INJECTED", "REASON"});
    for (InjectionWebhook.Analysis a : report.webhooks()) {
      rows.add(new String[] {a.webhook(), a.revision(), a.injected() ? "✔" : "✘", a.reason()});
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      out.printf("%-" + widths[0] + "s   %-" + widths[1] + "s   %-" + widths[2] + "s   %s%n",
          row[0], row[1], row[2], row[3]);
    }
    out.println((report.decision().inject() ? "INJECTED: " : "NOT INJECTED: ") + report.decision().reason());
  }
}
