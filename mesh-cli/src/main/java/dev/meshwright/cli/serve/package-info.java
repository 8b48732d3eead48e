/**
 * {@code meshctl serve}'s runtime, at the CLI edge: a config directory polled into a config store, rebuilt into a
 * mesh snapshot on every change and published to the embedded ADS server, with the CA, the debug port and the
 * sidecar-injection webhook beside it.
 */
package dev.meshwright.cli.serve;
