package dev.meshwright.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshwright.api.json.MeshJackson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode json(String text) throws IOException {
    return MeshJackson.json().readTree(text);
  }

  @Test
  @DisplayName("equal trees give an empty patch")
  void equal() throws IOException {
    assertThat(JsonDiff.diff(json("{\"a\":[1,{\"b\":null}]}"), json("{\"a\":[1,{\"b\":null}]}"))).isEmpty();
  }

  @Test
  @DisplayName("keys are escaped, removals come first, and arrays are compared by position")
  void shape() throws IOException {
    JsonNode from = json("{\"metadata\":{\"annotations\":{\"a/b\":\"1\",\"x~y\":\"2\"}},"
        + "\"spec\":{\"containers\":[{\"name\":\"app\",\"args\":[\"a\",\"b\",\"c\"]}]}}");
    JsonNode to = json("{\"metadata\":{\"annotations\":{\"a/b\":\"9\",\"sidecar.istio.io/status\":\"{}\"}},"
        + "\"spec\":{\"containers\":[{\"name\":\"app\",\"args\":[\"a\"]},{\"name\":\"istio-proxy\"}]}}");
    assertThat(JsonDiff.diff(from, to).toString()).isEqualTo("["
        + "{\"op\":\"remove\",\"path\":\"/metadata/annotations/x~0y\"},"
        + "{\"op\":\"replace\",\"path\":\"/metadata/annotations/a~1b\",\"value\":\"9\"},"
        + "{\"op\":\"add\",\"path\":\"/metadata/annotations/sidecar.istio.io~1status\",\"value\":\"{}\"},"
        + "{\"op\":\"add\",\"path\":\"/spec/containers/1\",\"value\":{\"name\":\"istio-proxy\"}},"
        + "{\"op\":\"remove\",\"path\":\"/spec/containers/0/args/2\"},"
        + "{\"op\":\"remove\",\"path\":\"/spec/containers/0/args/1\"}]");
    assertThat(JsonPatches.apply(JsonDiff.diff(from, to).toString(), from)).isEqualTo(to);
  }

  @Test
  @DisplayName("a value that changes type is replaced whole, the root included")
  void typeChange() throws IOException {
    assertThat(JsonDiff.diff(json("{\"a\":[1]}"), json("{\"a\":{\"0\":1}}")).toString())
        .isEqualTo("[{\"op\":\"replace\",\"path\":\"/a\",\"value\":{\"0\":1}}]");
    assertThat(JsonPatches.apply(JsonDiff.diff(json("{\"a\":1}"), json("[1]")).toString(), json("{\"a\":1}")))
        .isEqualTo(json("[1]"));
  }

  @Test
  @DisplayName("on 2,000 random pairs of trees, applying the patch (zjsonpatch) to the first gives the second")
  void randomTrees() {
    Random random = new Random(20261127);
    for (int i = 0; i < 2_000; i++) {
      JsonNode from = tree(random, 4);
      JsonNode to = random.nextBoolean() ? mutate(from.deepCopy(), random) : tree(random, 4);
      ArrayNode patch = JsonDiff.diff(from, to);
      assertThat(JsonPatches.apply(patch.toString(), from)).as("patch %s from %s", patch, from).isEqualTo(to);
    }
  }

  // No empty key and no "~1" key: zjsonpatch cannot address the first (RFC 6901 spells it "/") and decodes
  // "/~01" as "/" rather than "~1". Kubernetes keys never contain '~' or are empty; shape() checks our escaping.
  private static final List<String> KEYS = List.of("a", "b", "c/d", "e~f", "g/h/");

  private static JsonNode tree(Random random, int depth) {
    int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
    switch (kind) {
      case 0:
        return NODES.textNode(KEYS.get(random.nextInt(KEYS.size())));
      case 1:
        return NODES.numberNode(random.nextInt(3));
      case 2:
        return NODES.booleanNode(random.nextBoolean());
      case 3:
        return NODES.nullNode();
      case 4: {
        ArrayNode array = NODES.arrayNode();
        for (int n = random.nextInt(5); n > 0; n--) {
          array.add(tree(random, depth - 1));
        }
        return array;
      }
      default: {
        ObjectNode object = NODES.objectNode();
        for (int n = random.nextInt(5); n > 0; n--) {
          object.set(KEYS.get(random.nextInt(KEYS.size())), tree(random, depth - 1));
        }
        return object;
      }
    }
  }

  /** A few random edits deep inside {@code node}: set or remove a key, add or drop an array element. */
  private static JsonNode mutate(JsonNode node, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(node, containers);
    if (containers.isEmpty()) {
      return tree(random, 2);
    }
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      JsonNode target = containers.get(random.nextInt(containers.size()));
      if (target instanceof ObjectNode object) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        if (random.nextBoolean()) {
          object.set(key, tree(random, 1));
        } else {
          object.remove(key);
        }
      } else if (target instanceof ArrayNode array) {
        if (random.nextBoolean() || array.isEmpty()) {
          array.insert(random.nextInt(array.size() + 1), tree(random, 1));
        } else {
          array.remove(random.nextInt(array.size()));
        }
      }
    }
    return node;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }
}
