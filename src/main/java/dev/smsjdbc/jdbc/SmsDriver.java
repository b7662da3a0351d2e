package dev.smsjdbc.jdbc;

import dev.smsjdbc.meta.SmsMeta;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The {@code jdbc:sms:} driver: a Calcite connection whose default schema {@code sms} holds the SMS tables.
 *
 * <p>URL: {@code jdbc:sms:key=value;key=value}; every key may also come from {@code Properties} (the URL
 * wins). Defaults differ from plain Calcite where users expect database behaviour: unquoted identifiers are
 * case-insensitive ({@code lex=MYSQL_ANSI}), timestamps are shown and read in the session's zone
 * ({@code timeZone}, by default the JVM's), and string literals may hold any Unicode character.
 */
public class SmsDriver extends Driver {
  public static final String PREFIX = "jdbc:sms:";

  /**
   * The settings of the connection being opened on this thread, from {@link #connect} to the handler's
   * {@code onConnectionInit}, which Avatica calls within it: the credentials travel here, as the Properties
   * of Calcite's connection are anyone's to read ({@code unwrap(CalciteConnection.class).getProperties()}).
   */
  private static final ThreadLocal<SmsConnectionConfig> OPENING = new ThreadLocal<>();

  static {
    // Calcite encodes string literals in ISO-8859-1 unless told otherwise; read once, when Calcite's
    // system properties are first loaded, so it must be set before any query is prepared.
    if (System.getProperty("calcite.default.charset") == null) {
      System.setProperty("calcite.default.charset", "UTF-8");
    }
    new SmsDriver().register();
  }

  /** Public, so that {@code ServiceLoader} and tools such as DBeaver can instantiate the driver. */
  public SmsDriver() {
    super(SmsPrepare::new);
  }

  @Override protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override protected DriverVersion createDriverVersion() {
    return SmsDriverVersion.INSTANCE;
  }

  @Override public @Nullable Connection connect(String url, @Nullable Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    String suffix = url.substring(PREFIX.length());
    // Validated before Calcite reads any key; with the driver's own Calcite settings (lex, timeZone, ...).
    // Secrets are neither in the URL Calcite keeps (getURL()) nor in its properties: they go by OPENING.
    SmsConnectionConfig.Opening opening = SmsConnectionConfig.opening(suffix, info);
    Connection connection;
    OPENING.set(opening.config());
    try {
      connection = super.connect(PREFIX + SmsConnectionConfig.redactUrlSuffix(suffix), opening.calciteProperties());
    } finally {
      OPENING.remove();
    }
    return connection == null ? null : ErrorTranslatingProxy.wrap(connection);
  }

  /** Exactly the keys {@link #connect} accepts, described; empty for another driver's URL. */
  @Override public DriverPropertyInfo[] getPropertyInfo(String url, @Nullable Properties info)
      throws SQLException {
    return acceptsURL(url) ? DriverProperties.of(url.substring(PREFIX.length()), info) : new DriverPropertyInfo[0];
  }

  @Override public Meta createMeta(AvaticaConnection connection) {
    return SmsMeta.create((CalciteConnection) connection);
  }

  @Override protected Handler createHandler() {
    return new SmsHandler(super.createHandler(), connection -> {
      PlannerWarmup.start(); // once per JVM, in the background, while this connection is set up
      SmsConnectionConfig opening = OPENING.get();
      // Only connect() opens connections; without it the properties are all there is (and no secret).
      SmsConnectionConfig config = opening != null ? opening : SmsConnectionConfig.from(connection.getProperties());
      try {
        return SessionWiring.open(config);
      } catch (RuntimeException e) {
        throw ErrorTranslator.translate(e);
      }
    });
  }
}
