package dev.meshwright.api.yaml;

/** How the reader treats fields that the schema does not know. */
public enum Strictness {
  /** Unknown fields are errors (as {@code istioctl validate} decodes). */
  STRICT,
  /** Unknown fields are warnings and are dropped (as Istio's webhook decodes). */
  LENIENT
}
