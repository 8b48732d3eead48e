package dev.meshwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * meshctl's logging: {@link #configure()} loads {@code meshctl-logging.properties} (libraries at WARNING,
 * Meshwright's servers at INFO, one line per record on stderr; slf4j reaches it through slf4j-jdk14) unless the
 * user named a {@code java.util.logging} config; {@link #quiet()} silences Meshwright's INFO records while a command
 * prints its own account of the same events (the demo). Only {@code Meshctl.main} configures: embedders keep theirs.
 */
final class CliLogging {
  private static final String ROOT = "dev.meshwright";

  private CliLogging() {}

  /** Applies the bundled configuration, unless {@code java.util.logging.config.file} or {@code .class} is set. */
  static void configure() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    try (InputStream in = CliLogging.class.getResourceAsStream("/meshctl-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      // the JVM's default logging stays in place
    }
  }

  /** Raises Meshwright's loggers to WARNING until the returned handle is closed (the level is then restored). */
  static Quiet quiet() {
    Logger logger = Logger.getLogger(ROOT);
    Quiet q = new Quiet(logger, logger.getLevel());
    logger.setLevel(Level.WARNING);
    return q;
  }

  /** Restores the level {@link #quiet()} replaced; holds the logger so its level is not garbage-collected. */
  record Quiet(Logger logger, Level previous) implements AutoCloseable {
    @Override
    public void close() {
      logger.setLevel(previous);
    }
  }
}
