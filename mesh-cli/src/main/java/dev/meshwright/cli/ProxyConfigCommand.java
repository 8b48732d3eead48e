package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshctl proxy-config cluster|listener|route|endpoint|secret|all PROXY [-o short|json]}: what one proxy
 * connected to a running {@code meshctl serve} holds, from the server's {@code /debug/config_dump?proxyID=PROXY}
 * (so: what the control plane sent and the proxy was last given). {@code short} prints istioctl's tables;
 * {@code json} the resources as Envoy's config dump shows them ({@code all -o json}: the whole dump). PROXY is
 * {@code <pod>.<namespace>} or a node ID. Exit 0, or 1 when the server or the proxy cannot be found.
 */
@Command(name = "proxy-config", aliases = "pc", description = "What one proxy connected to meshctl serve holds.")
final class ProxyConfigCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "cluster, listener, route, endpoint, secret or all.")
  String kind;

  @Parameters(index = "1", paramLabel = "PROXY", description = "<pod>.<namespace>, or a node ID.")
  String proxy;

  @Option(names = {"-o", "--output"}, defaultValue = "short", description = "short or json (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--xds-address", defaultValue = "127.0.0.1:15014", paramLabel = "HOST[:PORT]",
      description = "The serve instance's debug address (default: ${DEFAULT-VALUE}).")
  String address;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String k = kind.endsWith("s") && !kind.equals("all") ? kind.substring(0, kind.length() - 1) : kind;
    if (!java.util.List.of("cluster", "listener", "route", "endpoint", "secret", "all").contains(k)) {
      err.println("error: unknown kind '" + kind + "' (cluster, listener, route, endpoint, secret, all)");
      return 2;
    }
    if (!output.equals("short") && !output.equals("json")) {
      err.println("error: unknown output '" + output + "' (short, json)");
      return 2;
    }
    JsonNode dump;
    try {
      dump = new DebugClient(address).configDump(proxy);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (output.equals("json")) {
      out.println(json.writeValueAsString(k.equals("all") ? dump : ConfigDumpTables.resources(dump, k)));
      out.flush();
      return 0;
    }
    for (String one : k.equals("all") ? java.util.List.of("cluster", "listener", "route", "endpoint", "secret")
        : java.util.List.of(k)) {
      switch (one) {
        case "cluster" -> ConfigDumpTables.clusters(dump, out);
        case "listener" -> ConfigDumpTables.listeners(dump, out);
        case "route" -> ConfigDumpTables.routes(dump, out);
        case "endpoint" -> ConfigDumpTables.endpoints(dump, out);
        default -> ConfigDumpTables.secrets(dump, out);
      }
      if (k.equals("all")) {
        out.println();
      }
    }
    out.flush();
    return 0;
  }
}
