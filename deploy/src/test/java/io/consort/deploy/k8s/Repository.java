package io.consort.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the deploy module the tests run in. */
final class Repository {

    static final Path ROOT = find();

    private Repository() {
    }

    private static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/k8s/kustomize.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/k8s/kustomize.sh above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }
}
