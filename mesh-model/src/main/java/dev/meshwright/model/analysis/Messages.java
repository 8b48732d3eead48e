package dev.meshwright.model.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of Istio 1.22.8's analysis message types (codes IST0001-IST0170), read once from the
 * {@code messages.tsv} resource shipped in this jar, with a constant for every type. Immutable and
 * thread-safe; a missing or malformed catalog resource is a packaging bug and fails class initialisation.
 */
public final class Messages {
  private static final Map<String, MessageType> BY_CODE = load();

  /** IST0001 InternalError (Error). */
  public static final MessageType INTERNAL_ERROR = type("IST0001");

  /** IST0002 Deprecated (Warning). */
  public static final MessageType DEPRECATED = type("IST0002");

  /** IST0101 ReferencedResourceNotFound (Error). */
  public static final MessageType REFERENCED_RESOURCE_NOT_FOUND = type("IST0101");

  /** IST0102 NamespaceNotInjected (Info). */
  public static final MessageType NAMESPACE_NOT_INJECTED = type("IST0102");

  /** IST0103 PodMissingProxy (Warning). */
  public static final MessageType POD_MISSING_PROXY = type("IST0103");

  /** IST0106 SchemaValidationError (Error). */
  public static final MessageType SCHEMA_VALIDATION_ERROR = type("IST0106");

  /** IST0107 MisplacedAnnotation (Warning). */
  public static final MessageType MISPLACED_ANNOTATION = type("IST0107");

  /** IST0108 UnknownAnnotation (Warning). */
  public static final MessageType UNKNOWN_ANNOTATION = type("IST0108");

  /** IST0109 ConflictingMeshGatewayVirtualServiceHosts (Error). */
  public static final MessageType CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS = type("IST0109");

  /** IST0110 ConflictingSidecarWorkloadSelectors (Error). */
  public static final MessageType CONFLICTING_SIDECAR_WORKLOAD_SELECTORS = type("IST0110");

  /** IST0111 MultipleSidecarsWithoutWorkloadSelectors (Error). */
  public static final MessageType MULTIPLE_SIDECARS_WITHOUT_WORKLOAD_SELECTORS = type("IST0111");

  /** IST0112 VirtualServiceDestinationPortSelectorRequired (Error). */
  public static final MessageType VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED = type("IST0112");

  /** IST0116 DeploymentAssociatedToMultipleServices (Warning). */
  public static final MessageType DEPLOYMENT_ASSOCIATED_TO_MULTIPLE_SERVICES = type("IST0116");

  /** IST0118 PortNameIsNotUnderNamingConvention (Info). */
  public static final MessageType PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION = type("IST0118");

  /** IST0122 InvalidRegexp (Warning). */
  public static final MessageType INVALID_REGEXP = type("IST0122");

  /** IST0123 NamespaceMultipleInjectionLabels (Warning). */
  public static final MessageType NAMESPACE_MULTIPLE_INJECTION_LABELS = type("IST0123");

  /** IST0125 InvalidAnnotation (Warning). */
  public static final MessageType INVALID_ANNOTATION = type("IST0125");

  /** IST0126 UnknownMeshNetworksServiceRegistry (Error). */
  public static final MessageType UNKNOWN_MESH_NETWORKS_SERVICE_REGISTRY = type("IST0126");

  /** IST0127 NoMatchingWorkloadsFound (Warning). */
  public static final MessageType NO_MATCHING_WORKLOADS_FOUND = type("IST0127");

  /** IST0128 NoServerCertificateVerificationDestinationLevel (Warning). */
  public static final MessageType NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL = type("IST0128");

  /** IST0129 NoServerCertificateVerificationPortLevel (Warning). */
  public static final MessageType NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL = type("IST0129");

  /** IST0130 VirtualServiceUnreachableRule (Warning). */
  public static final MessageType VIRTUAL_SERVICE_UNREACHABLE_RULE = type("IST0130");

  /** IST0131 VirtualServiceIneffectiveMatch (Info). */
  public static final MessageType VIRTUAL_SERVICE_INEFFECTIVE_MATCH = type("IST0131");

  /** IST0132 VirtualServiceHostNotFoundInGateway (Warning). */
  public static final MessageType VIRTUAL_SERVICE_HOST_NOT_FOUND_IN_GATEWAY = type("IST0132");

  /** IST0133 SchemaWarning (Warning). */
  public static final MessageType SCHEMA_WARNING = type("IST0133");

  /** IST0134 ServiceEntryAddressesRequired (Warning). */
  public static final MessageType SERVICE_ENTRY_ADDRESSES_REQUIRED = type("IST0134");

  /** IST0135 DeprecatedAnnotation (Info). */
  public static final MessageType DEPRECATED_ANNOTATION = type("IST0135");

  /** IST0136 AlphaAnnotation (Info). */
  public static final MessageType ALPHA_ANNOTATION = type("IST0136");

  /** IST0137 DeploymentConflictingPorts (Warning). */
  public static final MessageType DEPLOYMENT_CONFLICTING_PORTS = type("IST0137");

  /** IST0138 GatewayDuplicateCertificate (Warning). */
  public static final MessageType GATEWAY_DUPLICATE_CERTIFICATE = type("IST0138");

  /** IST0139 InvalidWebhook (Error). */
  public static final MessageType INVALID_WEBHOOK = type("IST0139");

  /** IST0140 IngressRouteRulesNotAffected (Warning). */
  public static final MessageType INGRESS_ROUTE_RULES_NOT_AFFECTED = type("IST0140");

  /** IST0141 InsufficientPermissions (Error). */
  public static final MessageType INSUFFICIENT_PERMISSIONS = type("IST0141");

  /** IST0142 UnsupportedKubernetesVersion (Error). */
  public static final MessageType UNSUPPORTED_KUBERNETES_VERSION = type("IST0142");

  /** IST0143 LocalhostListener (Error). */
  public static final MessageType LOCALHOST_LISTENER = type("IST0143");

  /** IST0144 InvalidApplicationUID (Warning). */
  public static final MessageType INVALID_APPLICATION_UID = type("IST0144");

  /** IST0145 ConflictingGateways (Error). */
  public static final MessageType CONFLICTING_GATEWAYS = type("IST0145");

  /** IST0146 ImageAutoWithoutInjectionWarning (Warning). */
  public static final MessageType IMAGE_AUTO_WITHOUT_INJECTION_WARNING = type("IST0146");

  /** IST0147 ImageAutoWithoutInjectionError (Error). */
  public static final MessageType IMAGE_AUTO_WITHOUT_INJECTION_ERROR = type("IST0147");

  /** IST0148 NamespaceInjectionEnabledByDefault (Info). */
  public static final MessageType NAMESPACE_INJECTION_ENABLED_BY_DEFAULT = type("IST0148");

  /** IST0149 JwtClaimBasedRoutingWithoutRequestAuthN (Error). */
  public static final MessageType JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTH_N = type("IST0149");

  /** IST0150 ExternalNameServiceTypeInvalidPortName (Warning). */
  public static final MessageType EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME = type("IST0150");

  /** IST0151 EnvoyFilterUsesRelativeOperation (Warning). */
  public static final MessageType ENVOY_FILTER_USES_RELATIVE_OPERATION = type("IST0151");

  /** IST0152 EnvoyFilterUsesReplaceOperationIncorrectly (Error). */
  public static final MessageType ENVOY_FILTER_USES_REPLACE_OPERATION_INCORRECTLY = type("IST0152");

  /** IST0153 EnvoyFilterUsesAddOperationIncorrectly (Error). */
  public static final MessageType ENVOY_FILTER_USES_ADD_OPERATION_INCORRECTLY = type("IST0153");

  /** IST0154 EnvoyFilterUsesRemoveOperationIncorrectly (Error). */
  public static final MessageType ENVOY_FILTER_USES_REMOVE_OPERATION_INCORRECTLY = type("IST0154");

  /** IST0155 EnvoyFilterUsesRelativeOperationWithProxyVersion (Warning). */
  public static final MessageType ENVOY_FILTER_USES_RELATIVE_OPERATION_WITH_PROXY_VERSION = type("IST0155");

  /** IST0156 UnsupportedGatewayAPIVersion (Error). */
  public static final MessageType UNSUPPORTED_GATEWAY_API_VERSION = type("IST0156");

  /** IST0157 InvalidTelemetryProvider (Warning). */
  public static final MessageType INVALID_TELEMETRY_PROVIDER = type("IST0157");

  /** IST0158 PodsIstioProxyImageMismatchInNamespace (Warning). */
  public static final MessageType PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE = type("IST0158");

  /** IST0159 ConflictingTelemetryWorkloadSelectors (Error). */
  public static final MessageType CONFLICTING_TELEMETRY_WORKLOAD_SELECTORS = type("IST0159");

  /** IST0160 MultipleTelemetriesWithoutWorkloadSelectors (Error). */
  public static final MessageType MULTIPLE_TELEMETRIES_WITHOUT_WORKLOAD_SELECTORS = type("IST0160");

  /** IST0161 InvalidGatewayCredential (Error). */
  public static final MessageType INVALID_GATEWAY_CREDENTIAL = type("IST0161");

  /** IST0162 GatewayPortNotDefinedOnService (Warning). */
  public static final MessageType GATEWAY_PORT_NOT_DEFINED_ON_SERVICE = type("IST0162");

  /** IST0163 InvalidExternalControlPlaneConfig (Warning). */
  public static final MessageType INVALID_EXTERNAL_CONTROL_PLANE_CONFIG = type("IST0163");

  /** IST0164 ExternalControlPlaneAddressIsNotAHostname (Info). */
  public static final MessageType EXTERNAL_CONTROL_PLANE_ADDRESS_IS_NOT_A_HOSTNAME = type("IST0164");

  /** IST0165 ReferencedInternalGateway (Warning). */
  public static final MessageType REFERENCED_INTERNAL_GATEWAY = type("IST0165");

  /** IST0166 IneffectiveSelector (Warning). */
  public static final MessageType INEFFECTIVE_SELECTOR = type("IST0166");

  /** IST0167 IneffectivePolicy (Warning). */
  public static final MessageType INEFFECTIVE_POLICY = type("IST0167");

  /** IST0168 UnknownUpgradeCompatibility (Warning). */
  public static final MessageType UNKNOWN_UPGRADE_COMPATIBILITY = type("IST0168");

  /** IST0169 UpdateIncompatibility (Warning). */
  public static final MessageType UPDATE_INCOMPATIBILITY = type("IST0169");

  /** IST0170 MultiClusterInconsistentService (Warning). */
  public static final MessageType MULTI_CLUSTER_INCONSISTENT_SERVICE = type("IST0170");

  private Messages() {}

  /** Every message type, in code order. */
  public static List<MessageType> all() {
    return List.copyOf(BY_CODE.values());
  }

  /** The type with that code ({@code IST0101}), if the catalog has it. */
  public static Optional<MessageType> byCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  private static MessageType type(String code) {
    MessageType t = BY_CODE.get(code);
    if (t == null) {
      throw new IllegalStateException("message catalog has no " + code);
    }
    return t;
  }

  private static Map<String, MessageType> load() {
    Map<String, MessageType> out = new LinkedHashMap<>();
    try (InputStream in = Messages.class.getResourceAsStream("messages.tsv")) {
      if (in == null) {
        throw new IllegalStateException("messages.tsv missing from the mesh-model jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw new IllegalStateException("messages.tsv: bad line: " + line);
        }
        out.put(f[0], new MessageType(f[0], f[1], Level.parse(f[2]), f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }
}
