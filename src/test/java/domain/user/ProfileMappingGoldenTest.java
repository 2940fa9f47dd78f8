package domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every recorded RandomUser profile maps to exactly what it mapped to when this file was written
 * (fixtures/randomuser/mapped.golden, one line per profile): a change to the mapping rules that
 * alters a real user's row, records a field problem for a real user, or turns a kept user into a
 * rejected one, fails here and has to be deliberate (regenerate the file and review its diff).
 */
class ProfileMappingGoldenTest {

    static final List<String> FILES = List.of(
            RandomUserFixtures.V1_0_LEGACY,
            RandomUserFixtures.V1_2_LEGACY,
            RandomUserFixtures.V1_3_BR,
            RandomUserFixtures.V1_3_GB,
            RandomUserFixtures.V1_3_MIXED_50,
            RandomUserFixtures.V1_4_NL,
            RandomUserFixtures.V1_4_MIXED_111);

    @Test
    void given_every_recorded_profile_when_mapped_then_the_result_is_the_recorded_one() throws IOException {
        assertThat(mappedFixtures()).containsExactlyElementsOf(golden());
    }

    static List<String> mappedFixtures() {
        List<String> lines = new ArrayList<>();
        for (String file : FILES) {
            List<RawProfile> profiles = RandomUserFixtures.load(file);
            for (int i = 0; i < profiles.size(); i++) {
                lines.add(file + "#" + i + " " + render(ProfileMapping.map(profiles.get(i))));
            }
        }
        return lines;
    }

    private static String render(MappingResult result) {
        if (result instanceof MappingResult.Rejected rejected) {
            return "rejected: " + rejected.reason();
        }
        User u = ((MappingResult.Accepted) result).user();
        String problems = u.fieldProblems().isEmpty() ? "" : " | field problems: " + u.fieldProblems();
        return String.join(
                        " | ",
                        "accepted",
                        String.valueOf(u.id()),
                        u.firstName(),
                        u.lastName(),
                        u.gender(),
                        u.address(),
                        u.postCode(),
                        u.email(),
                        u.username(),
                        String.valueOf(u.dob()),
                        String.valueOf(u.registeredDate()),
                        u.phone(),
                        u.picture(),
                        u.nationality())
                + problems;
    }

    private static List<String> golden() throws IOException {
        try (InputStream in =
                ProfileMappingGoldenTest.class.getResourceAsStream("/fixtures/randomuser/mapped.golden")) {
            assertThat(in).as("fixtures/randomuser/mapped.golden").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
