package dev.smsjdbc.jdbc;

import dev.smsjdbc.aws.ApiSession;
import dev.smsjdbc.schema.SmsMetaSchema;
import dev.smsjdbc.schema.SmsSchema;
import dev.smsjdbc.schema.StatementExecutions;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;

import java.sql.SQLException;

/**
 * Avatica's life-cycle callbacks, around Calcite's own: a new connection gets the {@code sms} and
 * {@code sms_meta} schemas over its {@link ApiSession}, which closes with it; each execution of a
 * statement starts with a fresh execution state (id, call budget, warnings) and its max rows recorded.
 */
final class SmsHandler implements Handler {
  /** Opens the API side of a new connection. */
  @FunctionalInterface
  interface Sessions {
    ApiSession open(CalciteConnection connection) throws SQLException;
  }

  private final Handler calcite;
  private final Sessions sessions;

  SmsHandler(Handler calcite, Sessions sessions) {
    this.calcite = calcite;
    this.sessions = sessions;
  }

  @Override public void onConnectionInit(AvaticaConnection connection) throws SQLException {
    calcite.onConnectionInit(connection);
    CalciteConnection calciteConnection = (CalciteConnection) connection;
    ApiSession session = sessions.open(calciteConnection);
    ConnectionWarnings.set(connection, session.notices());
    SchemaPlus root = calciteConnection.getRootSchema();
    root.unwrap(CalciteSchema.class).removeSubSchema("metadata"); // Calcite's own, not data: tools list it
    root.add(SmsSchema.NAME, new SmsSchema(session));
    root.add(SmsMetaSchema.NAME, new SmsMetaSchema(session));
    calciteConnection.setSchema(SmsSchema.NAME);
  }

  @Override public void onConnectionClose(AvaticaConnection connection) {
    try {
      SchemaPlus schema = ((CalciteConnection) connection).getRootSchema().subSchemas().get(SmsSchema.NAME);
      SmsSchema sms = schema == null ? null : schema.unwrap(SmsSchema.class);
      if (sms != null) {
        sms.close();
      }
    } finally {
      calcite.onConnectionClose(connection);
    }
  }

  @Override public void onStatementExecute(AvaticaStatement statement, ResultSink resultSink) {
    StatementExecutions.of(StatementFlags.of(statement)).reset(PlanningDeadline.executionStart());
    MaxRows.onExecute(statement);
    calcite.onStatementExecute(statement, resultSink);
  }

  @Override public void onStatementClose(AvaticaStatement statement) {
    calcite.onStatementClose(statement);
  }
}
