package dev.meshwright.model.gateway;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutes;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a listener's {@code allowedRoutes.namespaces} into the {@code namespace/hostname} host list of the
 * generated Istio server. Stateless.
 */
final class NamespaceSelectors {
  private static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private NamespaceSelectors() {}

  /** The server hosts for listener {@code l} of a Gateway in {@code localNamespace}. */
  static List<String> serverHosts(String localNamespace, Listener l, Map<String, Map<String, String>> namespaces) {
    String hostname = l.getHostname() == null ? "*" : l.getHostname();
    List<String> out = new ArrayList<>();
    for (String ns : allowedNamespaces(localNamespace, l.getAllowedRoutes(), namespaces)) {
      if (!ns.isEmpty()) {
        out.add(ns + "/" + hostname);
      }
    }
    if (out.isEmpty()) {
      return List.of("~/" + hostname);
    }
    return out;
  }

  static List<String> allowedNamespaces(String localNamespace, AllowedRoutes ar,
      Map<String, Map<String, String>> namespaces) {
    String from = ar == null || ar.getNamespaces() == null ? null : ar.getNamespaces().getFrom();
    if (from == null || from.equals("Same")) {
      return List.of(localNamespace);
    }
    if (from.equals("All")) {
      return List.of("*");
    }
    LabelSelector sel = ar.getNamespaces().getSelector();
    if (sel == null) {
      return List.of("*");
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> e : namespaces.entrySet()) {
      Map<String, String> labels = new HashMap<>(e.getValue());
      labels.putIfAbsent(NAME_LABEL, e.getKey());
      if (matches(sel, labels)) {
        out.add(e.getKey());
      }
    }
    out.sort(null);
    return out;
  }

  static boolean matches(LabelSelector sel, Map<String, String> labels) {
    if (sel.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : sel.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (sel.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : sel.getMatchExpressions()) {
        String v = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        boolean ok = switch (String.valueOf(r.getOperator())) {
          case "In" -> v != null && values.contains(v);
          case "NotIn" -> v == null || !values.contains(v);
          case "Exists" -> v != null;
          case "DoesNotExist" -> v == null;
          default -> false;
        };
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
