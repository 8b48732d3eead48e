/**
 * Types shared by several Istio APIs ({@code istio.type.v1beta1}): workload selectors and policy target
 * references. Pure values.
 */
@MeshStyle
package dev.meshwright.api.type;

import dev.meshwright.api.style.MeshStyle;
