package dev.meshwright.api.telemetry;

import dev.meshwright.api.Problems;
import dev.meshwright.api.Validator;
import dev.meshwright.api.validation.PolicyTargets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Istio's Telemetry rules: selector or target references, provider names, tracing (one entry and one
 * provider are supported, sampling 0..100, custom tags), metrics tag overrides, and access log filters
 * that parse as CEL. Stateless.
 */
final class TelemetryValidator implements Validator<Telemetry> {
  @Override
  public void validate(Telemetry resource, Problems problems) {
    TelemetrySpec spec = resource.spec();
    Problems p = problems.at("spec");
    PolicyTargets.check(spec.selector(), spec.targetRef(), spec.targetRefs(), p);
    for (int i = 0; i < spec.metrics().size(); i++) {
      metrics(spec.metrics().get(i), p.at("metrics", i));
    }
    tracing(spec.tracing(), p.at("tracing"));
    for (int i = 0; i < spec.accessLogging().size(); i++) {
      AccessLogging logging = spec.accessLogging().get(i);
      Problems l = p.at("accessLogging", i);
      logging.filter().ifPresent(f -> CelSyntax.check(f.expression().orElse(""))
          .ifPresent(e -> l.at("filter").at("expression").error("must be a valid CEL expression, " + e)));
      providers(logging.providers(), l);
    }
  }

  private static void tracing(List<Tracing> tracing, Problems p) {
    if (tracing.size() > 1) {
      p.warning("multiple tracing is not currently supported");
    }
    for (int i = 0; i < tracing.size(); i++) {
      Tracing t = tracing.get(i);
      Problems tp = p.index(i);
      if (t.providers().size() > 1) {
        tp.at("providers").warning("multiple providers is not currently supported");
      }
      providers(t.providers(), tp);
      double sampling = t.randomSamplingPercentage().orElse(0.0);
      if (sampling < 0 || sampling > 100) {
        tp.at("randomSamplingPercentage").error("randomSamplingPercentage must be in range [0.0, 100.0]");
      }
      new TreeMap<>(t.customTags()).forEach((name, tag) -> customTag(name, tag, tp.at("customTags").key(name)));
    }
  }

  private static void customTag(String name, CustomTag tag, Problems p) {
    if (name.isEmpty()) {
      p.error("tag name may not be empty");
    }
    if (tag instanceof CustomTag.OfLiteral l && l.literal().value().orElse("").isEmpty()) {
      p.at("literal").at("value").error("literal tag value may not be empty");
    } else if (tag instanceof CustomTag.OfHeader h && h.header().name().orElse("").isEmpty()) {
      p.at("header").at("name").error("header tag name may not be empty");
    } else if (tag instanceof CustomTag.OfEnvironment e && e.environment().name().orElse("").isEmpty()) {
      p.at("environment").at("name").error("environment tag name may not be empty");
    }
  }

  private static void metrics(Metrics metrics, Problems p) {
    providers(metrics.providers(), p);
    for (int i = 0; i < metrics.overrides().size(); i++) {
      MetricsOverrides o = metrics.overrides().get(i);
      Problems op = p.at("overrides", i);
      for (Map.Entry<String, MetricsOverrides.TagOverride> e : new TreeMap<>(o.tagOverrides()).entrySet()) {
        Problems tp = op.at("tagOverrides").key(e.getKey());
        if (e.getKey().isEmpty()) {
          tp.warning("tagOverrides.name may not be empty");
        }
        MetricsOverrides.TagOverride to = e.getValue();
        boolean hasValue = !to.value().orElse("").isEmpty();
        if (to.operation().orElse(MetricsOverrides.TagOverride.Operation.UPSERT)
            == MetricsOverrides.TagOverride.Operation.UPSERT) {
          if (!hasValue) {
            tp.at("value").error("tagOverrides.value must be set when operation is UPSERT");
          }
        } else if (hasValue) {
          tp.at("value").error("tagOverrides.value may only be set when operation is UPSERT");
        }
      }
      o.match().flatMap(MetricSelector::customMetric).filter(String::isEmpty)
          .ifPresent(m -> op.at("match").at("customMetric").error("customMetric may not be empty"));
    }
  }

  /** Every provider needs a name; Istio reports the first unnamed one. */
  private static void providers(List<ProviderRef> providers, Problems p) {
    for (int i = 0; i < providers.size(); i++) {
      if (providers.get(i).name().orElse("").isEmpty()) {
        p.at("providers", i).at("name").error("providers.name may not be empty");
        return;
      }
    }
  }
}
