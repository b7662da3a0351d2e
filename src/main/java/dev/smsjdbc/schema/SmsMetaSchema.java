package dev.smsjdbc.schema;

import com.google.common.collect.ImmutableMap;
import dev.smsjdbc.aws.ApiSession;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.Map;

/** The {@code sms_meta} schema: what the driver itself knows, such as the API calls it made. */
public final class SmsMetaSchema extends AbstractSchema {
  public static final String NAME = "sms_meta";

  private final Map<String, Table> tables;

  public SmsMetaSchema(ApiSession session) {
    this.tables = ImmutableMap.of(SmsTables.API_CALLS.name(), new ApiCallsTable(session.callLog()));
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }
}
