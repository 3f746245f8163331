package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.UUID;

import nl.vangnet.household.HelpQuestionStatus;
import nl.vangnet.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A help question changes along the way; what changed is kept field by field.
 */
class HelpQuestionTests {

	private static final LocalDate TODAY = LocalDate.of(2021, 6, 15);

	@Test
	void aResolvedQuestionIsClosedTodayAndReopeningItClearsTheDate() {
		HelpQuestion question = question(true);

		assertThat(question.revise("Huurachterstand", true, HelpQuestionStatus.RESOLVED, null, TODAY))
			.extracting(HelpQuestion.Change::field)
			.containsExactly("status", "closedOn");
		assertThat(question.closedOn()).isEqualTo(TODAY);
		assertThat(question.acuteAndOpen()).isFalse();

		assertThat(question.revise("Huurachterstand, nieuwe brief", true, HelpQuestionStatus.IN_PROGRESS, null, TODAY))
			.containsExactly(new HelpQuestion.Change("description", "Huurachterstand", "Huurachterstand, nieuwe brief"),
					new HelpQuestion.Change("status", "RESOLVED", "IN_PROGRESS"),
					new HelpQuestion.Change("closedOn", TODAY.toString(), null));
		assertThat(question.acuteAndOpen()).isTrue();
	}

	@Test
	void onlyAnAcuteQuestionThatIsStillOpenStandsOnTop() {
		assertThat(question(true).acuteAndOpen()).isTrue();
		assertThat(question(false).acuteAndOpen()).isFalse();
	}

	@Test
	void aQuestionNeedsWordsAndCannotCloseBeforeItWasAsked() {
		assertThatThrownBy(() -> question(false).revise(" ", false, HelpQuestionStatus.OPEN, null, TODAY))
			.isInstanceOf(DomainException.class)
			.extracting("field")
			.isEqualTo("description");
		assertThatThrownBy(() -> question(false).revise("Vraag", false, HelpQuestionStatus.RESOLVED,
				LocalDate.of(2020, 1, 1), TODAY))
			.extracting("field")
			.isEqualTo("closedOn");
		assertThatThrownBy(() -> HelpQuestion.open(UUID.randomUUID(), null, "MONITOR", "FINANCES", "FINANCES",
				TODAY.plusDays(1), false, "Vraag", TODAY))
			.extracting("messageKey")
			.isEqualTo("helpQuestion.openedOn.future");
	}

	private static HelpQuestion question(boolean acute) {
		return HelpQuestion.open(UUID.randomUUID(), null, "MONITOR", "FINANCES", "FINANCES", LocalDate.of(2021, 3, 1),
				acute, "Huurachterstand", TODAY);
	}

}
