package dev.smsjdbc.emulator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An emulator inside an application (demo=true) must never keep the JVM from exiting. */
class DaemonThreadsTest {
  @Test void everyEmulatorThreadIsADaemon() throws Exception {
    try (SmsEmulator emulator = SmsEmulator.builder().data(EmulatorData.generate(DataSpec.seed(1).jobs(2).runsPerJob(1)
        .servers(1).connectors(1).apps(1))).start()) {
      var threads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("HTTP-Dispatcher") || t.getName().startsWith("sms-emulator"))
          .toList();
      assertFalse(threads.isEmpty(), "the HTTP dispatcher thread is running");
      threads.forEach(t -> assertTrue(t.isDaemon(), t.getName() + " is not a daemon"));
    }
  }
}
