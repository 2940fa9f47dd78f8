package localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import json.PipelineJson;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void given_a_run_with_users_kept_with_field_problems_when_summarised_then_the_summary_counts_them()
            throws Exception {
        JsonNode run = PipelineJson.mapper()
                .readTree("{\"runId\":\"6f1c9f5e-2b1a-4d8e-9f0a-1b2c3d4e5f60\",\"status\":\"COMPLETED\","
                        + "\"requested\":100,\"fetched\":98,\"rejected\":2,\"published\":98,\"persisted\":98,"
                        + "\"usersWithFieldProblems\":7,\"usersWithFieldsNulled\":3}");
        StringWriter text = new StringWriter();

        RunSummary.print(
                new PrintWriter(text),
                run,
                new RunTimeline("COMPLETED", 1.0, 2.0, 3.0),
                List.of(),
                4.0,
                Path.of("work"),
                null);

        assertThat(text.toString().lines())
                .anySatisfy(line -> assertThat(line).matches(" +rejected \\(no usable identity\\) +2"))
                .anySatisfy(line ->
                        assertThat(line).matches(" +kept with field problems +7, 3 with a field stored as null"));
    }
}
