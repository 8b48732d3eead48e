/**
 * The conformance runner: finds the Istio 1.22 corpora under a root folder
 * ({@code ../shared/conformance/istio-1.22} by default), runs each through the Meshwright part it checks,
 * prints {@code corpus: passed/total} lines, writes them as JSON and compares them with a ratchet baseline.
 *
 * <p>It sits outside the data flow: it only reads corpus files and calls the public APIs of the other
 * modules. {@link dev.meshwright.conformance.Corpus} is the seam a new corpus kind implements;
 * {@link dev.meshwright.conformance.Corpora} is the one table that registers them.
 */
package dev.meshwright.conformance;
