package dev.meshwright.xds.envoyfilter;

/**
 * The parts of an Istio cluster name, {@code direction|port|subset|hostname} or the DNS SRV form
 * {@code outbound_.port_.subset_.hostname}; a name of another shape gives what could be read before it broke off
 * (empty strings, port 0). Immutable.
 */
record SubsetKey(String direction, int port, String subset, String hostname) {
  static SubsetKey parse(String name) {
    String sep = name.startsWith("outbound_") || name.startsWith("inbound_") ? "_." : "|";
    String[] parts = new String[4];
    String rest = name;
    for (int i = 0; i < 3; i++) {
      int at = rest.indexOf(sep);
      if (at < 0) {
        return of(parts);
      }
      parts[i] = rest.substring(0, at);
      rest = rest.substring(at + sep.length());
    }
    if (!rest.contains(sep)) {
      parts[3] = rest;
    }
    return of(parts);
  }

  private static SubsetKey of(String[] parts) {
    int port = 0;
    if (parts[1] != null) {
      try {
        port = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        port = 0;
      }
    }
    return new SubsetKey(parts[0] == null ? "" : parts[0], port, parts[2] == null ? "" : parts[2],
        parts[3] == null ? "" : parts[3]);
  }
}
