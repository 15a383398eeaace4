package io.consort.recruitment.prospect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.recruitment.support.BulkLineResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProspectBulkImportTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void handWrittenResultLinesAreWhatTheMapperWrites() throws Exception {
        for (BulkLineResult line : List.of(new BulkLineResult(1, "CREATED", UUID.randomUUID(), List.of()),
                new BulkLineResult(99_999, "UPDATED", UUID.randomUUID(), List.of()),
                new BulkLineResult(7, "FAILED", null, List.of(new FieldError("companyName", "must not be blank"))))) {
            assertEquals(mapper.writeValueAsString(line),
                    new String(ProspectBulkImport.resultLine(mapper, line), StandardCharsets.UTF_8));
        }
    }
}
