package dev.smsjdbc.aws;

import dev.smsjdbc.api.SmsOperation;
import dev.smsjdbc.api.VisibleText;
import dev.smsjdbc.model.ModelShape;
import dev.smsjdbc.model.WireCheck;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sms.model.GetConnectorsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationJobsResponse;
import software.amazon.awssdk.services.sms.model.GetReplicationRunsResponse;
import software.amazon.awssdk.services.sms.model.GetServersResponse;
import software.amazon.awssdk.services.sms.model.ListAppsResponse;

import java.util.EnumMap;
import java.util.Map;

/**
 * Checks each successful SMS answer against the API model before the SDK parses it ({@link WireCheck}):
 * the SDK reads {@code "runOnce": "maybe"} as false and a timestamp of {@code 1e300} as 1970, so only the raw
 * body can tell. An item of a listing must also have its id, the primary key of its table. A value that
 * does not fit fails the call with an {@link InvalidAnswerException} (not retried: the same answer would
 * come back), reported as {@link ApiException.Kind#INVALID_ANSWER}.
 */
final class AnswerCheck {
  /** How an operation's answer is checked, and the member that identifies each item it lists. */
  private record Listing(WireCheck check, String keyMember) {
    Listing(SdkPojo response, String listMember, String keyMember) {
      this(new WireCheck(ModelShape.of(response), listMember, keyMember), keyMember);
    }
  }

  /** The list member of each answer, and its items' id: the primary key of the table ({@code SmsTables}). */
  private static final Map<SmsOperation, Listing> LISTINGS = new EnumMap<>(Map.of(
      SmsOperation.GET_REPLICATION_JOBS,
      new Listing(GetReplicationJobsResponse.builder(), "replicationJobList", "replicationJobId"),
      SmsOperation.GET_REPLICATION_RUNS,
      new Listing(GetReplicationRunsResponse.builder(), "replicationRunList", "replicationRunId"),
      SmsOperation.GET_SERVERS, new Listing(GetServersResponse.builder(), "serverList", "serverId"),
      SmsOperation.GET_CONNECTORS, new Listing(GetConnectorsResponse.builder(), "connectorList", "connectorId"),
      SmsOperation.LIST_APPS, new Listing(ListAppsResponse.builder(), "apps", "appId")));

  /** A successful answer whose values the model does not allow. */
  static final class InvalidAnswerException extends BoundedHttpClient.RejectedResponseException {
    private static final long serialVersionUID = 1L;

    InvalidAnswerException(String message) {
      super(message);
    }
  }

  private AnswerCheck() {}

  /** The member that identifies an item the operation lists, e.g. {@code replicationJobId}. */
  static String keyMember(SmsOperation operation) {
    return LISTINGS.get(operation).keyMember();
  }

  /** Checks the body of a successful answer to an SMS call; other answers (STS, errors) pass unchecked. */
  static void check(SdkHttpRequest request, SdkHttpResponse response, byte[] body) throws InvalidAnswerException {
    if (!response.isSuccessful()) {
      return;
    }
    String target = request.firstMatchingHeader("X-Amz-Target").orElse(null);
    if (target == null) {
      return;
    }
    SmsOperation operation = SmsOperation.ofWireName(target.substring(target.lastIndexOf('.') + 1)).orElse(null);
    Listing listing = operation == null ? null : LISTINGS.get(operation);
    if (listing == null) {
      return;
    }
    try {
      listing.check().check(body);
    } catch (WireCheck.Violation v) {
      String requestId = response.firstMatchingHeader("x-amzn-RequestId")
          .or(() -> response.firstMatchingHeader("x-amz-request-id")).orElse("none");
      throw new InvalidAnswerException(operation.wireName() + " answered a value the API model does not allow: "
          + v.getMessage() + " (request id " + VisibleText.quoted(requestId, 80) + ")");
    }
  }
}
