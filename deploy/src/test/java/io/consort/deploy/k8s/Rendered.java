package io.consort.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The objects a kustomization renders to, as {@code kubectl apply -k} would send them. */
record Rendered(List<ObjectNode> objects) {

    static final YAMLMapper YAML = new YAMLMapper();

    /** Renders {@code dir} with deploy/k8s/kustomize.sh in the given mode (debian or path); empty if path has no tool. */
    static Optional<Rendered> render(String mode, Path dir) {
        try {
            Process process = new ProcessBuilder(Repository.path("deploy/k8s/kustomize.sh").toString(), mode,
                    dir.toString()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kustomize.sh " + mode + " " + dir + " did not finish");
            }
            if (process.exitValue() == 3 && mode.equals("path")) {
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kustomize.sh " + mode + " " + dir + " failed (" + process.exitValue()
                        + "):\n" + err);
            }
            return Optional.of(parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kustomize.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Rendered render(Path dir) {
        return render("debian", dir).orElseThrow();
    }

    static Rendered parse(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        }
        return new Rendered(objects);
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)
                && o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    Rendered with(Predicate<ObjectNode> keep) {
        return new Rendered(objects.stream().filter(keep).toList());
    }
}
