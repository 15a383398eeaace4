package io.consort.deploy;

import io.consort.contracts.TopicLayout;
import io.consort.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of events.md and its dead-letter topics on the local broker, laid out as
 * {@link TopicLayout} says (partitions, retention), so the first consumer of a fresh stack never waits
 * for auto-creation. Idempotent: existing topics are left alone. Run by ./prm: {@code java -cp 'lib/*:tools/*' io.consort.deploy.CreateTopics
 * <bootstrap> <partitions> <timeoutSeconds>}; it doubles as the broker's readiness probe, since it
 * retries until the broker answers.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : TopicLayout.EVENT_PARTITIONS;
        int timeoutSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutSeconds * 1000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (TopicLayout.Spec topic : TopicLayout.all(partitions)) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                // Another starter (a service's chassis) may have won the race for some topic.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            System.out.printf("topics: %d created, %d already there%n", missing.size(),
                    Topics.allWithDeadLetters().size() - missing.size());
        } catch (ExecutionException e) {
            System.err.println("cannot create topics on " + bootstrap + ": " + e.getCause());
            System.exit(1);
        }
    }
}
