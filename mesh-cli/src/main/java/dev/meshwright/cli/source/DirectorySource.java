package dev.meshwright.cli.source;

import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.Severity;
import dev.meshwright.api.yaml.MeshYaml;
import dev.meshwright.model.config.ConfigEvent;
import dev.meshwright.model.config.ConfigStore;
import dev.meshwright.model.config.TextSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A directory of {@code .yaml}/{@code .yml}/{@code .json} files (searched recursively; the kubelet's
 * {@code ..data} copies of a mounted ConfigMap are skipped) as a config source.
 * {@link #scan()} loads every file that is new or changed and removes the resources of deleted files;
 * {@link #start} repeats the scan on a daemon thread.
 *
 * <p>Changes are found by <em>polling</em> (file size and modification time, then the text), not with
 * {@code java.nio.file.WatchService}: the watch service is not recursive, misses edits on bind mounts and
 * ConfigMap volumes (which swap a symlink), and falls back to polling on some platforms anyway.
 *
 * <p>A file that does not read cleanly yields diagnostics and keeps the resources it held (only the
 * documents that could be read are updated); every other file is unaffected. An unreadable file or
 * directory is a diagnostic too, never an exception. Thread-safe: scans are serialized.
 */
public final class DirectorySource implements AutoCloseable {
  private record Stamp(long size, long modified) {}

  /**
   * What one scan did.
   *
   * @param events every store change, in file order
   * @param diagnostics problems reading files
   */
  public record Scan(List<ConfigEvent> events, List<Diagnostic> diagnostics) {
    public Scan {
      events = List.copyOf(events);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private final Path root;
  private final ConfigStore store;
  private final MeshYaml codec;
  private final Map<String, Stamp> stamps = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();
  private ScheduledExecutorService poller;

  /** A source for {@code root} feeding {@code store}, reading with {@code codec}. */
  public DirectorySource(Path root, ConfigStore store, MeshYaml codec) {
    this.root = Objects.requireNonNull(root);
    this.store = Objects.requireNonNull(store);
    this.codec = Objects.requireNonNull(codec);
  }

  /** Brings the store up to date with the directory once. */
  public synchronized Scan scan() {
    List<ConfigEvent> events = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      diags.add(problem(root.toString(), "not a directory"));
      return new Scan(events, diags);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !insideKubeletData(root.relativize(p))).filter(Files::isRegularFile)
          .filter(DirectorySource::isConfigFile).forEach(p -> files.put(p.toString(), p));
    } catch (IOException | UncheckedIOException e) {
      diags.add(problem(root.toString(), "cannot list directory: " + e.getMessage()));
      return new Scan(events, diags);
    }
    for (Map.Entry<String, Path> f : files.entrySet()) {
      load(f.getKey(), f.getValue(), events, diags);
    }
    for (String gone : new ArrayList<>(stamps.keySet())) {
      if (!files.containsKey(gone)) {
        stamps.remove(gone);
        texts.remove(gone);
        events.addAll(TextSources.remove(store, gone));
      }
    }
    return new Scan(events, diags);
  }

  private void load(String name, Path path, List<ConfigEvent> events, List<Diagnostic> diags) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
      Stamp stamp = new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis());
      if (stamp.equals(stamps.get(name))) {
        return;
      }
      String text = Files.readString(path, StandardCharsets.UTF_8);
      stamps.put(name, stamp);
      if (text.equals(texts.get(name))) {
        return;
      }
      texts.put(name, text);
      TextSources.Applied applied = TextSources.apply(store, name, text, codec);
      events.addAll(applied.events());
      diags.addAll(applied.diagnostics());
    } catch (IOException | RuntimeException e) {
      diags.add(problem(name, "cannot read file: " + e.getMessage()));
    }
  }

  /**
   * Scans now and then every {@code interval} on a daemon thread, handing each scan's diagnostics to
   * {@code onDiagnostics} (when there are any). Call {@link #close()} to stop.
   */
  public synchronized Scan start(Duration interval, Consumer<List<Diagnostic>> onDiagnostics) {
    if (poller != null) {
      throw new IllegalStateException("already started");
    }
    Scan first = scan();
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "meshwright-config-dir " + root);
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(() -> {
      Scan s = scan();
      if (!s.diagnostics().isEmpty()) {
        onDiagnostics.accept(s.diagnostics());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return first;
  }

  /** Stops polling; the store keeps what it has. */
  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  /**
   * A mounted ConfigMap holds each file twice: as a link in the directory and inside the kubelet's
   * {@code ..data} / {@code ..TIMESTAMP} directories; only the links count.
   */
  private static boolean insideKubeletData(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith("..")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConfigFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static Diagnostic problem(String source, String message) {
    return new Diagnostic(Severity.ERROR, source, 0, 0, "", "", "", "", message);
  }
}
