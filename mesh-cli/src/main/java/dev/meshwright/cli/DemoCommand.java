package dev.meshwright.cli;

import dev.meshwright.install.render.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl demo}: Istio's Bookinfo on an in-process mesh, end to end: 1. the {@code demo} install profile
 * rendered ({@link DemoInstall}), 2. the workloads sidecar-injected ({@link DemoInject}), 3. the config validated and
 * analyzed, with one deliberate mistake caught by its IST code ({@link DemoConfig}), 4–6. the embedded control plane,
 * proxyless gRPC traffic shifted live and a NACKed change ({@link LiveDemo} over a {@link LiveMesh}), 7. shutdown,
 * checking every port is closed. Exit 0 when every step behaves as it should, 1 otherwise. With
 * {@code --keep-running} the mesh stays up after step 6 and the command prints {@code proxy-status} and
 * {@code proxy-config} commands to try, until interrupted (Ctrl-C runs a shutdown hook that closes everything).
 */
@Command(name = "demo", description = "Run the in-process Bookinfo mesh demo: install profile, injection, "
    + "analysis, then a live control plane with proxyless gRPC traffic.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--output-dir", description = "Also write the Bookinfo configuration to DIR/bookinfo.yaml.")
  Path outputDir;

  @Option(names = "--keep-running", description = "Leave the control plane, the reviews servers and the proxyless "
      + "client up after the demo, print proxy-status and proxy-config commands to try against it, and wait for "
      + "Ctrl-C.")
  boolean keepRunning;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    CliLogging.Quiet quiet = CliLogging.quiet();     // the demo tells what the servers would log
    try {
      Optional<Manifest> install = DemoInstall.run(out, spec.commandLine().getErr());
      boolean ok = install.isPresent();
      ok &= DemoInject.run(out);
      ok &= install.isPresent() && DemoConfig.run(out, install.get(), Optional.ofNullable(outputDir));
      ok &= live(out, start);
      out.println(ok ? "demo: ok" : "demo: FAILED");
      out.flush();
      return ok ? 0 : 1;
    } finally {
      quiet.close();
    }
  }

  /** Steps 4 to 7; the splits must follow the config and the mistake must be NACKed. */
  private boolean live(PrintWriter out, long start) throws IOException {
    List<Integer> ports;
    boolean ok;
    try (LiveMesh mesh = LiveMesh.start()) {
      ports = mesh.ports();
      try {
        LiveDemo.Result r = new LiveDemo(out, mesh).run();
        ok = followed(r);
        if (!ok) {
          out.println("   the traffic did not follow the config: " + r);
        }
      } catch (IllegalStateException e) {
        out.println("   live mesh FAILED: " + e.getMessage());
        ok = false;
      }
      if (keepRunning && ok) {
        keepRunning(out, mesh);
      } else if (keepRunning) {
        out.println("   --keep-running: the mesh is not kept up, the live part failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("   interrupted");
      return false;
    }
    List<Integer> open = ports.stream().filter(DemoCommand::accepts).toList();
    out.printf("7. Shutdown: control plane, reviews servers and client closed; %d ports %s; %.1f s in all%n",
        ports.size(), open.isEmpty() ? "refuse connections" : "BUT still open: " + open,
        (System.nanoTime() - start) / 1e9);
    return ok && open.isEmpty();
  }

  private static boolean followed(LiveDemo.Result r) {
    return r.splits().size() == 3
        && r.splits().get(0).keySet().equals(Set.of("reviews-v1"))
        && r.splits().get(1).keySet().equals(Set.of("reviews-v1", "reviews-v3"))
        && r.splits().get(2).keySet().equals(Set.of("reviews-v3"))
        && !r.nack().isEmpty() && r.afterNack().keySet().equals(Set.of("reviews-v3"));
  }

  /** Prints the commands to try and blocks until this thread is interrupted or the JVM shuts down. */
  private static void keepRunning(PrintWriter out, LiveMesh mesh) {
    String at = " --xds-address " + mesh.debugAddress();
    out.printf("   --keep-running: the mesh stays up (config in %s, reloaded when a file changes). Try:%n",
        mesh.dir());
    out.println("     bin/meshctl proxy-status" + at);
    for (String kind : List.of("cluster", "listener", "route", "endpoint")) {
      out.println("     bin/meshctl proxy-config " + kind + " " + LiveMesh.PROXY + at);
    }
    out.println("   Press Ctrl-C to stop.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      mesh.close();
      stopped.countDown();
    }, "meshctl-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      out.println("   stopping");       // an interrupt is how an embedder (or a test) asks the demo to stop
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running
      }
    }
  }

  /** Whether something still accepts connections on the loopback {@code port}. */
  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
