package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.vangnet.platform.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sections of the document that other modules keep: read strictly, refused while no
 * module keeps them.
 */
class HouseholdDocumentSectionsTests {

	private static final List<String> CODES = List.of("FINANCES", "SOCIAL", "SOCIAL.PARENTING");

	private static final Set<String> ALL = HouseholdDocumentReader.SECTIONS;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSectionThatNoModuleKeepsIsRefusedNamingIt() {
		HouseholdDocumentReader.Read read = read("""
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true}],
				 "timeEntries": [{"date": "2020-07-06", "type": "ARRANGING", "minutes": 120}]}
				""", Set.of("helpQuestions"));

		assertThat(read.errors()).extracting(DomainException::field, DomainException::messageKey)
			.containsExactly(tuple("timeEntries", "document.notYet"));
	}

	@Test
	void theSectionsOfTheContractAreReadIntoTypedEntries() {
		HouseholdDocumentReader.Read read = read(
				"""
						{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true}],
						 "helpQuestions": [{"member": "m1", "domain": "SOCIAL.PARENTING", "opened": "2020-07-01",
						   "closed": null, "acute": true, "status": "OPEN", "description": "Grip op de kinderen"}],
						 "progressScores": [{"domain": "FINANCES", "date": "2021-06-15", "score": 4},
						   {"domain": "SOCIAL", "date": "2021-06-15", "score": null}],
						 "timeEntries": [{"date": "2020-07-06", "type": "ARRANGING", "minutes": 120, "member": null}],
						 "activities": [{"date": "2021-03-05", "name": "Wijkmaaltijd", "member": "m1", "satisfaction": "GREEN"}],
						 "experience": [{"date": "2021-06-15", "domain": "FINANCES", "helped": "A_BIT"}]}
						""",
				ALL);

		assertThat(read.errors()).isEmpty();
		HouseholdDocument document = read.document();
		assertThat(document.helpQuestions())
			.containsExactly(new HouseholdDocument.HelpQuestionEntry("m1", "SOCIAL.PARENTING", LocalDate.of(2020, 7, 1),
					null, true, HelpQuestionStatus.OPEN, "Grip op de kinderen"));
		assertThat(document.progressScores()).containsExactly(
				new HouseholdDocument.ProgressScoreEntry("FINANCES", LocalDate.of(2021, 6, 15), 4),
				new HouseholdDocument.ProgressScoreEntry("SOCIAL", LocalDate.of(2021, 6, 15), null));
		assertThat(document.timeEntries()).containsExactly(
				new HouseholdDocument.TimeEntry(LocalDate.of(2020, 7, 6), SupportType.ARRANGING, 120, null));
		assertThat(document.activities()).containsExactly(new HouseholdDocument.ActivityEntry(LocalDate.of(2021, 3, 5),
				"Wijkmaaltijd", "m1", Satisfaction.GREEN));
		assertThat(document.experience()).containsExactly(
				new HouseholdDocument.ExperienceEntry(LocalDate.of(2021, 6, 15), "FINANCES", Helped.A_BIT));
	}

	@Test
	void everyBrokenEntryIsReportedOnItsField() {
		HouseholdDocumentReader.Read read = read("""
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true}],
				 "helpQuestions": [{"member": "m9", "domain": "MONEY", "status": "DONE"}],
				 "progressScores": [{"domain": "SOCIAL.PARENTING", "date": "2021-06-15", "score": 0}],
				 "timeEntries": [{"date": "2020-07-06", "type": "COFFEE", "minutes": 0}],
				 "experience": [{"date": "2021-06-15", "domain": "FINANCES"}]}
				""", ALL);

		assertThat(read.errors()).extracting(DomainException::field)
			.containsExactlyInAnyOrder("helpQuestions[0].member", "helpQuestions[0].domain", "helpQuestions[0].opened",
					"helpQuestions[0].status", "progressScores[0].score", "progressScores[0].domain",
					"timeEntries[0].minutes", "timeEntries[0].type", "experience[0].helped");
	}

	@Test
	void aProgressScoreOfNullIsWrittenOutAsNotApplicable() {
		String written = this.json
			.writeValueAsString(new HouseholdDocument.ProgressScoreEntry("SOCIAL", LocalDate.of(2021, 6, 15), null));

		assertThat(written).isEqualTo("{\"domain\":\"SOCIAL\",\"date\":\"2021-06-15\",\"score\":null}");
	}

	private HouseholdDocumentReader.Read read(String document, Set<String> sections) {
		return HouseholdDocumentReader.read(this.json.readTree(document), sections, CODES);
	}

}
