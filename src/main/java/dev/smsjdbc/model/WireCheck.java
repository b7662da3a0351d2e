package dev.smsjdbc.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.smsjdbc.api.VisibleText;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.core.protocol.MarshallingType;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Checks an answer's JSON body, as it came over the wire, against the shape of its response in the model,
 * in one streaming pass without building a tree (the SDK parses it next; this must cost little beside
 * that): every member the model has must hold a value of its type ({@link ModelShape.Member#fits}),
 * timestamps in range, list elements not null, and each item of the listed member must have its id
 * member (the table's primary key). Members the model does not have are skipped, as the SDK skips them.
 * Nesting deeper than any SMS shape ({@value #MAX_DEPTH} levels) is refused.
 *
 * <p>A body that is not JSON at all passes: the SDK's parser reports it as a broken answer.
 */
public final class WireCheck {
  /** Far deeper than any SMS response (a run in a job in a list in an answer is 5), far below a stack's limit. */
  static final int MAX_DEPTH = 64;
  private static final int QUOTED_CHARS = 40;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private final ModelShape response;
  private final String listMember;
  private final String keyMember;

  /**
   * @param listMember the response member that lists the items, e.g. {@code replicationJobList}
   * @param keyMember the member each item must have, e.g. {@code replicationJobId}
   */
  public WireCheck(ModelShape response, String listMember, String keyMember) {
    this.response = response;
    this.listMember = listMember;
    this.keyMember = keyMember;
  }

  /** A value the model does not allow, with where it is, e.g. {@code replicationJobList[3].runOnce}. */
  public static final class Violation extends Exception {
    private static final long serialVersionUID = 1L;

    Violation(String path, String detail) {
      super(path.isEmpty() ? detail : path + " " + detail, null, false, false);
    }
  }

  /** @throws Violation for the first value that does not fit */
  public void check(byte[] body) throws Violation {
    JsonParser p;
    try {
      p = JSON.createParser(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (p) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return; // no body: the SDK reads it as an answer without members
      }
      if (t != JsonToken.START_OBJECT) {
        throw new Violation("", "the answer is " + quote(p, t) + ", not a JSON object");
      }
      object(p, response, null, true);
      if (p.nextToken() != null) {
        throw new Violation("", "the answer goes on after its JSON object");
      }
    } catch (StreamConstraintsException e) {
      throw new Violation(path(p.getParsingContext()), "is nested too deeply (" + MAX_DEPTH + " levels"
          + " at most) or too long: " + VisibleText.quoted(String.valueOf(e.getOriginalMessage()), 120));
    } catch (JsonParseException e) {
      // not JSON: left to the SDK, which fails the call (not retried) as a broken answer
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a byte array does not fail
    }
  }

  private void object(JsonParser p, ModelShape shape, @Nullable String key, boolean top)
      throws IOException, Violation {
    boolean keyed = key == null;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      ModelShape.Member member = shape.member(name);
      if (member == null || v == JsonToken.VALUE_NULL) {
        p.skipChildren(); // unknown to the model: ignored, as the SDK does; null: absent
        continue;
      }
      keyed |= name.equals(key);
      value(p, member, v, top && name.equals(listMember) ? keyMember : null);
    }
    if (!keyed) {
      // at the object's end the parser is back in its parent: the path is the object's own
      throw new Violation(path(p.getParsingContext()) + "." + key, "is missing, and every item of "
          + listMember + " must have it");
    }
  }

  private void value(JsonParser p, ModelShape.Member member, JsonToken t, @Nullable String key)
      throws IOException, Violation {
    if (!member.fits(t, t == JsonToken.VALUE_NUMBER_INT ? p.getNumberType() : null)) {
      throw mismatch(p, t, member.expected(t));
    }
    if (member.isStructure()) {
      object(p, member.structure(), key, false);
    } else if (member.isList()) {
      ModelShape.Member element = member.element();
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        if (e == JsonToken.VALUE_NULL) {
          throw new Violation(path(p.getParsingContext()), "= null, and a list element cannot be null");
        }
        value(p, element, e, key);
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (member.type() == MarshallingType.INSTANT
          && !ModelShape.timestampInRange(p.getDoubleValue())) {
        throw mismatch(p, t, ModelShape.TIMESTAMP_RANGE);
      }
    } else {
      p.skipChildren(); // a member of a type no SMS answer has: any value
    }
  }

  private static Violation mismatch(JsonParser p, JsonToken t, String expected) throws IOException {
    JsonStreamContext at = p.getParsingContext();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      at = at.getParent(); // the parser has entered the container: its path is the parent's
    }
    return new Violation(path(at), "= " + quote(p, t) + ", which is not " + expected);
  }

  /** {@code replicationJobList[3].runOnce}: the path of the value the parser is at. */
  private static String path(@Nullable JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path.insert(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        path.insert(0, (c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
      }
    }
    return path.toString();
  }

  /** The value at {@code t} as it reads in a message: a string quoted, shortened and escaped. */
  private static String quote(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      return "{...}";
    }
    if (t == JsonToken.START_ARRAY) {
      return "[...]";
    }
    String text = VisibleText.quoted(p.getText(), QUOTED_CHARS);
    return t == JsonToken.VALUE_STRING ? '"' + text + '"' : text;
  }
}
