package io.consort.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.consort.gateway.routing.RoutingTable;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build's merged document: run in {@code prepare-package} (exec-maven-plugin, see the pom), it merges the
 * documents the services stored while they built ({@code <name>-service/target/openapi/openapi.json}, the
 * reactor builds them before the gateway) with the gateway's own merge ({@link MergedOpenApi#merge}) and the
 * routing table of {@code application.properties}, and writes {@code target/openapi/openapi.json} and
 * {@code .yaml}, which api-checks lints and compiles a client from like the services' own. A service not built
 * in this run is left out and named in the document, as at run time. It lives with the tests because it needs
 * a YAML writer the gateway itself does not.
 *
 * <p>Arguments: the repository root, the gateway's {@code application.properties}, the output directory and the
 * server URL the document names (the gateway's default address).
 */
public final class StoredDocument {

    private StoredDocument() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: StoredDocument <root> <application.properties> <out-dir> <server-url>");
        }
        Path root = Path.of(args[0]);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(Path.of(args[1]).toUri().toURL(), 100))
                .build();
        Map<String, List<String>> prefixes = new TreeMap<>();
        Map<String, List<String>> adminPaths = new TreeMap<>();
        Map<String, String> urls = new TreeMap<>();
        String upstreams = "consort.gateway.upstreams.";
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(upstreams) && name.endsWith(".prefixes")) {
                String upstream = name.substring(upstreams.length(), name.length() - ".prefixes".length());
                prefixes.put(upstream, list(config.getValue(name, String.class)));
                urls.put(upstream, config.getValue(upstreams + upstream + ".url", String.class));
                config.getOptionalValue(upstreams + upstream + ".admin-paths", String.class)
                        .ifPresent(paths -> adminPaths.put(upstream, list(paths)));
            }
        }
        RoutingTable table = RoutingTable.of(prefixes, urls, adminPaths);
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (String service : prefixes.keySet()) {
            Path stored = root.resolve(service + "-service").resolve("target/openapi/openapi.json");
            if (Files.isRegularFile(stored)) {
                documents.put(service, new JsonObject(Files.readString(stored, StandardCharsets.UTF_8)));
            } else {
                missing.put(service, "not built in this run: no " + root.relativize(stored));
            }
        }
        JsonObject merged = new MergedOpenApi(table, null, config.getValue("consort.gateway.auth.issuer", String.class), 0)
                .merge(documents, missing, args[3]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("openapi.json"), merged.encodePrettily() + "\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("openapi.yaml"), new YAMLMapper().writeValueAsString(new ObjectMapper().readTree(merged.encode())),
                StandardCharsets.UTF_8);
        System.out.printf("gateway: merged API document of %s%s written to %s%n", documents.keySet(),
                missing.isEmpty() ? "" : " (left out: " + missing.keySet() + ")", out.resolve("openapi.yaml"));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
