/**
 * The ADS load harness (issue #11): {@link dev.meshwright.bench.ads.AdsLoadHarness} opens many raw ADS streams
 * (SotW or Delta) against Meshwright's {@code AdsServer} and, for comparison, envoyproxy's java-control-plane,
 * both serving the same pre-built clusters and endpoints ({@link dev.meshwright.bench.ads.BenchConfig}), and
 * measures initial sync, fan-out of one endpoint change, the publish call and the heap of idle streams. A
 * benchmark, run by hand and recorded in {@code docs/benchmarks.md}; never part of the test run.
 */
package dev.meshwright.bench.ads;
