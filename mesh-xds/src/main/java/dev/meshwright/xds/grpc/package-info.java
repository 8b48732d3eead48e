/**
 * xDS for proxyless gRPC clients ({@code GENERATOR=grpc}), as istiod 1.22.8's {@code grpcgen}: only the resources
 * a client asks for, in the shapes grpc-java's and grpc-go's xDS clients accept. The last hop of the data flow for
 * those nodes; pure, no I/O. {@link dev.meshwright.xds.grpc.GrpcListenerGenerator} is the LDS entry point.
 */
package dev.meshwright.xds.grpc;
