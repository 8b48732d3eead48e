package dev.meshwright.bench.ads;

import com.google.protobuf.ByteString;
import dev.meshwright.bench.ads.LoadStreams.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The load-generator JVM that {@link ChildLoad} starts: reads commands from standard input ({@code ping},
 * {@code sync PORT PROTOCOL STREAMS CHANNELS CLUSTERS TIMEOUT_S}, {@code expect BASE64}, {@code await TIMEOUT_S},
 * {@code close}, {@code exit}) and answers each with one line on standard output, running them on a
 * {@link LocalLoad}. Anything else it has to say goes to standard error.
 */
public final class LoadClientMain {
  private LoadClientMain() {}

  /** Serves commands until {@code exit} or the end of standard input. */
  public static void main(String[] args) throws IOException, InterruptedException {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (LocalLoad load = new LocalLoad()) {
      for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
        String[] a = line.split(" ");
        switch (a[0]) {
          case "ping" -> out.println("pong");
          case "sync" -> out.println("synced" + join(load.sync(Integer.parseInt(a[1]), Protocol.valueOf(a[2]),
              Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), Integer.parseInt(a[6]))));
          case "expect" -> {
            load.expect(ByteString.copyFrom(Base64.getDecoder().decode(a[1])));
            out.println("ok");
          }
          case "await" -> out.println("updated" + join(load.awaitUpdated(Integer.parseInt(a[1]))));
          case "close" -> out.println("closed " + load.closeStreams());
          default -> out.println("error: unknown command " + a[0]);
        }
      }
    }
  }

  private static String join(long[] times) {
    StringBuilder sb = new StringBuilder(times.length * 16);
    for (long t : times) {
      sb.append(' ').append(t);
    }
    return sb.toString();
  }
}
