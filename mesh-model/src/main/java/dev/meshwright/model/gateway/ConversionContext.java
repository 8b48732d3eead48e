package dev.meshwright.model.gateway;

/**
 * Everything one conversion reads, shared by the per-kind converters. Immutable.
 *
 * @param env cluster facts
 * @param grants the ReferenceGrant index
 * @param resources the input objects
 */
record ConversionContext(GatewayEnvironment env, ReferenceGrants grants, GatewayApiResources resources) {
  String domain() {
    return env.domainSuffix();
  }
}
