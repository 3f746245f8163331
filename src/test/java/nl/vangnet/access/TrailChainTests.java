package nl.vangnet.access;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The trail is tamper-evident (issue 17, item 6): a changed row, a deleted row and a
 * cut-off end are each found, even when made by the owner of the database, and chains of
 * different organisations do not wait for each other.
 */
@VangnetTest
class TrailChainTests {

	@Autowired
	private TestData data;

	@Autowired
	private AccessTrail trail;

	@Autowired
	private TrailIntegrity integrity;

	@Autowired
	private TrailHeads heads;

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("flywayDataSource")
	private DataSource owner;

	@Autowired
	private PlatformTransactionManager transactionManager;

	/** Writes rows of the organisation's trail, each in a transaction of its own. */
	private void write(TestData.Organisation organisation, int rows) {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		for (int i = 0; i < rows; i++) {
			TenantScope.runAs(TenantScope.Scope.system(Set.of(organisation.id())),
					() -> transactions.executeWithoutResult((status) -> this.trail.recordSystem(organisation.id(),
							AccessAction.VIEW, AccessSubject.household(UUID.randomUUID()))));
		}
	}

	private List<Long> ids(TestData.Organisation organisation) {
		return JdbcClient.create(this.owner)
			.sql("select id from access_trail where organisation_id = :org and chain = 'MAIN' order by chain_seq")
			.param("org", organisation.id())
			.query(Long.class)
			.list();
	}

	private TrailVerification.Chain chainOf(TrailVerification verification, TestData.Organisation organisation) {
		return verification.chains()
			.stream()
			.filter((c) -> organisation.id().equals(c.organisation()) && c.chain().equals("MAIN"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void everyRowIsALinkAndTheCoordinatorsPageSaysTheChainsAreIntact() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 3);
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		MockHttpSession session = TestData.signIn(this.mvc, coordinator);
		String page = this.mvc.perform(get("/access-trail").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("trail-chains-intact").doesNotContain("trail-chains-broken");
		Map<String, Object> row = JdbcClient.create(this.owner)
			.sql("select chain_seq, chain_hmac from access_trail where organisation_id = :org order by id limit 1")
			.param("org", organisation.id())
			.query()
			.singleRow();
		assertThat(row.get("chain_seq")).isEqualTo(1L);
		assertThat((byte[]) row.get("chain_hmac")).hasSize(32);
		// The three rows and the coordinator's view of the trail.
		assertThat(chainOf(this.integrity.everything(), organisation).rows()).isEqualTo(4);
	}

	@Test
	void aChangedRowIsFoundAndNamed() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 4);
		long changed = ids(organisation).get(1);
		JdbcClient sql = JdbcClient.create(this.owner);
		sql.sql("update access_trail set actor_label = 'iemand anders' where id = :id").param("id", changed).update();
		try {
			TrailVerification verification = this.integrity.everything();
			assertThat(verification.intact()).isFalse();
			assertThat(chainOf(verification, organisation).brokenRow()).isEqualTo(changed);
			assertThat(verification.firstBroken()).contains("row " + changed).contains("changed");
			TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
			String page = this.mvc.perform(get("/access-trail").session(TestData.signIn(this.mvc, coordinator)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("trail-chains-broken").contains("row " + changed);
		}
		finally {
			sql.sql("update access_trail set actor_label = 'system' where id = :id").param("id", changed).update();
		}
		assertThat(chainOf(this.integrity.everything(), organisation).intact()).isTrue();
	}

	@Test
	void aDeletedRowIsFound() {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 4);
		long deleted = ids(organisation).get(2);
		long next = ids(organisation).get(3);
		JdbcClient sql = JdbcClient.create(this.owner);
		Map<String, Object> kept = sql.sql("select * from access_trail where id = :id")
			.param("id", deleted)
			.query()
			.singleRow();
		sql.sql("delete from access_trail where id = :id").param("id", deleted).update();
		try {
			TrailVerification.Chain chain = chainOf(this.integrity.everything(), organisation);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.brokenRow()).isEqualTo(next);
			assertThat(chain.problem()).contains("missing");
		}
		finally {
			restore(sql, kept);
		}
		assertThat(chainOf(this.integrity.everything(), organisation).intact()).isTrue();
	}

	@Test
	void aCutOffEndIsFoundAgainstTheHeadsOutsideTheDatabase() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 5);
		this.heads.write();
		assertThat(Files.readString(this.heads.file())).contains(organisation.id() + " MAIN 5 ");
		List<Long> ids = ids(organisation);
		JdbcClient sql = JdbcClient.create(this.owner);
		List<Map<String, Object>> kept = sql.sql("select * from access_trail where id in (:ids) order by id")
			.param("ids", ids.subList(3, 5))
			.query()
			.listOfRows();
		Map<String, Object> head = sql
			.sql("select seq, hmac from trail_chain where organisation_id = :org and chain = 'MAIN'")
			.param("org", organisation.id())
			.query()
			.singleRow();
		// A superuser cuts off the last two rows and sets the head in the database back.
		sql.sql("delete from access_trail where id in (:ids)").param("ids", ids.subList(3, 5)).update();
		sql.sql("""
				update trail_chain set seq = 3, hmac = (select chain_hmac from access_trail where id = :third)
				where organisation_id = :org and chain = 'MAIN'""")
			.param("third", ids.get(2))
			.param("org", organisation.id())
			.update();
		try {
			TrailVerification verification = this.integrity.everything();
			TrailVerification.Chain chain = chainOf(verification, organisation);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.problem()).contains("cut off").contains("says 5 rows, the trail has 3");
			assertThat(chain.brokenRow()).isEqualTo(ids.get(2));
			// Writing the heads again does not move them backwards.
			this.heads.write();
			assertThat(Files.readString(this.heads.file())).contains(organisation.id() + " MAIN 5 ");
		}
		finally {
			kept.forEach((row) -> restore(sql, row));
			sql.sql("update trail_chain set seq = :seq, hmac = :hmac where organisation_id = :org and chain = 'MAIN'")
				.param("seq", head.get("seq"))
				.param("hmac", head.get("hmac"))
				.param("org", organisation.id())
				.update();
		}
		assertThat(chainOf(this.integrity.everything(), organisation).intact()).isTrue();
	}

	/**
	 * Rows from before the chains (V19_3) carry no link: the check counts them and says
	 * they are not covered; a change to one is not seen, and the chains stay intact.
	 */
	@Test
	void rowsFromBeforeTheChainsAreCountedAndNotCovered() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 2);
		JdbcClient sql = JdbcClient.create(this.owner);
		long old = sql
			.sql("""
					insert into access_trail (occurred_at, actor_label, actor_role, organisation_id, subject_type, subject_id,
					  action, outcome)
					values (now() - interval '400 days', 'system', 'SYSTEM', :org, 'HOUSEHOLD', gen_random_uuid(), 'VIEW',
					  'SUCCESS')
					returning id""")
			.param("org", organisation.id())
			.query(Long.class)
			.single();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		MockHttpSession session = TestData.signIn(this.mvc, coordinator);
		String page = this.mvc.perform(get("/access-trail").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("trail-chains-intact", "trail-chains-unchained", "1 regels van vóór de ketens");
		TrailVerification all = this.integrity.everything(true);
		assertThat(chainOf(all, organisation).intact()).isTrue();
		assertThat(all.unchainedRows()).isPositive();
		sql.sql("update access_trail set actor_label = 'iemand anders' where id = :id").param("id", old).update();
		assertThat(chainOf(this.integrity.everything(true), organisation).intact())
			.as("a change to a row from before the chains is not seen")
			.isTrue();
	}

	/**
	 * A check starts from each chain's last checkpoint (the row there must be unchanged):
	 * it sees a row changed, deleted or cut off after the checkpoint, and a cut that
	 * takes the checkpoint's row; a row changed or deleted before it is seen by the full
	 * check only, which the page and the command do on demand.
	 */
	@Test
	void aCheckStartsFromTheLastCheckpointAndTheFullCheckSeesWhatLiesBeforeIt() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 6);
		assertThat(chainOf(this.integrity.everything(), organisation).intact()).isTrue();
		// the checkpoint is at position 6; three rows follow it
		write(organisation, 3);
		List<Long> ids = ids(organisation);
		assertThat(ids).hasSize(9);
		JdbcClient sql = JdbcClient.create(this.owner);

		// after the checkpoint: a changed row, a deleted one, a cut-off end
		change(sql, ids.get(7), () -> {
			TrailVerification.Chain chain = chainOf(this.integrity.everything(), organisation);
			assertThat(chain.verifiedFrom()).isEqualTo(6);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.brokenRow()).isEqualTo(ids.get(7));
			assertThat(chain.problem()).contains("changed");
		});
		delete(sql, organisation, ids.subList(7, 8), false, () -> {
			TrailVerification.Chain chain = chainOf(this.integrity.everything(), organisation);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.brokenRow()).isEqualTo(ids.get(8));
			assertThat(chain.problem()).contains("missing");
		});
		this.heads.write();
		delete(sql, organisation, ids.subList(7, 9), true, () -> {
			TrailVerification.Chain chain = chainOf(this.integrity.everything(), organisation);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.problem()).contains("cut off");
		});

		// before the checkpoint: only the full check sees a changed or deleted row
		change(sql, ids.get(2), () -> {
			TrailVerification fromCheckpoint = this.integrity.everything();
			assertThat(fromCheckpoint.fromCheckpoints()).isTrue();
			assertThat(chainOf(fromCheckpoint, organisation).intact()).as("not seen from the checkpoint").isTrue();
			TrailVerification.Chain full = chainOf(this.integrity.everything(true), organisation);
			assertThat(full.verifiedFrom()).isZero();
			assertThat(full.intact()).isFalse();
			assertThat(full.brokenRow()).isEqualTo(ids.get(2));
		});
		// (the intact check above moved the checkpoint to position 9)
		delete(sql, organisation, ids.subList(2, 3), false, () -> {
			assertThat(chainOf(this.integrity.everything(), organisation).intact()).isTrue();
			TrailVerification.Chain full = chainOf(this.integrity.everything(true), organisation);
			assertThat(full.intact()).isFalse();
			assertThat(full.brokenRow()).isEqualTo(ids.get(3));
		});
		// a cut that takes the checkpoint's row, and a change of that row, are seen
		delete(sql, organisation, ids, true, () -> {
			TrailVerification.Chain chain = chainOf(this.integrity.everything(), organisation);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.brokenRow()).isEqualTo(ids.get(8));
			assertThat(chain.problem()).contains("checkpoint");
		});
		change(sql, ids.get(8), () -> {
			TrailVerification.Chain chain = chainOf(this.integrity.everything(), organisation);
			assertThat(chain.intact()).isFalse();
			assertThat(chain.brokenRow()).isEqualTo(ids.get(8));
			assertThat(chain.problem()).contains("changed");
		});
		assertThat(chainOf(this.integrity.everything(true), organisation).intact()).isTrue();
		// the coordinator's page checks from the checkpoint, and everything on demand
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		MockHttpSession session = TestData.signIn(this.mvc, coordinator);
		assertThat(
				this.mvc.perform(get("/access-trail").session(session)).andReturn().getResponse().getContentAsString())
			.contains("trail-chains-intact", "trail-chains-checkpoint", "/access-trail?verify=full");
		change(sql, ids.get(1), () -> {
			assertThat(this.mvc.perform(get("/access-trail").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("trail-chains-intact");
			assertThat(this.mvc.perform(get("/access-trail").param("verify", "full").session(session))
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("trail-chains-broken", "row " + ids.get(1));
		});
	}

	/** Changes a row as the owner of the database, checks, and puts it back. */
	private void change(JdbcClient sql, long id, ThrowingRunnable check) throws Exception {
		String label = sql.sql("select actor_label from access_trail where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		sql.sql("update access_trail set actor_label = 'iemand anders' where id = :id").param("id", id).update();
		try {
			check.run();
		}
		finally {
			sql.sql("update access_trail set actor_label = :label where id = :id")
				.param("label", label)
				.param("id", id)
				.update();
		}
	}

	/**
	 * Deletes rows as the owner of the database (with {@code head}: and sets the chain's
	 * head in the database back to the row before them, as a careful superuser would),
	 * checks, and puts everything back.
	 */
	private void delete(JdbcClient sql, TestData.Organisation organisation, List<Long> ids, boolean head,
			ThrowingRunnable check) throws Exception {
		List<Map<String, Object>> kept = sql.sql("select * from access_trail where id in (:ids) order by id")
			.param("ids", ids)
			.query()
			.listOfRows();
		Map<String, Object> before = sql
			.sql("select seq, hmac from trail_chain where organisation_id = :org and chain = 'MAIN'")
			.param("org", organisation.id())
			.query()
			.singleRow();
		sql.sql("delete from access_trail where id in (:ids)").param("ids", ids).update();
		if (head) {
			sql.sql("""
					update trail_chain set seq = coalesce((select max(chain_seq) from access_trail
					    where organisation_id = :org and chain = 'MAIN'), 0),
					  hmac = coalesce((select chain_hmac from access_trail where organisation_id = :org and chain = 'MAIN'
					    order by chain_seq desc limit 1), '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
					where organisation_id = :org and chain = 'MAIN'""")
				.param("org", organisation.id())
				.update();
		}
		try {
			check.run();
		}
		finally {
			kept.forEach((row) -> restore(sql, row));
			sql.sql("update trail_chain set seq = :seq, hmac = :hmac where organisation_id = :org and chain = 'MAIN'")
				.param("seq", before.get("seq"))
				.param("hmac", before.get("hmac"))
				.param("org", organisation.id())
				.update();
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	@Test
	void theCommandExitsZeroWhenIntactAndOneNamingTheBrokenRow() {
		TestData.Organisation organisation = this.data.organisation();
		write(organisation, 2);
		VerifyTrailCommand intact = new VerifyTrailCommand(this.integrity, this.heads);
		intact.run(null);
		assertThat(intact.getExitCode()).isZero();
		long changed = ids(organisation).get(0);
		JdbcClient sql = JdbcClient.create(this.owner);
		sql.sql("update access_trail set action = 'DELETE' where id = :id").param("id", changed).update();
		try {
			// the first run kept a checkpoint after the changed row: only a full check
			// (--full) looks before it
			VerifyTrailCommand fromCheckpoint = new VerifyTrailCommand(this.integrity, this.heads);
			fromCheckpoint.run(null);
			assertThat(fromCheckpoint.getExitCode()).isZero();
			VerifyTrailCommand broken = new VerifyTrailCommand(this.integrity, this.heads);
			broken.run(new org.springframework.boot.DefaultApplicationArguments("--full"));
			assertThat(broken.getExitCode()).isOne();
		}
		finally {
			sql.sql("update access_trail set action = 'VIEW' where id = :id").param("id", changed).update();
		}
	}

	/**
	 * Writers of different organisations do not wait for each other; writers of one
	 * organisation take turns while each holds its chain's head (taken at once with
	 * {@link AccessTrail#lockChains}) to the end of its transaction (here 300 ms each).
	 */
	@Test
	void chainsOfDifferentOrganisationsDoNotSerialiseTheirWriters() throws Exception {
		int writers = 4;
		List<TestData.Organisation> many = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			many.add(this.data.organisation());
		}
		TestData.Organisation one = this.data.organisation();
		long apart = elapsed(many, true);
		long together = elapsed(List.of(one, one, one, one), true);
		System.out.printf(
				"trail chain: %d writers holding their head 300 ms: %d ms in %d organisations, %d ms in one%n", writers,
				apart, writers, together);
		assertThat(together).isGreaterThanOrEqualTo(4 * 300);
		assertThat(apart).isLessThan(together - 300);
	}

	/**
	 * A row of the main strand is linked into its chain when its transaction commits, so
	 * writers of one organisation that record a view and then go on working (here 300 ms
	 * each) do not take turns for their work, and every row is still a link.
	 */
	@Test
	void writersOfOneOrganisationDoNotHoldTheHeadWhileTheyWork() throws Exception {
		TestData.Organisation one = this.data.organisation();
		int before = ids(one).size();
		long together = elapsed(List.of(one, one, one, one), false);
		System.out.printf("trail chain: 4 writers of one organisation working 300 ms after their row: %d ms%n",
				together);
		assertThat(together).isLessThan(4 * 300 - 300);
		assertThat(ids(one)).hasSize(before + 4);
		assertThat(chainOf(this.integrity.everything(), one).intact()).isTrue();
	}

	/**
	 * Two kinds of transaction write into the trails of the same two organisations in
	 * opposite orders (a read of a shared household: the reader's row and the owner's).
	 * Taking the heads as they come, some deadlock (PostgreSQL ends one of them); taking
	 * them first in organisation order ({@link AccessTrail#lockChains}, as the shared
	 * reads do) none does, nor does linking the rows at commit (which takes the heads in
	 * that order), and every row is a link.
	 */
	@Test
	void writersIntoTwoOrganisationsChainsInOppositeOrdersDoNotDeadlockWhenTheHeadsAreTakenInOrder() throws Exception {
		TestData.Organisation a = this.data.organisation();
		TestData.Organisation b = this.data.organisation();
		assertThat(oppositeWriters(a, b, Heads.AS_THEY_COME)).as("deadlocks without an order").isPositive();
		int before = ids(a).size() + ids(b).size();
		assertThat(oppositeWriters(a, b, Heads.IN_ORDER)).as("deadlocks with the heads in order").isZero();
		assertThat(oppositeWriters(a, b, Heads.AT_COMMIT)).as("deadlocks with the rows linked at commit").isZero();
		assertThat(ids(a).size() + ids(b).size() - before).isEqualTo(2 * 2 * 6);
		TrailVerification verification = this.integrity.everything();
		assertThat(chainOf(verification, a).intact()).isTrue();
		assertThat(chainOf(verification, b).intact()).isTrue();
	}

	private enum Heads {

		AS_THEY_COME, IN_ORDER, AT_COMMIT

	}

	/**
	 * Six writers at once, half writing into a's chain and then b's, half the other way
	 * round, each holding the first head a while (taken at once, but for
	 * {@link Heads#AT_COMMIT}); answers how many were ended by a deadlock.
	 */
	private int oppositeWriters(TestData.Organisation a, TestData.Organisation b, Heads heads) throws Exception {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		int writers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
		java.util.concurrent.atomic.AtomicInteger deadlocks = new java.util.concurrent.atomic.AtomicInteger();
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				TestData.Organisation first = (i % 2 == 0) ? a : b;
				TestData.Organisation second = (i % 2 == 0) ? b : a;
				done.add(pool.submit(() -> {
					start.await();
					try {
						TenantScope.runAs(TenantScope.Scope.system(Set.of(a.id(), b.id())),
								() -> transactions.executeWithoutResult((status) -> {
									if (heads == Heads.IN_ORDER) {
										this.trail.lockChains(first.id(), second.id());
									}
									else if (heads == Heads.AS_THEY_COME) {
										this.trail.lockChains(first.id());
									}
									this.trail.recordSystem(first.id(), AccessAction.VIEW,
											AccessSubject.household(UUID.randomUUID()));
									sleep(400);
									if (heads == Heads.AS_THEY_COME) {
										this.trail.lockChains(second.id());
									}
									this.trail.recordSystem(second.id(), AccessAction.VIEW_SHARED,
											AccessSubject.household(UUID.randomUUID()));
								}));
					}
					catch (RuntimeException ex) {
						Throwable cause = ex;
						while (cause != null
								&& !(cause instanceof java.sql.SQLException sql && "40P01".equals(sql.getSQLState()))) {
							cause = cause.getCause();
						}
						if (cause == null) {
							throw ex;
						}
						deadlocks.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
			return deadlocks.get();
		}
		finally {
			pool.shutdown();
		}
	}

	private long elapsed(List<TestData.Organisation> organisations, boolean headAtOnce) throws Exception {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		ExecutorService pool = Executors.newFixedThreadPool(organisations.size());
		try {
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (TestData.Organisation organisation : organisations) {
				done.add(pool.submit(() -> TenantScope.runAs(TenantScope.Scope.system(Set.of(organisation.id())),
						() -> transactions.executeWithoutResult((status) -> {
							if (headAtOnce) {
								this.trail.lockChains(organisation.id());
							}
							this.trail.recordSystem(organisation.id(), AccessAction.VIEW,
									AccessSubject.household(UUID.randomUUID()));
							sleep(300);
						}))));
			}
			for (Future<?> future : done) {
				future.get();
			}
			return (System.nanoTime() - start) / 1_000_000;
		}
		finally {
			pool.shutdown();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void restore(JdbcClient sql, Map<String, Object> row) {
		StringBuilder columns = new StringBuilder();
		StringBuilder values = new StringBuilder();
		JdbcClient.StatementSpec[] spec = new JdbcClient.StatementSpec[1];
		List<String> names = new ArrayList<>(row.keySet());
		for (String name : names) {
			columns.append((columns.length() > 0) ? ", " : "").append(name);
			values.append((values.length() > 0) ? ", " : "").append(':').append(name);
		}
		spec[0] = sql.sql("insert into access_trail (" + columns + ") overriding system value values (" + values + ")");
		for (String name : names) {
			Object value = row.get(name);
			if (value instanceof java.sql.Array array) {
				try {
					value = new org.springframework.jdbc.support.SqlArrayValue("uuid", (Object[]) array.getArray());
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
			spec[0] = spec[0].param(name, value);
		}
		spec[0].update();
	}

}
