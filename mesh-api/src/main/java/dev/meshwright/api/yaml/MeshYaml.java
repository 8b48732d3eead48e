package dev.meshwright.api.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.Diagnostic;
import dev.meshwright.api.GenericResource;
import dev.meshwright.api.IstioResource;
import dev.meshwright.api.MeshResource;
import dev.meshwright.api.Severity;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes mesh resources as YAML or JSON.
 *
 * <p>Reading takes the whole text of one source (a file or standard input): any number of YAML
 * documents, or one JSON value; {@code kind: List} documents are flattened. Istio kinds are bound to
 * their typed classes, every other kind is kept as a {@link GenericResource}. Each problem becomes a
 * {@link Diagnostic} with the source, line and column, resource and field path; a document that cannot be
 * bound is left out while every other document is still read. Unknown fields are skipped and reported
 * (errors when strict, warnings when lenient) without dropping the resource, so it can still be validated;
 * callers that apply resources must check {@link ReadResult#hasErrors()} first. Reading never throws for
 * bad input.
 *
 * <p>Writing prints resources the way kubectl does: keys sorted, empty values left out, documents
 * separated by {@code ---}; apiVersion is the kind's preferred version unless {@link ApiVersions#PRESERVE}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MeshYaml {
  private static final MeshYaml DEFAULT = new MeshYaml(Strictness.STRICT, ApiVersions.PREFERRED);

  /** Which apiVersion the writer uses for typed Istio resources. */
  public enum ApiVersions {
    /** The kind's preferred version (v1 where Istio serves it). */
    PREFERRED,
    /** The version each resource carries. */
    PRESERVE
  }

  private final Strictness strictness;
  private final ApiVersions apiVersions;

  private MeshYaml(Strictness strictness, ApiVersions apiVersions) {
    this.strictness = strictness;
    this.apiVersions = apiVersions;
  }

  /** Strict reading, writing preferred versions. */
  public static MeshYaml standard() {
    return DEFAULT;
  }

  /** A codec with another strictness for unknown fields. */
  public MeshYaml withStrictness(Strictness value) {
    return new MeshYaml(value, apiVersions);
  }

  /** A codec with another apiVersion policy for writing. */
  public MeshYaml withApiVersions(ApiVersions value) {
    return new MeshYaml(strictness, value);
  }

  /** Reads {@code text} with the default codec. */
  public static ReadResult read(String source, String text) {
    return DEFAULT.readAll(source, text);
  }

  /** Reads every resource in {@code text}; {@code source} names it in diagnostics. */
  public ReadResult readAll(String source, String text) {
    List<Document> docs = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    if (looksLikeJson(text)) {
      DocumentSplitter.Chunk whole = new DocumentSplitter.Chunk(text, 1);
      if (!readJsonList(source, whole, docs, diags)) {
        readChunk(source, whole, MeshJackson.json(), docs, diags);
      }
    } else {
      for (DocumentSplitter.Chunk chunk : DocumentSplitter.split(text)) {
        readChunk(source, chunk, MeshJackson.yaml(), docs, diags);
      }
    }
    return new ReadResult(docs, diags);
  }

  /**
   * Reads one document that is not a Kubernetes resource (a MeshConfig file, say) into {@code type} with
   * strict field checking; an empty text binds as an empty object. More than one document is an error.
   * Never throws for bad input.
   */
  public static <T> ValueResult<T> readValue(String source, String text, Class<T> type) {
    boolean json = looksLikeJson(text);
    List<DocumentSplitter.Chunk> chunks = json
        ? List.of(new DocumentSplitter.Chunk(text, 1)) : DocumentSplitter.split(text);
    ObjectMapper mapper = json ? MeshJackson.json() : MeshJackson.yaml();
    List<Diagnostic> diags = new ArrayList<>();
    Optional<T> value = Optional.empty();
    boolean seen = false;
    for (DocumentSplitter.Chunk chunk : chunks) {
      JsonNode root;
      try {
        root = mapper.readTree(chunk.text());
      } catch (JsonProcessingException e) {
        diags.add(parseError(source, chunk, e));
        return new ValueResult<>(Optional.empty(), diags);
      } catch (RuntimeException e) {
        diags.add(new Diagnostic(Severity.ERROR, source, chunk.firstLine(), 0, "", "", "", "",
            "cannot parse document: " + e.getMessage()));
        return new ValueResult<>(Optional.empty(), diags);
      }
      if (root == null || root.isNull() || root.isMissingNode()) {
        continue;
      }
      if (seen) {
        diags.add(new Diagnostic(Severity.ERROR, source, chunk.firstLine(), 0, "", "", "", "",
            "expected a single document"));
        return new ValueResult<>(Optional.empty(), diags);
      }
      seen = true;
      ResourceBinder binder = new ResourceBinder(Strictness.STRICT);
      value = binder.bindDocument(root, type);
      for (ResourceBinder.Finding f : binder.findings()) {
        diags.add(placed(source, chunk, mapper.getFactory(), f, ""));
      }
    }
    if (!seen) {
      value = new ResourceBinder(Strictness.STRICT).bindDocument(null, type);
    }
    return new ValueResult<>(value, diags);
  }

  /**
   * Streams a JSON {@code kind: List}: each item becomes a tree of its own, bound at once and dropped, so a
   * large list is never held as one tree (holding it made the garbage collector copy it again and again).
   * Returns false, having added nothing, when the text is not a well-formed List object; the caller then
   * reads it as one tree, which also reports any syntax error with its position.
   */
  private boolean readJsonList(String source, DocumentSplitter.Chunk chunk, List<Document> docs,
      List<Diagnostic> diags) {
    ObjectMapper mapper = MeshJackson.json();
    JsonFactory factory = mapper.getFactory();
    List<Document> listDocs = new ArrayList<>();
    List<Diagnostic> listDiags = new ArrayList<>();
    String kind = null;
    boolean sawItems = false;
    java.util.Set<String> fields = new java.util.HashSet<>();
    try (JsonParser p = factory.createParser(chunk.text())) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String field = p.currentName();
        com.fasterxml.jackson.core.JsonToken value = p.nextToken();
        if (!fields.add(field)) {
          return false;
        }
        if (field.equals("items") && value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          sawItems = true;
          for (int i = 0; p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY; i++) {
            bindRoot(source, chunk, factory, mapper.readTree(p), "items[" + i + "].", listDocs, listDiags);
          }
        } else if (field.equals("kind") && value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          kind = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return false;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (!sawItems || kind == null || !kind.endsWith("List")) {
      return false;
    }
    docs.addAll(listDocs);
    diags.addAll(listDiags);
    return true;
  }

  private void readChunk(String source, DocumentSplitter.Chunk chunk, ObjectMapper mapper,
      List<Document> docs, List<Diagnostic> diags) {
    JsonFactory factory = mapper.getFactory();
    try (JsonParser p = factory.createParser(chunk.text())) {
      while (true) {
        JsonNode root;
        try {
          if (p.nextToken() == null) {
            return;
          }
          root = mapper.readTree(p);
        } catch (JsonProcessingException e) {
          diags.add(parseError(source, chunk, e));
          return;
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
          continue;
        }
        bindRoot(source, chunk, factory, root, "", docs, diags);
      }
    } catch (IOException e) {
      diags.add(new Diagnostic(Severity.ERROR, source, chunk.firstLine(), 0, "", "", "", "", e.getMessage()));
    } catch (RuntimeException e) {
      // SnakeYAML reports some limits (nesting, size) as unchecked exceptions.
      diags.add(new Diagnostic(Severity.ERROR, source, chunk.firstLine(), 0, "", "", "", "",
          "cannot parse document: " + e.getMessage()));
    }
  }

  private void bindRoot(String source, DocumentSplitter.Chunk chunk, JsonFactory factory, JsonNode root,
      String pathPrefix, List<Document> docs, List<Diagnostic> diags) {
    if (root.isObject() && isList(root)) {
      ArrayNode items = (ArrayNode) root.get("items");
      for (int i = 0; i < items.size(); i++) {
        bindRoot(source, chunk, factory, items.get(i), pathPrefix + "items[" + i + "].", docs, diags);
      }
      return;
    }
    ResourceBinder binder = new ResourceBinder(strictness);
    Optional<MeshResource> resource = binder.bind(root);
    for (ResourceBinder.Finding f : binder.findings()) {
      diags.add(placed(source, chunk, factory, f, pathPrefix));
    }
    resource.ifPresent(r -> docs.add(new Document(r, source, chunk.firstLine(), docs.size())));
  }

  /**
   * A binder finding with its source and position: the line and column of its field in the chunk's text
   * (located only now, on the error path), or the chunk's first line when the field cannot be found.
   */
  private static Diagnostic placed(String source, DocumentSplitter.Chunk chunk, JsonFactory factory,
      ResourceBinder.Finding f, String pathPrefix) {
    Locator.Position pos = Locator.find(factory, chunk.text(), pathPrefix + f.locatePath());
    int line = pos.line() > 0 ? chunk.firstLine() - 1 + pos.line() : chunk.firstLine();
    return f.diagnostic().withSource(source, line, pos.column());
  }

  private static boolean isList(JsonNode root) {
    String kind = root.path("kind").asText("");
    return kind.endsWith("List") && root.path("items").isArray();
  }

  private static Diagnostic parseError(String source, DocumentSplitter.Chunk chunk, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc != null && loc.getLineNr() > 0 ? chunk.firstLine() - 1 + loc.getLineNr() : chunk.firstLine();
    int col = loc != null ? Math.max(loc.getColumnNr(), 0) : 0;
    String msg = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      msg = "document too deeply nested or too large: " + msg;
    } else if (msg != null && msg.startsWith("Duplicate field")) {
      msg = "key " + msg.substring(msg.indexOf('\'')).replace('\'', '"') + " already set in map";
    }
    return new Diagnostic(Severity.ERROR, source, line, col, "", "", "", "",
        "invalid YAML: " + firstLine(msg));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** Writes resources as multi-document YAML, each document ending with a newline. */
  public String writeYaml(List<? extends MeshResource> resources) {
    StringBuilder out = new StringBuilder();
    for (MeshResource r : resources) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(write(MeshJackson.yaml(), r));
    }
    return out.toString();
  }

  /** Writes one resource as YAML. */
  public String writeYaml(MeshResource resource) {
    return writeYaml(List.of(resource));
  }

  /** Writes one resource as pretty-printed JSON. */
  public String writeJson(MeshResource resource) {
    try {
      return MeshJackson.json().writerWithDefaultPrettyPrinter().writeValueAsString(toJsonValue(resource));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource as a JSON tree (apiVersion, kind, metadata, spec, status), e.g. for the fabric8 bridge. */
  public ObjectNode toTree(MeshResource resource) {
    return MeshJackson.json().valueToTree(toJsonValue(resource));
  }

  private String write(ObjectMapper mapper, MeshResource resource) {
    try {
      return mapper.writeValueAsString(toJsonValue(resource));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> toJsonValue(MeshResource resource) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (resource instanceof IstioResource<?> istio) {
      out.put("apiVersion", apiVersions == ApiVersions.PRESERVE
          ? istio.apiVersion() : istio.resourceKind().preferredApiVersion());
      out.put("kind", istio.kind());
      out.put("metadata", istio.metadata());
      out.put("spec", istio.spec());
      if (!istio.status().isEmpty()) {
        out.put("status", istio.status());
      }
    } else if (resource instanceof GenericResource g) {
      out.put("apiVersion", g.apiVersion());
      out.put("kind", g.kind());
      out.put("metadata", g.metadata());
      out.putAll(g.body());
    }
    return out;
  }
}
