package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as the emulator saw it, for tests to inspect.
 *
 * @param operation the operation named by the {@code X-Amz-Target} header, without the
 *     {@code AWSServerMigrationService_V2016_10_24.} prefix (the whole header value if it lacked
 * the
 *     prefix, the empty string if it was absent)
 * @param parameters the request body as JSON (a {@code MissingNode} if it was not valid JSON)
 * @param status the HTTP status the emulator answered with
 */
public record RecordedRequest(String operation, JsonNode parameters, int status) {
}
