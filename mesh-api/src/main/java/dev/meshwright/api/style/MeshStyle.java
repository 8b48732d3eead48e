package dev.meshwright.api.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of Meshwright, declared once and applied per package through
 * {@code package-info.java}.
 *
 * <p>Every value type is an interface annotated {@code @Value.Immutable}; the generated
 * {@code ImmutableX} class is package-private and hidden behind the abstract type
 * ({@code overshadowImplementation}), so users only ever see {@code X} and {@code X.builder()}.
 * Builders are null-hostile and support {@code from(value)} for copy-and-change (strict builders were
 * tried and dropped: they remove {@code from}, the only way to derive a value from another when the
 * implementation class is hidden).
 * Values carry Jackson annotations so they bind from proto-JSON field names.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = false,
    defaults = @Value.Immutable(copy = true, prehash = false),
    depluralize = true,
    depluralizeDictionary = {"address:addresses", "match:matches", "alias:aliases", "status", "patch:patches", "prefix:prefixes", "cookie:cookies"})
public @interface MeshStyle {}
