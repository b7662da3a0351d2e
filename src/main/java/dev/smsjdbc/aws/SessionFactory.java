package dev.smsjdbc.aws;

import com.google.common.hash.Hashing;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sms.SmsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@link ApiSession} of a connection: the credentials provider (static keys, a profile or the
 * SDK's default chain, optionally turned into an assumed role's through STS), one SMS client per Region,
 * timeouts and retries. Nothing here calls AWS: credentials are resolved on the first API call.
 */
public final class SessionFactory {
  /** Never connected to: an offline session's transport answers every request itself. */
  private static final URI OFFLINE_ENDPOINT = URI.create("http://saved-history.invalid");

  private SessionFactory() {}

  /**
   * The session of {@code clients}. What the settings decide and can fail on (the Regions, the credentials
   * provider) is done here, so that it fails the connect; the SDK clients are built in the background
   * ({@link ApiSession#ApiSession(ApiSession.Settings, List, java.util.concurrent.Callable)}).
   */
  public static ApiSession create(ClientSettings clients, ApiSession.Settings settings) {
    List<String> regions = regions(clients);
    AwsCredentialsProvider credentials = provider(clients.credentials());
    ApiSession session = new ApiSession(settings, regions, () -> clients(clients, regions, credentials));
    if (credentials instanceof AutoCloseable closeable) {
      // The default chain and profile providers may hold threads and clients of their own.
      session.closeOnClose(closeable);
    }
    return session;
  }

  /**
   * A session whose settings are known only once {@code clients} is called, in the background: the demo
   * emulator starts there. Only for settings that cannot fail (static keys, Regions given).
   */
  public static ApiSession create(List<String> regions, Supplier<ClientSettings> clients,
      ApiSession.Settings settings) {
    return new ApiSession(settings, regions, () -> {
      ClientSettings built = clients.get();
      AwsCredentialsProvider credentials = provider(built.credentials());
      ApiSession.Clients result = clients(built, regions, credentials);
      if (credentials instanceof AutoCloseable closeable) {
        List<AutoCloseable> resources = new ArrayList<>(result.resources());
        resources.add(closeable);
        return new ApiSession.Clients(result.cacheScope(), result.clients(), resources);
      }
      return result;
    });
  }

  private static List<String> regions(ClientSettings clients) {
    String profile = clients.credentials() instanceof ClientSettings.CredentialSource.Profile p ? p.name() : null;
    return !clients.regions().isEmpty() ? clients.regions()
        : List.of(RegionChain.resolve(clients.endpoint(), profile).id());
  }

  /** The HTTP client and one SMS client per Region (plus STS for a role); on a failure, closes what it built. */
  private static ApiSession.Clients clients(ClientSettings clients, List<String> regions,
      AwsCredentialsProvider base) {
    ClientOverrideConfiguration overrides = overrides(clients);
    List<AutoCloseable> resources = new ArrayList<>();
    Map<String, SmsClient> byRegion = new LinkedHashMap<>();
    try {
      // Closing the session aborts the calls in flight (InFlightCalls); the bounded client reads each answer
      // through it, so that an abort also ends a body being read.
      SdkHttpClient http = new BoundedHttpClient(new InFlightCalls(UrlConnectionHttpClient.builder()
          .socketTimeout(socketTimeout(clients.apiCallTimeout())).build()), clients.maxResponseBytes());
      resources.add(http); // given to the clients as a client, not a builder: the SDK leaves closing it to us
      AwsCredentialsProvider credentials = base;
      if (clients.role() != null) {
        credentials = assumeRole(clients.role(), http, credentials, regions.get(0), overrides, resources);
      }
      for (String region : regions) {
        byRegion.put(region, build(SmsClient.builder(), http, credentials, region, clients.endpoint(), overrides));
      }
      return new ApiSession.Clients(cacheScope(clients), byRegion, resources);
    } catch (RuntimeException | Error e) {
      List<AutoCloseable> built = new ArrayList<>(byRegion.values()); // the clients first, then what they use
      built.addAll(resources);
      for (AutoCloseable resource : built) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /**
   * A session over clients that answer in-process, one transport per Region (saved history): no endpoint,
   * credentials or network, and no retries, since nothing can fail transiently.
   */
  public static ApiSession offline(Map<String, SdkHttpClient> transports, ApiSession.Settings settings,
      List<String> notices) {
    Map<String, SmsClient> byRegion = new LinkedHashMap<>();
    transports.forEach((region, transport) -> byRegion.put(region, SmsClient.builder()
        .httpClient(transport)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .region(Region.of(region))
        .endpointOverride(OFFLINE_ENDPOINT)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build()));
    return new ApiSession(settings, "offline", byRegion, true, notices);
  }

  /**
   * What every SDK client of a session is given: the retry strategy and the time limit of a call, retries
   * and the waits between them included.
   */
  public static ClientOverrideConfiguration overrides(ClientSettings clients) {
    ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
        .retryStrategy(new DeterministicFailures(AwsRetryStrategy.forRetryMode(clients.retryMode()).toBuilder()
            .maxAttempts(clients.maxAttempts()).build(), clients.apiCallTimeout()));
    if (clients.apiCallTimeout() != null) {
      o.apiCallTimeout(clients.apiCallTimeout());
    }
    return o.build();
  }

  /**
   * The longest wait for one read from the socket: the url-connection client's 30 s, or less when a whole
   * call may take less. A silent answer is cut by {@code apiCallTimeout} anyway (the SDK aborts the call);
   * this bounds how long a thread reading a silent body after an abort still waits.
   */
  public static Duration socketTimeout(@Nullable Duration apiCallTimeout) {
    Duration sdkDefault = Duration.ofSeconds(30);
    return apiCallTimeout == null || apiCallTimeout.compareTo(sdkDefault) >= 0 ? sdkDefault : apiCallTimeout;
  }

  /** A client of the driver's kind: bounded HTTP, the quiet SigV4 signer, the connection's retries. */
  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
      SdkHttpClient http, AwsCredentialsProvider credentials, String region, @Nullable URI endpoint,
      ClientOverrideConfiguration overrides) {
    builder.httpClient(http)
        .putAuthScheme(QuietSigV4Signer.SCHEME)
        .credentialsProvider(credentials)
        .region(Region.of(region))
        .overrideConfiguration(overrides);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private static AwsCredentialsProvider provider(ClientSettings.CredentialSource source) {
    if (source instanceof ClientSettings.CredentialSource.StaticKeys keys) {
      return StaticCredentialsProvider.create(keys.sessionToken() == null
          ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
          : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
    }
    if (source instanceof ClientSettings.CredentialSource.Profile profile) {
      return ProfileCredentialsProvider.create(profile.name());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /**
   * The role's credentials, assumed through STS with {@code base}'s. AssumeRole is called on the first API
   * call, and again when the temporary credentials come within minutes of expiring, in the calling thread (no
   * refresh thread). The STS client and the provider go to {@code resources}, to close with the connection.
   * A failure names the role ({@link ApiErrors#assumeRoleFailed}).
   */
  private static AwsCredentialsProvider assumeRole(ClientSettings.AssumedRole role, SdkHttpClient http,
      AwsCredentialsProvider base, String region, ClientOverrideConfiguration overrides,
      List<AutoCloseable> resources) {
    StsClient sts = build(StsClient.builder(), http, base, region, role.stsEndpoint(), overrides);
    StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .asyncCredentialUpdateEnabled(false)
        .refreshRequest(r -> r.roleArn(role.roleArn()).roleSessionName(role.sessionName())
            .externalId(role.externalId()))
        .build();
    resources.add(assumed);
    resources.add(sts);
    return new AwsCredentialsProvider() {
      @Override public AwsCredentials resolveCredentials() {
        try {
          return assumed.resolveCredentials();
        } catch (SdkException e) {
          throw ApiErrors.assumeRoleFailed(role.roleArn(), e);
        }
      }

      @Override public String toString() {
        return "AssumeRole(" + role.roleArn() + ")";
      }
    };
  }

  /**
   * Who is asking, for the shared response cache: connections share answers only with the same credentials
   * and endpoint. Secrets enter only as a hash.
   */
  private static String cacheScope(ClientSettings clients) {
    String who;
    if (clients.credentials() instanceof ClientSettings.CredentialSource.StaticKeys keys) {
      who = "keys:" + keys.accessKeyId() + ":" + Hashing.sha256().hashString(
          keys.secretAccessKey() + "\n" + keys.sessionToken(), StandardCharsets.UTF_8);
    } else if (clients.credentials() instanceof ClientSettings.CredentialSource.Profile profile) {
      who = "profile:" + profile.name();
    } else {
      who = "default-chain";
    }
    ClientSettings.AssumedRole role = clients.role();
    if (role != null) {
      who += " role:" + role.roleArn() + ":" + hashOf(role.externalId());
    }
    return who + " @" + clients.endpoint();
  }

  private static String hashOf(@Nullable String value) {
    return value == null ? "-" : Hashing.sha256().hashString(value, StandardCharsets.UTF_8).toString();
  }
}
