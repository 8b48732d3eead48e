package dev.meshwright.model.analysis;

/** How serious an analysis message is, ordered from least to most severe (Istio's Info, Warning, Error). */
public enum Level {
  INFO("Info"),
  WARNING("Warning"),
  ERROR("Error");

  private final String label;

  Level(String label) {
    this.label = label;
  }

  /** The word Istio prints: {@code Info}, {@code Warning} or {@code Error}. */
  public String label() {
    return label;
  }

  /** Whether this level is at least as severe as {@code threshold}. */
  public boolean reaches(Level threshold) {
    return compareTo(threshold) >= 0;
  }

  /**
   * The level named {@code text}, case-insensitively ({@code info}, {@code Warning}, {@code ERROR}).
   *
   * @throws IllegalArgumentException naming the accepted words when {@code text} is none of them
   */
  public static Level parse(String text) {
    for (Level l : values()) {
      if (l.label.equalsIgnoreCase(text.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown level '" + text + "': use Info, Warning or Error");
  }
}
