/**
 * Output safety, the last step of {@code XdsGenerator}: the protoc-gen-validate rules the Envoy protos declare
 * ({@link dev.meshwright.xds.check.ProtoRules}) and the referential check
 * ({@link dev.meshwright.xds.check.ReferenceCheck}), combined by {@link dev.meshwright.xds.check.OutputChecks}.
 * A resource that breaks a rule is left out with a diagnostic; the rest of the config is still produced. Pure.
 */
package dev.meshwright.xds.check;
