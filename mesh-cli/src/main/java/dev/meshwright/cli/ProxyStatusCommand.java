package dev.meshwright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshctl proxy-status [--xds-address HOST[:PORT]]}: istioctl's table of every proxy connected to a running
 * {@code meshctl serve}: {@code NAME CLUSTER CDS LDS EDS RDS ECDS ISTIOD VERSION}, each type SYNCED, STALE,
 * NOT SENT or (ours) ERROR; after the table, one line per NACK with its text. The data comes from the server's
 * debug port ({@code /debug/syncz}): {@code --xds-address} is the serve host and its debug port (default
 * 127.0.0.1:15014), not the ADS port. Exit 0, or 1 when the server cannot be reached.
 */
@Command(name = "proxy-status", aliases = "ps", description = "The xDS sync status of every proxy connected to meshctl serve.")
final class ProxyStatusCommand implements Callable<Integer> {
  private static final String[][] TYPES = {{"cluster", "CDS"}, {"listener", "LDS"}, {"endpoint", "EDS"},
      {"route", "RDS"}, {"extensionconfig", "ECDS"}};

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--xds-address", defaultValue = "127.0.0.1:15014", paramLabel = "HOST[:PORT]",
      description = "The serve instance's debug address (default: ${DEFAULT-VALUE}).")
  String address;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonNode syncz;
    try {
      syncz = new DebugClient(address).syncz();
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    Table t = new Table(5, "NAME", "CLUSTER", "CDS", "LDS", "EDS", "RDS", "ECDS", "ISTIOD", "VERSION");
    List<String> errors = new ArrayList<>();
    for (JsonNode p : syncz) {
      List<String> cells = new ArrayList<>(List.of(p.path("proxy").asText(), p.path("cluster_id").asText()));
      for (String[] type : TYPES) {
        cells.add(p.path(type[0] + "_status").asText("NOT SENT"));
        if (p.has(type[0] + "_error")) {
          errors.add(p.path("proxy").asText() + " " + type[1] + ": " + p.path(type[0] + "_error").asText());
        }
      }
      cells.add(p.path("istiod").asText());
      cells.add(p.path("istio_version").asText());
      t.row(cells.toArray(String[]::new));
    }
    t.print(out);
    if (!errors.isEmpty()) {
      out.println();
      errors.forEach(e -> out.println("ERROR " + e));
    }
    out.flush();
    return 0;
  }
}
