package dev.meshwright.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects validation findings while a validator walks a resource, keeping track of the field path.
 *
 * <p>{@code problems.at("spec").at("http").index(0).error("...")} records an error at
 * {@code spec.http[0]}. Scoped views share one sink, so a validator can hand a narrowed view to a
 * helper. A view only remembers its parent and its own segment; the path text is built when a finding
 * is recorded, so walking a valid resource allocates no strings. Not thread-safe: one instance per
 * validation run.
 */
public final class Problems {
  private final List<Diagnostic> sink;
  private final Problems parent;
  /** The segment this view adds: a field name, {@code [i]} or {@code [key]}; empty for the root. */
  private final String segment;
  private final int index;

  private Problems(List<Diagnostic> sink, Problems parent, String segment, int index) {
    this.sink = sink;
    this.parent = parent;
    this.segment = segment;
    this.index = index;
  }

  /** A fresh collector rooted at the resource (empty path). */
  public static Problems root() {
    return new Problems(new ArrayList<>(), null, "", -1);
  }

  /** The view for field {@code name} below this one. */
  public Problems at(String name) {
    return new Problems(sink, this, name, -1);
  }

  /** The view for element {@code index} of the list this view points at. */
  public Problems index(int index) {
    return new Problems(sink, this, null, index);
  }

  /** The view for entry {@code key} of the map this view points at. */
  public Problems key(String key) {
    return new Problems(sink, this, "[" + key + "]", -1);
  }

  /** Shorthand for {@code at(name).index(index)}. */
  public Problems at(String name, int index) {
    return at(name).index(index);
  }

  /** The field path of this view, e.g. {@code spec.http[0].route}. */
  public String path() {
    StringBuilder out = new StringBuilder();
    appendPath(out);
    return out.toString();
  }

  private void appendPath(StringBuilder out) {
    if (parent == null) {
      return;
    }
    parent.appendPath(out);
    if (segment == null) {
      out.append('[').append(index).append(']');
    } else if (segment.startsWith("[")) {
      out.append(segment);
    } else {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(segment);
    }
  }

  public void error(String message) {
    sink.add(Diagnostic.error(path(), message));
  }

  public void warning(String message) {
    sink.add(Diagnostic.warning(path(), message));
  }

  /** Adds an already built diagnostic, placing its path below this view's path. */
  public void add(Diagnostic diagnostic) {
    String path = path();
    sink.add(path.isEmpty() ? diagnostic : diagnostic.under(path));
  }

  /** Whether any error (anywhere in this run, not only below this view) has been recorded. */
  public boolean hasErrors() {
    for (Diagnostic d : sink) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  /** The number of findings recorded so far in this run; lets a caller see whether a helper added any. */
  public int count() {
    return sink.size();
  }

  /** Every finding of this run, in the order recorded. */
  public List<Diagnostic> all() {
    return Collections.unmodifiableList(sink);
  }
}
