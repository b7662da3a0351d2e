package dev.smsjdbc.model;

import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.base.Suppliers;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * A structure of the SMS model (a response, a {@code ReplicationJob}, a {@code VmServer}, ...) as the SDK's
 * member metadata describes it: its members by JSON name, each with its type, and the shape of a nested
 * structure or of a list's elements. {@link Member#fits} is the one statement of which wire values a member
 * allows.
 *
 * <p>Timestamps must lie in [1970-01-01, 10000-01-01) UTC. The upper bound is SQL's: a TIMESTAMP holds
 * years 1 to 9999. The lower one is SMS's: no SMS resource predates the epoch (the service began in 2016),
 * a negative epoch value is the mark of a sign or unit error, and before 1582 {@code java.sql.Timestamp}
 * (Julian) and {@code java.time} (proleptic Gregorian) would show the same value as different dates.
 */
public final class ModelShape {
  /** The first timestamp allowed, in epoch seconds: 1970-01-01T00:00:00Z. */
  public static final long FIRST_SECOND = 0;
  /** The first timestamp no longer allowed, in epoch seconds: 10000-01-01T00:00:00Z. */
  public static final long END_SECOND = 253_402_300_800L;
  /** What an out-of-range timestamp is told. */
  public static final String TIMESTAMP_RANGE = "a timestamp from 1970-01-01 to 9999-12-31";

  private final Map<String, Member> members = new LinkedHashMap<>();

  private ModelShape(SdkPojo prototype) {
    for (SdkField<?> field : prototype.sdkFields()) {
      members.put(field.locationName(), new Member(field));
    }
  }

  /** The shape of the model structure whose builder this is, e.g. {@code ReplicationJob.builder()}. */
  public static ModelShape of(SdkPojo builder) {
    return new ModelShape(builder);
  }

  /** The member of this JSON name, or null if the model has none. */
  public @Nullable Member member(String name) {
    return members.get(name);
  }

  public Set<String> memberNames() {
    return Collections.unmodifiableSet(members.keySet());
  }

  /** Whether a timestamp of this many epoch seconds is one SMS can have sent. */
  public static boolean timestampInRange(double epochSeconds) {
    return epochSeconds >= FIRST_SECOND && epochSeconds < END_SECOND;
  }

  public static boolean timestampInRange(Instant t) {
    return t.getEpochSecond() >= FIRST_SECOND && t.getEpochSecond() < END_SECOND;
  }

  /** One member: its type, and the shape of a structure or of a list's elements. */
  public static final class Member {
    private final MarshallingType<?> type;
    private final @Nullable Supplier<ModelShape> structure;
    private final @Nullable Member element;

    Member(SdkField<?> field) {
      this.type = field.marshallingType();
      // Lazily: shapes refer to each other (a job holds runs), and most checks never reach every one.
      this.structure = type == MarshallingType.SDK_POJO
          ? Suppliers.memoize(() -> new ModelShape(field.constructor().get())) : null;
      this.element = type == MarshallingType.LIST
          ? new Member(field.getRequiredTrait(ListTrait.class).memberFieldInfo()) : null;
    }

    public MarshallingType<?> type() {
      return type;
    }

    public boolean isStructure() {
      return structure != null;
    }

    public boolean isList() {
      return element != null;
    }

    /** The shape of a structure member. */
    public ModelShape structure() {
      if (structure == null) {
        throw new IllegalStateException("not a structure");
      }
      return structure.get();
    }

    /** The elements of a list member. */
    public Member element() {
      if (element == null) {
        throw new IllegalStateException("not a list");
      }
      return element;
    }

    /**
     * Whether a wire value that starts with {@code token} is of this member's type: an object for a
     * structure, an array for a list, a string, true or false, an integer of the member's width, or a
     * number for a timestamp (whose range is {@link #timestampInRange}'s). Members of other types (no SMS
     * response has any) take any value.
     *
     * @param numberType for an integer token, how wide it is
     */
    public boolean fits(JsonToken token, @Nullable NumberType numberType) {
      if (type == MarshallingType.SDK_POJO) {
        return token == JsonToken.START_OBJECT;
      } else if (type == MarshallingType.LIST) {
        return token == JsonToken.START_ARRAY;
      } else if (type == MarshallingType.STRING) {
        return token == JsonToken.VALUE_STRING;
      } else if (type == MarshallingType.BOOLEAN) {
        return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
      } else if (type == MarshallingType.INTEGER) {
        return token == JsonToken.VALUE_NUMBER_INT && numberType == NumberType.INT;
      } else if (type == MarshallingType.LONG) {
        return token == JsonToken.VALUE_NUMBER_INT
            && (numberType == NumberType.INT || numberType == NumberType.LONG);
      } else if (type == MarshallingType.INSTANT) {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
      }
      return true;
    }

    /**
     * What {@link #fits} wants, for a message about a value that starts with {@code token}: "true or
     * false", "an integer", "an integer of 32 bits" (for one too wide), ...
     */
    public String expected(JsonToken token) {
      boolean integer = token == JsonToken.VALUE_NUMBER_INT;
      if (type == MarshallingType.SDK_POJO) {
        return "an object";
      } else if (type == MarshallingType.LIST) {
        return "a list";
      } else if (type == MarshallingType.STRING) {
        return "a string";
      } else if (type == MarshallingType.BOOLEAN) {
        return "true or false";
      } else if (type == MarshallingType.INTEGER) {
        return integer ? "an integer of 32 bits" : "an integer";
      } else if (type == MarshallingType.LONG) {
        return integer ? "an integer of 64 bits" : "an integer";
      } else if (type == MarshallingType.INSTANT) {
        return "a timestamp in epoch seconds";
      }
      return "a value";
    }
  }
}
