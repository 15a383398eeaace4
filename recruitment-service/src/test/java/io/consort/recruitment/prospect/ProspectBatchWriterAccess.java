package io.consort.recruitment.prospect;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lets the benchmark COPY rows in exactly the CSV form the import writes. */
public final class ProspectBatchWriterAccess {

    public static final String COLUMNS = ProspectBatchWriter.COLUMNS;

    private ProspectBatchWriterAccess() {
    }

    public static void row(StringBuilder out, UUID id, String name, String website, String domain, String region,
            List<String> industries, List<String> specialisations, int employees, String band,
            List<String> certifications, String origin, String now) {
        ProspectBatchWriter.prospectRow(out, id, new ProspectRules.ValidProspect(name, website, domain, region,
                industries, specialisations, employees, band, certifications, Map.of()), origin, now);
    }
}
