package dev.meshwright.api.networking;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Labels and annotations a {@link WorkloadGroup} puts on every WorkloadEntry it generates
 * ({@code istio.networking.v1alpha3.WorkloadGroup.ObjectMeta}). Immutable.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWorkloadGroupObjectMeta.class)
@JsonDeserialize(as = ImmutableWorkloadGroupObjectMeta.class)
public interface WorkloadGroupObjectMeta {
  Map<String, String> labels();

  Map<String, String> annotations();

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WorkloadGroupObjectMeta}. */
  final class Builder extends ImmutableWorkloadGroupObjectMeta.Builder {}
}
