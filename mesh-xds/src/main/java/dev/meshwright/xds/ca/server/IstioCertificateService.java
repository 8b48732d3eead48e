package dev.meshwright.xds.ca.server;

import dev.meshwright.xds.NodeIds;
import dev.meshwright.xds.ca.CaException;
import dev.meshwright.xds.ca.CertificateAuthority;
import dev.meshwright.xds.ca.IssuedCertificate;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * istiod's CSR endpoint, {@code istio.v1.auth.IstioCertificateService/CreateCertificate}: authenticates the caller
 * (bearer token from the {@code authorization} header, request metadata, TLS peer certificates) with an
 * {@link Authenticator}, then has the CA sign the CSR for the identities returned. Refusals are UNAUTHENTICATED,
 * unusable CSRs INVALID_ARGUMENT, each with the reason. Add it to an {@code AdsServer} with
 * {@code builder.service(...)}, or to any grpc-java server. Thread-safe; the CA is looked up per call, so a
 * rotated CA takes effect at once.
 */
public final class IstioCertificateService implements BindableService {
  /** The service name in Istio's {@code ca.proto}. */
  public static final String SERVICE = "istio.v1.auth.IstioCertificateService";

  /** {@code CreateCertificate}, with our codecs for Istio's messages. */
  public static final MethodDescriptor<CertificateRequest, CertificateResponse> CREATE_CERTIFICATE =
      MethodDescriptor.<CertificateRequest, CertificateResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "CreateCertificate"))
          .setRequestMarshaller(new Codec<>(CertificateRequest::toByteArray, CertificateRequest::parse))
          .setResponseMarshaller(new Codec<>(CertificateResponse::toByteArray, CertificateResponse::parse))
          .build();

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<Optional<String>> TOKEN = Context.key("meshwright-bearer-token");
  private static final Context.Key<List<X509Certificate>> PEER = Context.key("meshwright-peer-certificates");

  private final Supplier<CertificateAuthority> ca;
  private final Authenticator authenticator;

  /** A service signing with {@code ca()} for callers {@code authenticator} accepts. */
  public IstioCertificateService(Supplier<CertificateAuthority> ca, Authenticator authenticator) {
    this.ca = Objects.requireNonNull(ca, "ca");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  @Override
  public ServerServiceDefinition bindService() {
    ServerServiceDefinition def = ServerServiceDefinition.builder(SERVICE)
        .addMethod(CREATE_CERTIFICATE, ServerCalls.asyncUnaryCall(this::createCertificate)).build();
    return ServerInterceptors.intercept(def, new CallerInterceptor());
  }

  private void createCertificate(CertificateRequest req, StreamObserver<CertificateResponse> out) {
    Authenticator.Caller caller = new Authenticator.Caller(TOKEN.get() == null ? Optional.empty() : TOKEN.get(),
        NodeIds.structToMap(req.metadata()), req.csr(), PEER.get() == null ? List.of() : PEER.get());
    Authenticator.Result result = authenticator.authenticate(caller);
    if (result instanceof Authenticator.Result.Denied denied) {
      out.onError(Status.UNAUTHENTICATED.withDescription(denied.reason()).asRuntimeException());
      return;
    }
    List<String> identities = ((Authenticator.Result.Authenticated) result).identities();
    try {
      IssuedCertificate cert = ca.get().sign(req.csr(), identities,
          Duration.ofSeconds(Math.max(0, req.validityDurationSeconds())));
      out.onNext(new CertificateResponse(cert.chain()));
      out.onCompleted();
    } catch (CaException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  /** Puts the bearer token and the TLS peer's certificates into the call's context. */
  private static final class CallerInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      String auth = headers.get(AUTHORIZATION);
      Optional<String> token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
          ? Optional.of(auth.substring(7).trim()) : Optional.empty();
      List<X509Certificate> peer = new ArrayList<>();
      SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
      if (ssl != null) {
        try {
          for (Certificate c : ssl.getPeerCertificates()) {
            if (c instanceof X509Certificate x) {
              peer.add(x);
            }
          }
        } catch (SSLPeerUnverifiedException e) {
          // no client certificate: the token has to do
        }
      }
      Context ctx = Context.current().withValue(TOKEN, token).withValue(PEER, List.copyOf(peer));
      return Contexts.interceptCall(ctx, call, headers, next);
    }
  }

  /** A marshaller from a serializer and a parser. */
  private static final class Codec<T> implements MethodDescriptor.Marshaller<T> {
    interface Parser<T> {
      T parse(InputStream in) throws IOException;
    }

    private final java.util.function.Function<T, byte[]> write;
    private final Parser<T> read;

    Codec(java.util.function.Function<T, byte[]> write, Parser<T> read) {
      this.write = write;
      this.read = read;
    }

    @Override
    public InputStream stream(T value) {
      return new ByteArrayInputStream(write.apply(value));
    }

    @Override
    public T parse(InputStream stream) {
      try {
        return read.parse(stream);
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription("cannot parse message: " + e.getMessage()).withCause(e)
            .asRuntimeException();
      }
    }
  }

}
