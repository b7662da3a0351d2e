package dev.smsjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Splitter;
import com.google.common.hash.Hashing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A minimal AWS Security Token Service on the emulator's port: {@code AssumeRole} only, so that a
 * client configured to assume a role (the driver's {@code roleArn}, the SDK's
 * {@code StsAssumeRoleCredentialsProvider}, a profile with {@code role_arn}) works against the
 * emulator, and tests can prove that SMS calls are signed with the assumed role's credentials.
 *
 * <p>Wire format, as STS's (AWS query protocol, version {@value #VERSION}): {@code POST /} with
 * {@code Content-Type: application/x-www-form-urlencoded} and a body
 * {@code Action=AssumeRole&Version=2011-06-15&RoleArn=..&RoleSessionName=..[&ExternalId=..][&DurationSeconds=..]},
 * signed with SigV4 for service {@code sts} by one of the emulator's configured credentials (or by
 * temporary credentials it issued, as in role chaining). The answer is {@code text/xml}: an
 * {@code AssumeRoleResponse} with {@code Credentials} ({@code ASIA...} key id, secret, session token,
 * expiration {@code DurationSeconds} from now, default one hour) and {@code AssumedRoleUser}; an error
 * is an {@code ErrorResponse} with {@code Type}, {@code Code} and {@code Message}.
 *
 * <p>Only the roles registered with {@link SmsEmulator.Builder#assumableRole} may be assumed, by any
 * configured credential. A role that is not registered, or a missing or wrong {@code ExternalId} for a
 * role registered with one, is refused with {@code AccessDenied} (403), as AWS does. The credentials
 * issued are then accepted for every emulated operation, but only together with their session token
 * (see {@link SigV4Verifier}). STS requests are counted and logged like SMS requests (operation
 * {@code AssumeRole}, parameters {@code RoleArn}, {@code RoleSessionName}, {@code ExternalId},
 * {@code DurationSeconds}: nothing secret), but {@link Faults} never apply to them.
 */
final class StsOperations {
  static final String VERSION = "2011-06-15";
  /** The service name of STS's SigV4 credential scope. */
  static final String SERVICE = "sts";
  static final String CONTENT_TYPE = "text/xml";
  private static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
  private static final Duration DEFAULT_DURATION = Duration.ofHours(1);
  private static final long MIN_DURATION_SECONDS = 900;
  private static final long MAX_DURATION_SECONDS = 43_200;
  /** The request parameters the request log keeps: none is secret. */
  private static final List<String> LOGGED = List.of("RoleArn", "RoleSessionName", "ExternalId",
      "DurationSeconds");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

  /** The ExternalId each assumable role requires (empty: none), by role ARN. */
  private final Map<String, Optional<String>> roles;
  private final IssuedCredentials issued;
  private final Clock clock;

  /**
   * @param roles the assumable roles: the ExternalId each requires (empty for none), by role ARN
   */
  StsOperations(Map<String, Optional<String>> roles, IssuedCredentials issued, Clock clock) {
    this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    this.issued = Objects.requireNonNull(issued, "issued");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether a request of this {@code Content-Type} is for STS (AWS query protocol) rather than SMS. */
  static boolean isQueryRequest(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT_TYPE);
  }

  /** Checks a role ARN given to {@link SmsEmulator.Builder#assumableRole}. */
  static String checkRoleArn(String roleArn) {
    if (!ROLE_ARN.matcher(Objects.requireNonNull(roleArn, "roleArn")).matches()) {
      throw new IllegalArgumentException(
          "not an IAM role ARN (arn:aws:iam::123456789012:role/Name): " + roleArn);
    }
    return roleArn;
  }

  /** The parameters of a form-encoded body; the first of repeated names wins. */
  static Map<String, String> parseForm(byte[] body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : Splitter.on('&').omitEmptyStrings()
        .split(new String(body, StandardCharsets.UTF_8))) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.putIfAbsent(name, value);
    }
    return form;
  }

  /** What the request log keeps of a request: the non-secret AssumeRole parameters it has. */
  static JsonNode logged(Map<String, String> form) {
    ObjectNode node = WireJson.object();
    for (String name : LOGGED) {
      if (form.containsKey(name)) {
        node.put(name, form.get(name));
      }
    }
    return node;
  }

  /**
   * Serves one STS request signed by {@code caller}.
   *
   * @return the XML answer
   * @throws ApiError an STS error, for {@link #errorXml}
   */
  String handle(Map<String, String> form, String caller, String requestId) {
    String action = form.get("Action");
    if (action == null) {
      throw new ApiError("MissingAction", 400, "Missing Action");
    }
    if (!action.equals("AssumeRole") || !VERSION.equals(form.get("Version"))) {
      throw new ApiError("InvalidAction", 400, "Could not find operation " + action + " for version "
          + form.get("Version"));
    }
    return assumeRole(form, caller, requestId);
  }

  private String assumeRole(Map<String, String> form, String caller, String requestId) {
    String roleArn = required(form, "RoleArn", "roleArn");
    String sessionName = required(form, "RoleSessionName", "roleSessionName");
    if (roleArn.length() < 20 || roleArn.length() > 2048) {
      throw validation(roleArn, "roleArn", "Member must have length between 20 and 2048");
    }
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw validation(sessionName, "roleSessionName",
          "Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64");
    }
    String externalId = form.get("ExternalId");
    if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
      throw validation(externalId, "externalId",
          "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]* and have length between 2 and 1224");
    }
    Duration duration = DEFAULT_DURATION;
    String durationText = form.get("DurationSeconds");
    if (durationText != null) {
      long seconds;
      try {
        seconds = Long.parseLong(durationText);
      } catch (NumberFormatException e) {
        throw validation(durationText, "durationSeconds", "Member must be a number");
      }
      if (seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
        throw validation(durationText, "durationSeconds", "Member must have value between "
            + MIN_DURATION_SECONDS + " and " + MAX_DURATION_SECONDS);
      }
      duration = Duration.ofSeconds(seconds);
    }
    Optional<String> required = roles.get(roleArn);
    if (required == null || required.isPresent() && !required.get().equals(externalId)) {
      throw new ApiError("AccessDenied", 403, "User: " + callerArn(caller)
          + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }

    var arn = ROLE_ARN.matcher(roleArn);
    if (!arn.matches()) {
      throw new IllegalStateException("registered role ARNs are checked: " + roleArn);
    }
    String assumedRoleArn = "arn:aws:sts::" + arn.group(1) + ":assumed-role/" + arn.group(2) + "/"
        + sessionName;
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    IssuedCredentials.Issued credentials = issued.issue(assumedRoleArn, now.plus(duration), now);
    return "<AssumeRoleResponse xmlns=\"" + XMLNS + "\">"
        + "<AssumeRoleResult>"
        + "<AssumedRoleUser>"
        + element("AssumedRoleId", roleId(roleArn) + ":" + sessionName)
        + element("Arn", assumedRoleArn)
        + "</AssumedRoleUser>"
        + "<Credentials>"
        + element("AccessKeyId", credentials.accessKeyId())
        + element("SecretAccessKey", credentials.secretAccessKey())
        + element("SessionToken", credentials.sessionToken())
        + element("Expiration", credentials.expiration().toString())
        + "</Credentials>"
        + "</AssumeRoleResult>"
        + "<ResponseMetadata>" + element("RequestId", requestId) + "</ResponseMetadata>"
        + "</AssumeRoleResponse>";
  }

  /** Who {@code caller} (an access key id) is, for AccessDenied messages. */
  private String callerArn(String caller) {
    IssuedCredentials.Issued temporary = issued.get(caller);
    return temporary != null ? temporary.assumedRoleArn() : "arn:aws:iam::123456789012:user/" + caller;
  }

  /** The role's unique id ({@code AROA...}), stable for a role ARN. */
  private static String roleId(String roleArn) {
    String hash = Hashing.sha256().hashString(roleArn, StandardCharsets.UTF_8).toString()
        .toUpperCase(Locale.ROOT);
    return "AROA" + hash.substring(0, 17);
  }

  private static String required(Map<String, String> form, String name, String member) {
    String value = form.get(name);
    if (value == null) {
      throw new ApiError("ValidationError", 400, "1 validation error detected: Value null at '" + member
          + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  private static ApiError validation(String value, String member, String constraint) {
    return new ApiError("ValidationError", 400, "1 validation error detected: Value '" + value + "' at '"
        + member + "' failed to satisfy constraint: " + constraint);
  }

  /**
   * The STS form of an error that the shared request handling (SigV4, body size, internal errors)
   * raised with SMS's JSON codes: e.g. {@code UnrecognizedClientException} is STS's
   * {@code InvalidClientTokenId}, {@code InvalidSignatureException} its {@code SignatureDoesNotMatch}.
   */
  static ApiError asStsError(ApiError e) {
    return switch (e.type()) {
      case "UnrecognizedClientException" ->
          new ApiError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
      case "InvalidSignatureException" -> new ApiError("SignatureDoesNotMatch", 403, e.getMessage());
      case "MissingAuthenticationTokenException" ->
          new ApiError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
      case "IncompleteSignatureException" -> new ApiError("IncompleteSignature", 400, e.getMessage());
      case "ExpiredTokenException" ->
          new ApiError("ExpiredToken", 400, "The security token included in the request is expired");
      case "SerializationException" -> new ApiError("ValidationError", 400, e.getMessage());
      case "InternalError" -> new ApiError("InternalFailure", 500, e.getMessage());
      default -> e;
    };
  }

  /** An STS {@code ErrorResponse}. */
  static String errorXml(ApiError e, String requestId) {
    return "<ErrorResponse xmlns=\"" + XMLNS + "\">"
        + "<Error>"
        + element("Type", e.status() >= 500 ? "Receiver" : "Sender")
        + element("Code", e.type())
        + element("Message", e.getMessage())
        + "</Error>"
        + element("RequestId", requestId)
        + "</ErrorResponse>";
  }

  private static String element(String name, String text) {
    return "<" + name + ">" + escape(text) + "</" + name + ">";
  }

  /** Text content escaped for XML (quotes need no escape outside attributes). */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
