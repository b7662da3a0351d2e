package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as the emulator saw it, for tests to inspect.
 *
 * <p>Requests to the emulator's STS are recorded too: {@code operation} is their {@code Action}
 * (e.g. {@code AssumeRole}) and {@code parameters} holds {@code RoleArn}, {@code RoleSessionName},
 * {@code ExternalId} and {@code DurationSeconds} where given, never a secret.
 *
 * @param operation the operation named by the {@code X-Amz-Target} header, without the
 *     {@code AWSServerMigrationService_V2016_10_24.} prefix (the whole header value if it lacked
 *     the prefix, the empty string if it was absent)
 * @param parameters the request body as JSON (a {@code MissingNode} if it was not valid JSON)
 * @param status the HTTP status the emulator answered with
 * @param accessKeyId the access key id in the request's {@code Authorization} header (whether or not
 *     its signature verified), e.g. to see that requests were signed with an assumed role's
 *     temporary {@code ASIA...} key; null if the request had none
 */
public record RecordedRequest(String operation, JsonNode parameters, int status, String accessKeyId) {
  /** A request without an access key id. */
  public RecordedRequest(String operation, JsonNode parameters, int status) {
    this(operation, parameters, status, null);
  }
}
