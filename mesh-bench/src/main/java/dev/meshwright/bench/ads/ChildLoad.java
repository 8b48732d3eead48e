package dev.meshwright.bench.ads;

import com.google.protobuf.ByteString;
import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load streams in a JVM of their own ({@link LoadClientMain}, started on this JVM's class path with
 * {@code jvmOptions}), driven one command per line over its standard input; it answers one line per command on its
 * standard output and writes failures to the shared standard error. The child outlives single runs, so its JIT is warm
 * for every run after the first. Not thread-safe.
 */
final class ChildLoad implements LoadClient {
  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader answers;

  ChildLoad(List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LoadClientMain.class.getName());
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the load-generator JVM", e);
    }
    commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    ask("ping", "pong");
  }

  @Override
  public long[] sync(int port, Protocol protocol, int streams, int channels, int clusters, int timeoutSeconds) {
    return times(ask("sync " + port + " " + protocol + " " + streams + " " + channels + " " + clusters + " "
        + timeoutSeconds, "synced"));
  }

  @Override
  public void expect(ByteString bytes) {
    ask("expect " + Base64.getEncoder().encodeToString(bytes.toByteArray()), "ok");
  }

  @Override
  public long[] awaitUpdated(int timeoutSeconds) {
    return times(ask("await " + timeoutSeconds, "updated"));
  }

  @Override
  public int closeStreams() {
    return Integer.parseInt(ask("close", "closed").trim());
  }

  @Override
  public void close() {
    commands.println("exit");
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Sends {@code command} and returns what follows {@code answer} on the child's reply line. */
  private String ask(String command, String answer) {
    commands.println(command);
    try {
      String line = answers.readLine();
      if (line == null) {
        throw new IllegalStateException("the load-generator JVM ended (exit " + process.waitFor() + ") after: "
            + command.split(" ")[0]);
      }
      if (!line.startsWith(answer)) {
        throw new IllegalStateException("the load-generator JVM answered " + command.split(" ")[0] + " with: " + line);
      }
      return line.substring(answer.length());
    } catch (IOException e) {
      throw new UncheckedIOException("lost the load-generator JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the load-generator JVM", e);
    }
  }

  private static long[] times(String line) {
    String[] parts = line.trim().split(" ");
    if (line.isBlank()) {
      return new long[0];
    }
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Long.parseLong(parts[i]);
    }
    return out;
  }
}
