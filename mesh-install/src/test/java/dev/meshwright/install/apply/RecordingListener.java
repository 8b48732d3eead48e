package dev.meshwright.install.apply;

import java.util.ArrayList;
import java.util.List;

/** Writes every progress event as a line, for asserting order. */
final class RecordingListener implements ProgressListener {
  final List<String> lines = new ArrayList<>();

  @Override
  public void phaseStarted(ApplyPhase phase, int count) {
    lines.add("phase " + phase + " " + count);
  }

  @Override
  public void objectDone(ObjectRef object) {
    lines.add("done " + object);
  }

  @Override
  public void objectFailed(ObjectRef object, String message) {
    lines.add("failed " + object + ": " + message);
  }

  @Override
  public void waiting(ObjectRef object, String reason) {
    lines.add("waiting " + object + ": " + reason);
  }

  @Override
  public void ready(ObjectRef object) {
    lines.add("ready " + object);
  }

  List<String> phases() {
    return lines.stream().filter(l -> l.startsWith("phase ")).toList();
  }
}
