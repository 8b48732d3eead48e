/**
 * Jackson wiring shared by every typed value: the Istio duration format, oneof codecs and the configured
 * mappers. Pure; used by {@link dev.meshwright.api.yaml.MeshYaml} and available to users who bring their
 * own {@code ObjectMapper} ({@link dev.meshwright.api.json.MeshJackson#module()}).
 */
package dev.meshwright.api.json;
