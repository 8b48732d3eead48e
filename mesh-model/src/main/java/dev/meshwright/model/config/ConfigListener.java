package dev.meshwright.model.config;

import java.util.List;

/**
 * Told about every batch of changes the store makes, after the new view is published. Called on the thread
 * that changed the store, one batch at a time, in version order; a listener that throws is logged nowhere
 * and does not stop the others (the store catches it), so listeners should hand work off quickly.
 */
@FunctionalInterface
public interface ConfigListener {
  /**
   * @param view the view that includes the changes
   * @param events what changed, sorted by key; never empty
   */
  void onChange(ConfigView view, List<ConfigEvent> events);
}
