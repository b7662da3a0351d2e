package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sms.model.InvalidParameterException;
import software.amazon.awssdk.services.sms.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sms.model.SmsException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invalid requests get the service's error codes in JSON 1.1 form and never crash the emulator. */
class ErrorsTest {
  private static SmsEmulator emulator;
  private static SmsClient client;

  @BeforeAll
  static void start() {
    emulator = SmsEmulator.startDemo();
    client = TestClients.client(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.close();
  }

  private static void assertError(TestClients.Response response, int status, String type) {
    assertEquals(status, response.status(), response.body());
    assertEquals(type, response.header("x-amzn-ErrorType"));
    JsonNode body = response.json();
    assertEquals(type, body.get("__type").asText());
    assertTrue(body.get("message").isTextual(), response.body());
    assertEquals(ExchangeHandler.CONTENT_TYPE, response.header("Content-Type"));
  }

  @Test
  void unknownJobIdIsInvalidParameterException() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () ->
        client.getReplicationRuns(r -> r.replicationJobId("sms-job-0123456789abcdef0")));
    assertEquals(400, e.statusCode());
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
    assertError(TestClients.post(emulator, "GetReplicationJobs",
        "{\"replicationJobId\":\"sms-job-0123456789abcdef0\"}"), 400, "InvalidParameterException");
  }

  @Test
  void missingRequiredMemberIsMissingRequiredParameterException() {
    // The SDK does not check required members itself: it sends {} and the service refuses it.
    MissingRequiredParameterException e = assertThrows(MissingRequiredParameterException.class,
        () -> client.getReplicationRuns(r -> { }));
    assertEquals(400, e.statusCode());
    assertEquals("{}", emulator.requestLog().get(emulator.requestLog().size() - 1)
        .parameters().toString());
    assertError(TestClients.post(emulator, "GetReplicationRuns", "{\"maxResults\":5}"),
        400, "MissingRequiredParameterException");
  }

  @Test
  void unknownTargetIsUnknownOperationException() {
    assertError(TestClients.post(emulator, "GetEverything", "{}"),
        400, "UnknownOperationException");
  }

  @Test
  void operationsTheEmulatorDoesNotServeAreUnknownOperations() {
    SmsException e = assertThrows(SmsException.class,
        () -> client.deleteReplicationJob(r -> r.replicationJobId("sms-job-0123456789abcdef0")));
    assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void targetOfAnotherServiceIsUnknownOperationException() {
    assertError(TestClients.signedPost(emulator, "us-east-1",
        Map.of("X-Amz-Target", "DynamoDB_20120810.ListTables"), "{}"),
        400, "UnknownOperationException");
  }

  @Test
  void missingTargetIsUnknownOperationException() {
    assertError(TestClients.post(emulator, null, "{}"), 400, "UnknownOperationException");
  }

  @Test
  void malformedJsonIsSerializationException() {
    assertError(TestClients.post(emulator, "GetReplicationJobs", "{\"maxResults\": 5"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "GetReplicationJobs", "{} {}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "GetReplicationJobs", "[]"),
        400, "SerializationException");
  }

  @Test
  void deeplyNestedJsonIsSerializationException() {
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertError(TestClients.post(emulator, "GetReplicationJobs", deep),
        400, "SerializationException");
  }

  @Test
  void wrongMemberTypesAreSerializationException() {
    assertError(TestClients.post(emulator, "GetReplicationJobs", "{\"maxResults\":\"ten\"}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "GetReplicationJobs", "{\"maxResults\":2.5}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "GetReplicationJobs", "{\"maxResults\":99999999999}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "GetReplicationRuns", "{\"replicationJobId\":7}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "ListApps", "{\"appIds\":\"app-1\"}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "ListApps", "{\"appIds\":[1]}"),
        400, "SerializationException");
    assertError(TestClients.post(emulator, "GetServers",
        "{\"vmServerAddressList\":[{\"vmId\":[]}]}"), 400, "SerializationException");
  }

  @Test
  void nullMembersCountAsAbsentAndUnknownMembersAreIgnored() {
    TestClients.Response response = TestClients.post(emulator, "GetReplicationJobs",
        "{\"maxResults\":null,\"nextToken\":null,\"somethingElse\":{\"x\":1}}");
    assertEquals(200, response.status(), response.body());
    assertEquals(12, response.json().get("replicationJobList").size());
  }

  @Test
  void emptyBodyCountsAsEmptyObject() {
    assertEquals(200, TestClients.post(emulator, "GetConnectors", "").status());
  }

  @Test
  void unsignedGetIsRefusedAsUnauthenticated() {
    TestClients.Response response = TestClients.send(emulator.endpoint(), "GET", Map.of(), null);
    assertError(response, 403, "MissingAuthenticationTokenException");
  }

  @Test
  void unexpectedExceptionsAreInternalErrorWithJsonBody() {
    Clock broken = new Clock() {
      @Override public ZoneId getZone() {
        return ZoneId.of("UTC");
      }

      @Override public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override public Instant instant() {
        throw new IllegalStateException("simulated bug");
      }
    };
    try (SmsEmulator buggy = SmsEmulator.builder().clock(broken).start()) {
      TestClients.Response response = TestClients.post(buggy, "GetReplicationJobs", "{}");
      assertError(response, 500, "InternalError");
      assertFalse(response.body().contains("simulated bug"),
          "no internals leak: " + response.body());
      // and it keeps serving
      assertError(TestClients.post(buggy, "GetReplicationJobs", "{}"), 500, "InternalError");
    }
  }
}
