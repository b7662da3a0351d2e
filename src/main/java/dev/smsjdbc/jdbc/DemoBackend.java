package dev.smsjdbc.jdbc;

import dev.smsjdbc.emulator.SmsEmulator;

import java.net.URI;

/**
 * The in-process emulator behind {@code demo=true}: started on first use, on loopback and an ephemeral
 * port, and shared by every demo connection of the JVM (its threads are daemons, so it never keeps a JVM
 * alive).
 */
final class DemoBackend {
  private DemoBackend() {}

  private static final class Holder {
    static final SmsEmulator EMULATOR = SmsEmulator.startDemo();
  }

  static URI endpoint() {
    return Holder.EMULATOR.endpoint();
  }
}
