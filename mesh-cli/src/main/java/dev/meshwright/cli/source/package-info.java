/**
 * Config sources that read files, at meshctl's edge: a directory of YAML/JSON files loaded into a
 * {@link dev.meshwright.model.config.ConfigStore} and reloaded when files change. What the store makes of
 * each file's text is decided by the pure {@link dev.meshwright.model.config.TextSources}.
 */
package dev.meshwright.cli.source;
