package dev.meshwright.api;

/**
 * Istio's validation rules for one kind. A validator reports every problem it finds to {@link Problems}
 * (never throws for bad input) so one run returns all of them with field paths.
 *
 * <p>The resource's namespace is already defaulted by the caller. Implementations are stateless and
 * thread-safe.
 *
 * @param <R> the resource type
 */
@FunctionalInterface
public interface Validator<R> {
  void validate(R resource, Problems problems);
}
