package dev.meshwright.bench;

import dev.meshwright.xds.XdsResource;
import dev.meshwright.xds.XdsResources;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@link XdsBenchmark} workloads measured in CPU time and allocation of the generating thread, for a shared
 * host where wall-clock JMH scores mostly measure the other tenants. For each config: {@code warmup} calls, then
 * {@code count} measured ones; prints the mean CPU ms and MB allocated per call, and a digest of the output
 * (every resource's type, name and serialized bytes) so two builds can be checked to produce the same bytes. Run
 * with {@code java -Xms2g -Xmx2g -cp mesh-bench/target/benchmarks.jar dev.meshwright.bench.XdsCpuHarness
 * [warmup count [config,...]]}; the gateway gets a tenth of the calls.
 */
public final class XdsCpuHarness {
  private XdsCpuHarness() {}

  /** Runs the harness; arguments: warm-up calls (default 200), measured calls (default 200), configs (all). */
  public static void main(String[] args) throws Exception {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    List<String> only = args.length > 2 ? Arrays.asList(args[2].split(",")) : List.of();
    XdsBenchmark bench = new XdsBenchmark();
    bench.services = 1000;
    bench.setUp();
    Map<String, Supplier<XdsResources>> configs = new LinkedHashMap<>();
    configs.put("sidecarFullMesh", bench::sidecarFullMesh);
    configs.put("sidecarFullMeshShared", bench::sidecarFullMeshShared);
    configs.put("sidecarScopedTo10", bench::sidecarScopedTo10);
    configs.put("sidecarScopedTo10Shared", bench::sidecarScopedTo10Shared);
    configs.put("gateway1000Hosts", bench::gateway1000Hosts);
    configs.put("gateway1000HostsShared", bench::gateway1000HostsShared);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    for (Map.Entry<String, Supplier<XdsResources>> c : configs.entrySet()) {
      if (!only.isEmpty() && !only.contains(c.getKey())) {
        continue;
      }
      int divisor = c.getKey().startsWith("gateway") ? 10 : 1;
      int w = Math.max(1, warmup / divisor);
      int n = Math.max(1, count / divisor);
      String digest = digest(c.getValue().get());
      for (int i = 0; i < w; i++) {
        c.getValue().get();
      }
      long cpu0 = threads.getCurrentThreadCpuTime();
      long alloc0 = threads.getThreadAllocatedBytes(self);
      List<XdsResources> keep = new ArrayList<>(1);
      for (int i = 0; i < n; i++) {
        keep.clear();
        keep.add(c.getValue().get());
      }
      double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
      double mb = (threads.getThreadAllocatedBytes(self) - alloc0) / 1e6 / n;
      System.out.printf("%-24s %4d calls: %8.2f CPU ms/op %9.2f MB/op  output %s%n", c.getKey(), n, cpuMs, mb,
          digest);
    }
  }

  private static String digest(XdsResources out) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    int n = 0;
    for (String type : out.types()) {
      for (XdsResource r : out.of(type).values()) {
        md.update(type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(r.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(r.bytes().toByteArray());
        md.update(r.version().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        n++;
      }
    }
    md.update(out.diagnostics().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest(), 0, 8) + " (" + n + " resources, " + out.diagnostics().size()
        + " diagnostics)";
  }
}
