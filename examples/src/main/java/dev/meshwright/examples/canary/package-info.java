/**
 * Example: typed builders, validation, YAML and typed CRUD against a cluster ({@link
 * dev.meshwright.examples.canary.CanaryRelease}). Covers the first hop of the data flow (resources in code)
 * and the fabric8 edge.
 */
package dev.meshwright.examples.canary;
