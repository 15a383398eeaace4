package io.consort.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed generated manifests are what {@link ManifestGenerator} writes from App, Topics and the realm
 * file today. With {@code -Dk8s.regenerate=true} it writes them instead (then review the diff and commit).
 */
class GeneratedFilesTest {

    @Test
    void committedFilesMatchTheirSources() throws IOException {
        Map<String, String> generated = ManifestGenerator.generate(Repository.ROOT);
        boolean regenerate = Boolean.getBoolean("k8s.regenerate");
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path path = Repository.path(file.getKey());
            if (regenerate) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                continue;
            }
            assertTrue(Files.exists(path), file.getKey() + " is missing: run ./mvnw -q -pl deploy -am test -Dk8s.regenerate=true");
            assertEquals(file.getValue(), Files.readString(path), file.getKey()
                    + " differs from what ManifestGenerator writes now: run ./mvnw -q -pl deploy -am test -Dk8s.regenerate=true");
        }
    }
}
