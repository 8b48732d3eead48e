/**
 * Example: rendering an install from Java and a revision-based canary upgrade through mesh-install's apply
 * edge ({@link dev.meshwright.examples.install.RevisionUpgrade}). Covers the install hop of the data flow
 * (IstioOperator + profile + {@code --set} → Manifest → apply).
 */
package dev.meshwright.examples.install;
