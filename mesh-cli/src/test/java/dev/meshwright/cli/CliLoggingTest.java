package dev.meshwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CliLoggingTest {
  @Test
  @DisplayName("slf4j (fabric8's logging) has a provider: slf4j-jdk14, so nothing prints 'No SLF4J providers'")
  void slf4jRoutesToJul() {
    assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName()).contains("JDK14");
  }

  @Test
  @DisplayName("the bundled logging config keeps libraries at WARNING and Meshwright's servers at INFO, one line each")
  void bundledConfig() throws Exception {
    Properties p = new Properties();
    try (InputStream in = CliLogging.class.getResourceAsStream("/meshctl-logging.properties")) {
      p.load(in);
    }
    assertThat(p.getProperty(".level")).isEqualTo("WARNING");
    assertThat(p.getProperty("dev.meshwright.level")).isEqualTo("INFO");
    assertThat(p.getProperty("java.util.logging.SimpleFormatter.format")).doesNotContain("%n%").endsWith("%n");
  }

  @Test
  @DisplayName("quiet() drops Meshwright's INFO records (warnings still pass) and restores the level on close")
  void quiet() {
    Logger logger = Logger.getLogger("dev.meshwright.cli.test");
    List<LogRecord> seen = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        seen.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(h);
    try {
      Level before = Logger.getLogger("dev.meshwright").getLevel();
      CliLogging.Quiet q = CliLogging.quiet();
      logger.info("hidden");
      logger.warning("shown");
      q.close();
      logger.info("after");
      assertThat(seen).extracting(LogRecord::getMessage).containsExactly("shown", "after");
      assertThat(Logger.getLogger("dev.meshwright").getLevel()).isEqualTo(before);
    } finally {
      logger.removeHandler(h);
    }
  }
}
