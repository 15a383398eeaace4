package io.consort.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Verifies a delivery with an implementation that is not ours: the Standard Webhooks reference library
 * ({@code standardwebhooks} on npm, pinned by src/test/node/package-lock.json) run by node. The library is
 * installed once into target/ with {@code npm ci}.
 */
final class StandardWebhooksVerifier {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/standardwebhooks");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StandardWebhooksVerifier() {
    }

    /** What node answered: exit code 0 and the payload's type, or non-zero and why it refused. */
    record Verdict(boolean verified, String output) {
    }

    static synchronized Verdict verify(String secret, Receiver.Received delivery) {
        install();
        Map<String, String> headers = Map.of(
                "webhook-id", delivery.header("webhook-id"),
                "webhook-timestamp", delivery.header("webhook-timestamp"),
                "webhook-signature", delivery.header("webhook-signature"));
        try {
            Process node = new ProcessBuilder("node", "verify.js").directory(HOME.toFile()).redirectErrorStream(true).start();
            node.getOutputStream().write(JSON.writeValueAsBytes(Map.of("secret", secret, "headers", headers,
                    "body", delivery.body())));
            node.getOutputStream().close();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("node did not finish verifying");
            }
            return new Verdict(node.exitValue() == 0, output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (needed for the Standard Webhooks reference check)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void install() {
        try {
            Files.createDirectories(HOME);
            for (String file : new String[] {"package.json", "package-lock.json", "verify.js"}) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isDirectory(HOME.resolve("node_modules/standardwebhooks"))) {
                return;
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(120, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci of the Standard Webhooks reference library failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot install the Standard Webhooks reference library (node and npm needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
