package dev.meshwright.api.networking;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.networking.WorkloadEntryChecks.AddressRule;
import java.util.Optional;

/**
 * Istio's WorkloadEntry rules: an address (IP, DNS name or Unix socket) unless a network is given,
 * labels, and port names and numbers. Port names are not matched against any service here.
 */
final class WorkloadEntryValidator implements Validator<WorkloadEntry> {
  @Override
  public void validate(WorkloadEntry resource, Problems problems) {
    WorkloadEntryChecks.workloadEntry(resource.spec(), Optional.empty(), AddressRule.IP_OR_FQDN, problems.at("spec"));
  }
}
