/**
 * security.istio.io kinds: PeerAuthentication, AuthorizationPolicy and RequestAuthentication, with their
 * specs and validators. Pure values.
 */
@MeshStyle
package dev.meshwright.api.security;

import dev.meshwright.api.style.MeshStyle;
