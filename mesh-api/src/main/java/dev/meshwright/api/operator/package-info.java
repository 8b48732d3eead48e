/**
 * The install.istio.io IstioOperator kind ({@link dev.meshwright.api.operator.IstioOperator}): profile,
 * components, typed mesh config and free-form Helm values, with Istio's structural validation. Sits at the
 * start of the install flow (IstioOperator + profile + {@code --set} → rendered objects). Pure values.
 */
@MeshStyle
package dev.meshwright.api.operator;

import dev.meshwright.api.style.MeshStyle;
