/**
 * Istio's configuration analyzers ({@code istioctl analyze}), Istio 1.22.8 compatible. Sits after the config
 * store in the data flow: an immutable {@link dev.meshwright.model.analysis.AnalysisInput} (resources, mesh
 * config, mesh networks) goes through the {@link dev.meshwright.model.analysis.Analyzer}s listed in
 * {@code analyzers.Analyzers}, and {@link dev.meshwright.model.analysis.Analysis} turns
 * what they report into sorted, de-duplicated, suppressed {@link dev.meshwright.model.analysis.AnalysisMessage}s
 * with Istio's codes from the {@link dev.meshwright.model.analysis.Messages} catalog. Pure: no files, no clock
 * (an injected {@link java.time.Clock} where certificates are checked).
 */
package dev.meshwright.model.analysis;
