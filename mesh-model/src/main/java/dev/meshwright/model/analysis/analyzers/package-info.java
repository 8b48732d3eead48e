/**
 * The analyzers of Istio 1.22.8, one class each (named after Istio's metadata name), and the
 * {@link dev.meshwright.model.analysis.analyzers.Analyzers} registry. Each reads the proto-JSON form of its
 * input kinds through an {@link dev.meshwright.model.analysis.AnalysisContext}; shared lookups (label
 * selectors, host names, service lookup, mesh membership) live in package-private helpers. Pure.
 */
package dev.meshwright.model.analysis.analyzers;
