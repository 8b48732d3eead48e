/**
 * JMH benchmarks of Meshwright's hot paths. Run {@code java -jar mesh-bench/target/benchmarks.jar}; record
 * results with the machine in {@code docs/benchmarks.md}. Never part of the test run.
 */
package dev.meshwright.bench;
