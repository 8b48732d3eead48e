/**
 * The YAML/JSON codec: {@link dev.meshwright.api.yaml.MeshYaml} reads multi-document text into
 * {@link dev.meshwright.api.MeshResource}s with a diagnostic (file, line, column, resource, field path)
 * for every problem, and writes resources back the way kubectl prints them.
 *
 * <p>Data flow: text → split into documents → Jackson tree per document → bound by kind
 * (typed spec, or kept as a generic resource). Pure: callers pass text, not files.
 */
package dev.meshwright.api.yaml;
