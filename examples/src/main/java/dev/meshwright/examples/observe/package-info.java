/** Example: mesh observability (metrics, access logs, tracing) from Telemetry resources built in code. */
package dev.meshwright.examples.observe;
