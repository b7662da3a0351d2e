package dev.smsjdbc.jdbc;

import org.apache.calcite.avatica.DriverVersion;

/** Name and version the driver reports through {@code DatabaseMetaData}, read from the jar's manifest. */
final class SmsDriverVersion {
  private SmsDriverVersion() {}

  static final String VERSION = versionOf(SmsDriverVersion.class.getPackage().getImplementationVersion());

  static final DriverVersion INSTANCE = new DriverVersion("sms-jdbc", VERSION,
      "AWS Server Migration Service", "2016-10-24", true, major(VERSION), minor(VERSION), 2016, 10);

  private static String versionOf(String manifestVersion) {
    return manifestVersion == null ? "0.1.0-SNAPSHOT" : manifestVersion;
  }

  private static int major(String version) {
    return part(version, 0);
  }

  private static int minor(String version) {
    return part(version, 1);
  }

  private static int part(String version, int index) {
    String[] parts = version.split("[.-]");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
