package dev.meshwright.xds;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.envoyproxy.envoy.config.core.v3.GrpcServiceProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenCensus tracer config ({@code envoy.config.trace.v3.OpenCensusConfig}, with the
 * {@code opencensus.proto.trace.v1.TraceConfig} it embeds), which pilot-agent 1.22 writes into the bootstrap for
 * the Stackdriver and OpenCensus-agent tracers but which newer Envoy API jars no longer ship. Declared here from the
 * public field numbers so that {@link EnvoyTypes} reads and prints it and the bootstrap builds it as a
 * {@code DynamicMessage}. Immutable.
 */
public final class OpenCensusTypes {
  private OpenCensusTypes() {}

  /** Full name of the tracer config. */
  public static final String OPENCENSUS_CONFIG = "envoy.config.trace.v3.OpenCensusConfig";

  /** Full name of the sampling limits message. */
  public static final String TRACE_CONFIG = "opencensus.proto.trace.v1.TraceConfig";

  /** The file holding {@link #TRACE_CONFIG} and its samplers. */
  public static final FileDescriptor TRACE_CONFIG_FILE = traceConfigFile();

  /** The file holding {@link #OPENCENSUS_CONFIG}. */
  public static final FileDescriptor OPENCENSUS_FILE = openCensusFile();

  /** The descriptor of {@link #OPENCENSUS_CONFIG}. */
  public static Descriptor openCensusConfig() {
    return OPENCENSUS_FILE.findMessageTypeByName("OpenCensusConfig");
  }

  /**
   * Istio's trace-context names (the OpenCensus agent {@code context} of ProxyConfig or of a MeshConfig extension
   * provider; both enums have the same names) as the Envoy enum's value
   * names ({@code W3C_TRACE_CONTEXT} → {@code TRACE_CONTEXT}, {@code GRPC_BIN} → {@code GRPC_TRACE_BIN}, unspecified
   * dropped), or {@code whenEmpty} when none is given (pilot-agent and istiod list all four in different orders).
   */
  public static List<String> contextNames(List<? extends Enum<?>> contexts, List<String> whenEmpty) {
    if (contexts.isEmpty()) {
      return whenEmpty;
    }
    List<String> out = new ArrayList<>();
    for (Enum<?> c : contexts) {
      switch (c.name()) {
        case "W3C_TRACE_CONTEXT" -> out.add("TRACE_CONTEXT");
        case "GRPC_BIN" -> out.add("GRPC_TRACE_BIN");
        case "CLOUD_TRACE_CONTEXT", "B3" -> out.add(c.name());
        default -> { } // UNSPECIFIED
      }
    }
    return out;
  }

  /** Adds {@code contexts} (Envoy enum value names) as both the incoming and the outgoing trace contexts. */
  public static void addContexts(DynamicMessage.Builder config, List<String> contexts) {
    for (String side : List.of("incoming_trace_context", "outgoing_trace_context")) {
      FieldDescriptor f = config.getDescriptorForType().findFieldByName(side);
      contexts.forEach(c -> config.addRepeatedField(f, f.getEnumType().findValueByName(c)));
    }
  }

  /** The descriptor of {@link #TRACE_CONFIG}. */
  public static Descriptor traceConfig() {
    return TRACE_CONFIG_FILE.findMessageTypeByName("TraceConfig");
  }

  private static FileDescriptor traceConfigFile() {
    String pkg = ".opencensus.proto.trace.v1.";
    DescriptorProto traceConfig = DescriptorProto.newBuilder().setName("TraceConfig")
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("sampler"))
        .addField(field("probability_sampler", 1, Type.TYPE_MESSAGE, pkg + "ProbabilitySampler").setOneofIndex(0))
        .addField(field("constant_sampler", 2, Type.TYPE_MESSAGE, pkg + "ConstantSampler").setOneofIndex(0))
        .addField(field("rate_limiting_sampler", 3, Type.TYPE_MESSAGE, pkg + "RateLimitingSampler").setOneofIndex(0))
        .addField(field("max_number_of_attributes", 4, Type.TYPE_INT64, null))
        .addField(field("max_number_of_annotations", 5, Type.TYPE_INT64, null))
        .addField(field("max_number_of_message_events", 6, Type.TYPE_INT64, null))
        .addField(field("max_number_of_links", 7, Type.TYPE_INT64, null))
        .build();
    DescriptorProto probability = DescriptorProto.newBuilder().setName("ProbabilitySampler")
        .addField(field("samplingProbability", 1, Type.TYPE_DOUBLE, null)).build();
    DescriptorProto constant = DescriptorProto.newBuilder().setName("ConstantSampler")
        .addEnumType(EnumDescriptorProto.newBuilder().setName("ConstantDecision")
            .addValue(value("ALWAYS_OFF", 0)).addValue(value("ALWAYS_ON", 1)).addValue(value("ALWAYS_PARENT", 2)))
        .addField(field("decision", 1, Type.TYPE_ENUM, pkg + "ConstantSampler.ConstantDecision"))
        .build();
    DescriptorProto rateLimiting = DescriptorProto.newBuilder().setName("RateLimitingSampler")
        .addField(field("qps", 1, Type.TYPE_INT64, null)).build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("opencensus/proto/trace/v1/trace_config.proto").setPackage("opencensus.proto.trace.v1")
        .setSyntax("proto3")
        .addMessageType(traceConfig).addMessageType(probability).addMessageType(constant).addMessageType(rateLimiting)
        .build();
    return build(file);
  }

  private static FileDescriptor openCensusFile() {
    String self = "." + OPENCENSUS_CONFIG;
    String grpc = ".envoy.config.core.v3.GrpcService";
    DescriptorProto config = DescriptorProto.newBuilder().setName("OpenCensusConfig")
        .addEnumType(EnumDescriptorProto.newBuilder().setName("TraceContext")
            .addValue(value("NONE", 0)).addValue(value("TRACE_CONTEXT", 1)).addValue(value("GRPC_TRACE_BIN", 2))
            .addValue(value("CLOUD_TRACE_CONTEXT", 3)).addValue(value("B3", 4)))
        .addField(field("trace_config", 1, Type.TYPE_MESSAGE, "." + TRACE_CONFIG))
        .addField(field("stdout_exporter_enabled", 2, Type.TYPE_BOOL, null))
        .addField(field("stackdriver_exporter_enabled", 3, Type.TYPE_BOOL, null))
        .addField(field("stackdriver_project_id", 4, Type.TYPE_STRING, null))
        .addField(field("zipkin_exporter_enabled", 5, Type.TYPE_BOOL, null))
        .addField(field("zipkin_url", 6, Type.TYPE_STRING, null))
        .addField(field("incoming_trace_context", 8, Type.TYPE_ENUM, self + ".TraceContext")
            .setLabel(Label.LABEL_REPEATED))
        .addField(field("outgoing_trace_context", 9, Type.TYPE_ENUM, self + ".TraceContext")
            .setLabel(Label.LABEL_REPEATED))
        .addField(field("stackdriver_address", 10, Type.TYPE_STRING, null))
        .addField(field("ocagent_exporter_enabled", 11, Type.TYPE_BOOL, null))
        .addField(field("ocagent_address", 12, Type.TYPE_STRING, null))
        .addField(field("stackdriver_grpc_service", 13, Type.TYPE_MESSAGE, grpc))
        .addField(field("ocagent_grpc_service", 14, Type.TYPE_MESSAGE, grpc))
        .build();
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("envoy/config/trace/v3/opencensus.proto").setPackage("envoy.config.trace.v3").setSyntax("proto3")
        .addDependency(GrpcServiceProto.getDescriptor().getName())
        .addDependency(TRACE_CONFIG_FILE.getName())
        .addMessageType(config)
        .build();
    return build(file, GrpcServiceProto.getDescriptor(), TRACE_CONFIG_FILE);
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type, String typeName) {
    FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setLabel(Label.LABEL_OPTIONAL).setType(type);
    return typeName == null ? b : b.setTypeName(typeName);
  }

  private static EnumValueDescriptorProto value(String name, int number) {
    return EnumValueDescriptorProto.newBuilder().setName(name).setNumber(number).build();
  }

  private static FileDescriptor build(FileDescriptorProto file, FileDescriptor... dependencies) {
    try {
      return FileDescriptor.buildFrom(file, dependencies);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the OpenCensus descriptors are constants", e);
    }
  }
}
