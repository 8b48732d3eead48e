package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeshctlDemoKeepRunningTest {
  private static final long WAIT_MS = 240_000;   // the whole demo runs first; shared CI machines are slow

  @Test
  @DisplayName("meshctl demo --keep-running leaves the mesh up: the proxy-status and proxy-config commands it prints "
      + "work against it; stopping it closes every port and exits 0")
  void keepRunning() throws Exception {
    StringWriter out = new StringWriter();        // StringWriter is synchronized: the demo thread writes, we read
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread demo = new Thread(() -> code.set(Meshctl.run(new String[] {"demo", "--keep-running"},
        new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true))),
        "demo-keep-running");
    demo.start();
    try {
      long deadline = System.currentTimeMillis() + WAIT_MS;
      while (!out.toString().contains("Press Ctrl-C to stop.") && demo.isAlive()
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(out.toString()).as(err.toString()).contains("Press Ctrl-C to stop.");
      List<String> commands = out.toString().lines().map(String::strip)
          .filter(l -> l.startsWith("bin/meshctl ") && l.contains(" --xds-address ")).toList();
      assertThat(commands).hasSize(5);

      MeshctlValidateTest.Run status = run(commands.get(0));
      assertThat(commands.get(0)).startsWith("bin/meshctl proxy-status --xds-address 127.0.0.1:");
      assertThat(status.code()).as(status.err()).isZero();
      assertThat(status.out()).containsPattern(
          "productpage-v1-demo\\.bookinfo\\s+Kubernetes\\s+SYNCED\\s+SYNCED\\s+SYNCED\\s+SYNCED");

      MeshctlValidateTest.Run clusters = run(commands.get(1));
      assertThat(commands.get(1)).startsWith("bin/meshctl proxy-config cluster productpage-v1-demo.bookinfo ");
      assertThat(clusters.code()).as(clusters.err()).isZero();
      assertThat(clusters.out()).contains("reviews.bookinfo.svc.cluster.local");

      MeshctlValidateTest.Run routes = run(commands.get(3));
      assertThat(routes.code()).as(routes.err()).isZero();
      assertThat(routes.out()).contains("reviews.bookinfo.svc.cluster.local");
    } finally {
      demo.interrupt();
      demo.join(60_000);
    }
    assertThat(demo.isAlive()).isFalse();
    assertThat(code.get()).as(out.toString()).isZero();
    assertThat(out.toString()).containsPattern("7\\. Shutdown: .* \\d+ ports refuse connections").endsWith("demo: ok\n");
  }

  /** One printed command line, run in-process without its {@code bin/meshctl} prefix. */
  private static MeshctlValidateTest.Run run(String commandLine) {
    String[] words = commandLine.split(" +");
    return MeshctlValidateTest.meshctl("", Arrays.copyOfRange(words, 1, words.length));
  }
}
