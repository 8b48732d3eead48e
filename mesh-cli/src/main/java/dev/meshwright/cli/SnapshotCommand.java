package dev.meshwright.cli;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.mesh.MeshConfig;
import dev.meshwright.api.mesh.MeshConfigs;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.cli.source.DirectorySource;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.snapshot.MeshConfigSource;
import dev.meshwright.model.snapshot.MeshSnapshot;
import dev.meshwright.model.snapshot.MeshTranslator;
import dev.meshwright.model.snapshot.SnapshotYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl x snapshot --config DIR [--meshConfigFile F] [--revision R]}: loads every YAML/JSON file under
 * DIR into a config store and prints the mesh snapshot (the IR) as YAML. The mesh config is {@code --meshConfigFile}
 * or else the {@code istio} ConfigMap in {@code istio-system} found in DIR, over Istio's defaults. Problems go to
 * stderr one per line ({@code error: FILE: Kind ns/name: path: message}); resources that fail to read or
 * validate are left out of the snapshot. Exit 0, or 1 when any error was reported (the snapshot is still
 * printed unless DIR or the mesh config could not be read).
 */
@Command(name = "snapshot", description = "Print the mesh snapshot (the IR) built from a config directory.")
final class SnapshotCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, description = "Directory of Istio and Kubernetes YAML/JSON files.")
  Path config;

  @Option(names = "--meshConfigFile", description = "Mesh config file (MeshConfig YAML), over Istio's defaults.")
  Path meshConfigFile;

  @Option(names = "--revision", defaultValue = "",
      description = "Keep only config of this control-plane revision (istio.io/rev) and unlabelled config.")
  String revision;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigStore store = ConfigStore.builder().revision(revision).build();
    DirectorySource.Scan scan;
    try (DirectorySource source = new DirectorySource(config, store, MeshYaml.standard())) {
      scan = source.scan();
    }
    List<Diagnostic> problems = new ArrayList<>(scan.diagnostics());
    if (!java.nio.file.Files.isDirectory(config)) {
      problems.forEach(d -> err.println(d.format()));
      return 1;
    }
    MeshConfigs.Result mesh = meshConfigFile != null ? MeshConfigFiles.read(meshConfigFile)
        : MeshConfigSource.fromView(store.view(), MeshConfigSource.ISTIO_NAMESPACE, revision);
    problems.addAll(mesh.diagnostics());
    if (mesh.meshConfig().isEmpty() || mesh.hasErrors()) {
      problems.forEach(d -> err.println(d.format()));
      return 1;
    }
    MeshConfig meshConfig = mesh.meshConfig().get();
    MeshSnapshot snapshot = MeshTranslator.create().translate(store.view(), meshConfig);
    problems.addAll(snapshot.diagnostics());
    out.print(SnapshotYaml.write(snapshot));
    out.flush();
    problems.forEach(d -> err.println(d.format()));
    return problems.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
  }

}
