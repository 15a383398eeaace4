package io.consort.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A kustomization of the tests' own under deploy/target/k8s-fixtures, on top of the real overlays (as an
 * operator's own overlay would be), so a test renders exactly what such an overlay would apply.
 */
final class Fixture {

    private Fixture() {
    }

    /** Writes {@code files} (kustomization.yaml among them) into a fresh directory and renders it. */
    static Rendered render(String name, Map<String, String> files) {
        Path dir = Repository.path("deploy/target/k8s-fixtures/" + name);
        try {
            if (Files.exists(dir)) {
                try (var old = Files.walk(dir)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Rendered.render(dir);
    }

    /** From a fixture directory to deploy/k8s. */
    static final String K8S = "../../../k8s";
}
