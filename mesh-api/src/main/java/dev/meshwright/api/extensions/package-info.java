/**
 * extensions.istio.io: the WasmPlugin kind (WebAssembly filters added to proxies), its spec and its
 * validator. Pure values, read by the YAML codec and validated before they reach the config store.
 */
@MeshStyle
package dev.meshwright.api.extensions;

import dev.meshwright.api.style.MeshStyle;
