package nl.vangnet.cooperation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static nl.vangnet.cooperation.ReferralStatus.ACCEPTED;
import static nl.vangnet.cooperation.ReferralStatus.CLOSED;
import static nl.vangnet.cooperation.ReferralStatus.DECLINED;
import static nl.vangnet.cooperation.ReferralStatus.FIRST_CONTACT;
import static nl.vangnet.cooperation.ReferralStatus.INTRODUCED;
import static nl.vangnet.cooperation.ReferralStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of a referral's statuses (EXCHANGE.md section 3) and who records them.
 */
class ReferralStatusTests {

	@Test
	void aWarmHandoverComesRightAfterSendingAndTheAnswersAfterThat() {
		assertThat(INTRODUCED.mayFollow(List.of(SENT))).isTrue();
		assertThat(INTRODUCED.mayFollow(List.of(SENT, FIRST_CONTACT))).isFalse();
		assertThat(FIRST_CONTACT.mayFollow(List.of(SENT, INTRODUCED))).isTrue();
		assertThat(ACCEPTED.mayFollow(List.of(SENT, FIRST_CONTACT))).isTrue();
		assertThat(DECLINED.mayFollow(List.of(SENT, INTRODUCED))).isTrue();
		assertThat(SENT.mayFollow(List.of(SENT))).isFalse();
	}

	@Test
	void firstContactAndAcceptingHappenOnceInEitherOrder() {
		assertThat(FIRST_CONTACT.mayFollow(List.of(SENT, ACCEPTED))).isTrue();
		assertThat(FIRST_CONTACT.mayFollow(List.of(SENT, FIRST_CONTACT, ACCEPTED))).isFalse();
		assertThat(ACCEPTED.mayFollow(List.of(SENT, ACCEPTED, FIRST_CONTACT))).isFalse();
		assertThat(DECLINED.mayFollow(List.of(SENT, ACCEPTED))).isFalse();
	}

	@Test
	void nothingFollowsDecliningOrClosingAndEitherSideCloses() {
		for (ReferralStatus status : ReferralStatus.values()) {
			assertThat(status.mayFollow(List.of(SENT, DECLINED))).isFalse();
			assertThat(status.mayFollow(List.of(SENT, ACCEPTED, CLOSED))).isFalse();
		}
		assertThat(CLOSED.mayFollow(List.of(SENT, ACCEPTED))).isTrue();
		assertThat(CLOSED.recordedByReceiver()).isTrue();
		assertThat(CLOSED.recordedByReferrer()).isTrue();
		assertThat(ACCEPTED.recordedByReferrer()).isFalse();
		assertThat(INTRODUCED.recordedByReceiver()).isFalse();
	}

}
