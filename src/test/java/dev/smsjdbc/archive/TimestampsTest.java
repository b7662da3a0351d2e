package dev.smsjdbc.archive;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every saved form of a timestamp reads as the same instant, to the millisecond as SMS sends them. */
class TimestampsTest {
  private static final Instant T = Instant.parse("2021-05-26T03:55:24.511Z");

  private static Instant parse(String text) {
    return Timestamps.parse(TextNode.valueOf(text));
  }

  @Test void theCliDefaultIso8601Form() {
    assertEquals(T, parse("2021-05-26T03:55:24.511000+00:00"));
    assertEquals(Instant.parse("2021-05-26T03:55:24Z"), parse("2021-05-26T03:55:24+00:00"));
  }

  @Test void pythonsStrOfADatetimeAsBoto3DumpsIt() {
    assertEquals(T, parse("2021-05-26 03:55:24.511000+00:00"));
    assertEquals(Instant.parse("2021-05-26T03:55:24Z"), parse("2021-05-26 03:55:24+00:00"));
  }

  @Test void otherOffsetsAndZulu() {
    assertEquals(T, parse("2021-05-26T05:55:24.511+02:00"));
    assertEquals(T, parse("2021-05-26T03:55:24.511Z"));
  }

  @Test void epochSecondsOfTheWireAndCliV1() {
    assertEquals(T, Timestamps.parse(DecimalNode.valueOf(new BigDecimal("1622001324.511"))));
    assertEquals(Instant.ofEpochSecond(1622001324), Timestamps.parse(LongNode.valueOf(1622001324)));
  }

  @Test void microsecondsAreCutToMilliseconds() {
    assertEquals(T, parse("2021-05-26T03:55:24.511999+00:00"));
  }

  @Test void theCliWritesWhatItReads() {
    assertEquals("2021-05-26T03:55:24.511000+00:00", Timestamps.iso8601(T).asText());
    assertEquals("2021-05-26T03:55:24+00:00", Timestamps.iso8601(Instant.parse("2021-05-26T03:55:24Z")).asText());
  }

  @Test void anythingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("2021-13-26T03:55:24.511000+00:00"));
    assertThrows(IllegalArgumentException.class, () -> parse("2021-05-26T03:55:24"));
    assertThrows(IllegalArgumentException.class, () -> parse("yesterday"));
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(com.fasterxml.jackson.databind.node
        .BooleanNode.TRUE));
  }
}
