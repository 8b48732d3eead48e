/**
 * Install inputs: Istio's built-in IstioOperator profiles, the overlay of a profile, {@code -f} files and
 * {@code --set} flags into one {@link dev.meshwright.install.InstallSpec}, and the text of the
 * {@code profile list|dump|diff} commands. Pure: no I/O beyond reading the files and directories it is given.
 */
package dev.meshwright.install;
