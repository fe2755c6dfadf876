package io.sessiongate.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The OpenAPI 3.0.3 document of {@code /api/v1}, hand-written as YAML under
 * {@code server/src/main/resources/openapi/}: {@code openapi.yaml} holds the info, the shared
 * components (problems, pagination, credentials) and the list of fragments ({@code x-fragments}); each
 * fragment ({@code paths/*.yaml}) holds the {@code paths} of one group of resources and the schemas
 * only they use. They are merged once at start (a path or component defined twice is an error) and
 * served as one JSON document. A new group of resources adds a fragment and one line to the list.
 */
public final class OpenApiDocument {

    private static final String BASE = "openapi/";

    private final byte[] json;
    private final JsonNode tree;

    private OpenApiDocument(JsonNode tree) throws IOException {
        this.tree = tree;
        this.json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    /** Loads and merges the document from the classpath. */
    public static OpenApiDocument load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            ObjectNode root = (ObjectNode) read(yaml, "openapi.yaml");
            JsonNode fragments = root.remove("x-fragments");
            if (fragments != null) {
                for (JsonNode name : fragments) {
                    JsonNode fragment = read(yaml, name.asText());
                    merge(root, "paths", fragment.get("paths"), name.asText());
                    JsonNode components = fragment.get("components");
                    if (components != null) {
                        components.fields().forEachRemaining(section -> merge(
                                (ObjectNode) root.with("components"), section.getKey(), section.getValue(),
                                name.asText()));
                    }
                }
            }
            return new OpenApiDocument(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document cannot be read", e);
        }
    }

    private static JsonNode read(ObjectMapper yaml, String name) throws IOException {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("no " + BASE + name + " on the classpath");
            }
            return yaml.readTree(in);
        }
    }

    private static void merge(ObjectNode into, String section, JsonNode entries, String from) {
        if (entries == null) {
            return;
        }
        ObjectNode target = into.with(section);
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (target.has(e.getKey())) {
                throw new IllegalStateException(from + " defines " + section + " " + e.getKey() + " a second time");
            }
            target.set(e.getKey(), e.getValue());
        }
    }

    /** The document as served. */
    public byte[] json() {
        return json.clone();
    }

    /** The merged document, for the tests that walk it. */
    public JsonNode tree() {
        return tree.deepCopy();
    }
}
