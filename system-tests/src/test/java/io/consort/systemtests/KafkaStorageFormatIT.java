package io.consort.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step of {@code ./prm up} that formats the broker's storage, run as ./prm runs it
 * ({@code deploy/kafka/format-storage.sh} against the laid-out broker in {@code deploy/target/kafka}).
 * A base64 cluster id starts with '-' one time in 64, and the tool must not read it as an option.
 */
class KafkaStorageFormatIT {

    private static final Path KAFKA = Path.of(System.getProperty("consort.root", ".."))
            .resolve("deploy/target/kafka").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void aKeptClusterIdThatStartsWithADashIsFormattedNotTakenForAnOption() throws Exception {
        Path idFile = home.resolve("cluster.id");
        Files.writeString(idFile, "-9ONYhEl8RmKSZ_ZLm2nSw");

        Result result = format(idFile);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("-9ONYhEl8RmKSZ_ZLm2nSw", meta().getProperty("cluster.id"));
    }

    @Test
    void aNewClusterIdComesFromKafkaAndIsKeptForTheNextStart() throws Exception {
        Path idFile = home.resolve("cluster.id");

        Result result = format(idFile);

        assertEquals(0, result.exitCode(), result.output());
        String id = Files.readString(idFile);
        assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
        assertFalse(id.startsWith("-"), id);
        assertEquals(id, meta().getProperty("cluster.id"));
    }

    private record Result(int exitCode, String output) {
    }

    private Result format(Path idFile) throws IOException, InterruptedException {
        Path config = home.resolve("server.properties");
        String template = Files.readString(KAFKA.resolve("server.properties"));
        Files.writeString(config, template.replace("${PRM_KAFKA_PORT}", "19092")
                .replace("${PRM_KAFKA_CONTROLLER_PORT}", "19093")
                .replace("${KAFKA_DATA_DIR}", home.resolve("data").toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of("bash", KAFKA.resolve("format-storage.sh").toString(),
                config.toString(), idFile.toString(), java, "-Xmx128m",
                "-Dlog4j2.configurationFile=" + KAFKA.resolve("log4j2.properties"),
                "-cp", KAFKA.resolve("lib") + "/*"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "format-storage.sh did not finish");
        return new Result(process.exitValue(), output);
    }

    private Properties meta() throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(home.resolve("data/meta.properties"))) {
            meta.load(in);
        }
        return meta;
    }
}
