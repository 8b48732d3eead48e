/**
 * {@code meshctl}: the istioctl-shaped command line over Meshwright. The only package that reads files,
 * standard input, the environment or kubeconfig; it turns library results into the exit codes and text of
 * DESIGN.md's {@code meshctl} contract.
 */
package dev.meshwright.cli;
