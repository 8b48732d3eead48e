/**
 * Manifest rendering: an assembled {@link dev.meshwright.install.InstallSpec} becomes the Kubernetes
 * objects {@code istioctl manifest generate} would produce, built in Java (no Helm, no templates). One class
 * per component ({@code Base}, {@code Pilot}, gateways, CNI, ztunnel, istiod-remote) reads the effective
 * chart values ({@link dev.meshwright.install.render.RenderValues}); the component's {@code k8s} settings and
 * overlays are applied afterwards. Pure: no I/O, no clock; cluster facts arrive as
 * {@link dev.meshwright.install.render.ClusterFacts}.
 */
package dev.meshwright.install.render;
