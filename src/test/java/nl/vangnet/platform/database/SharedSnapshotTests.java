package nl.vangnet.platform.database;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import nl.vangnet.VangnetTest;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transactions on other connections and threads that import a transaction's snapshot see
 * the data as that transaction saw it, not what was committed since (the monitor counts
 * on two connections this way, issue 16, item 2).
 */
@VangnetTest
class SharedSnapshotTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final UUID probe = UUID.randomUUID();

	@AfterEach
	void removeProbe() {
		this.jdbc.sql("delete from organisation where id = ?").param(this.probe).update();
	}

	@Test
	void anImportingTransactionSeesTheDataAsItWasWhenTheSnapshotWasExported() {
		TransactionTemplate exporting = new TransactionTemplate(this.transactionManager);
		TransactionTemplate writing = new TransactionTemplate(this.transactionManager);
		writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		TransactionTemplate importing = new TransactionTemplate(this.transactionManager);
		importing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		importing.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		TenantScope.Scope scope = TenantScope.Scope.system(Set.of());
		TenantScope.runAs(scope, () -> exporting.executeWithoutResult((tx) -> {
			String snapshot = SharedSnapshot.export(this.jdbc);
			writing.executeWithoutResult((t) -> this.jdbc.sql("""
					insert into organisation (id, code, name, kind, version)
					values (?, ?, 'Snapshot probe', 'OTHER', 0)""")
				.params(this.probe, "SNAP-" + this.probe.toString().substring(0, 8))
				.update());
			assertThat((long) writing.execute((t) -> probes())).as("committed, so a new transaction sees it")
				.isEqualTo(1);
			assertThat((long) SharedSnapshot.importing(snapshot, () -> importing.execute((t) -> probes())))
				.as("from the snapshot, on this thread")
				.isZero();
			Long elsewhere = CompletableFuture
				.supplyAsync(() -> TenantScope.callAs(scope,
						() -> SharedSnapshot.importing(snapshot, () -> importing.execute((t) -> probes()))))
				.join();
			assertThat(elsewhere).as("from the snapshot, on another thread").isZero();
			assertThat((long) writing.execute((t) -> probes())).as("a transaction of its own still sees it")
				.isEqualTo(1);
		}));
	}

	@Test
	void onlyARepeatableReadTransactionImportsASnapshot() {
		TransactionTemplate exporting = new TransactionTemplate(this.transactionManager);
		TransactionTemplate readCommitted = new TransactionTemplate(this.transactionManager);
		readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		TenantScope.runAs(TenantScope.Scope.system(Set.of()), () -> exporting.executeWithoutResult((tx) -> {
			String snapshot = SharedSnapshot.export(this.jdbc);
			assertThatThrownBy(() -> SharedSnapshot.importing(snapshot, () -> readCommitted.execute((t) -> probes())))
				.hasStackTraceContaining("repeatable-read");
		}));
	}

	@Test
	void somethingElseThanASnapshotIdentifierIsRefusedBeforeTheDatabase() {
		assertThatThrownBy(() -> SharedSnapshot.importing("1'; select 1; --", () -> 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Long probes() {
		return this.jdbc.sql("select count(*) from organisation where id = ?")
			.param(this.probe)
			.query(Long.class)
			.single();
	}

}
