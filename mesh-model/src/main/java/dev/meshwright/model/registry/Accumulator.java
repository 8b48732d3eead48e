package dev.meshwright.model.registry;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the converters produce while a registry is built; single-threaded, discarded afterwards. */
final class Accumulator {
  final List<MeshService> services = new ArrayList<>();
  final Map<String, List<Endpoint>> endpoints = new HashMap<>();
  final List<Workload> workloads = new ArrayList<>();
  final List<Diagnostic> diagnostics = new ArrayList<>();

  void endpoint(Endpoint e) {
    endpoints.computeIfAbsent(e.hostname(), h -> new ArrayList<>()).add(e);
  }

  void problem(Severity severity, MeshResource r, String path, String message) {
    diagnostics.add(new Diagnostic(severity, "", 0, 0, r.kind(), r.namespace(), r.name(), path, message));
  }
}
