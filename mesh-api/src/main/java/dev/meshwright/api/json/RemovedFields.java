package dev.meshwright.api.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names fields that Istio's proto once had and has since removed (their names are reserved). The reader
 * accepts them with a warning ({@code field "x" was removed from Istio's API and is ignored}) instead of
 * the unknown-field error, so older configurations (Istio's own test data among them) still load as
 * Istio's webhook accepts them. Put it on the value type whose message lost the fields.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RemovedFields {
  /** The removed field names, in every spelling the proto accepted (lowerCamel and snake_case). */
  String[] value();
}
