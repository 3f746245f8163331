package nl.vangnet.platform.database;

import java.util.List;

import nl.vangnet.VangnetTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row-level-security policy reads the tenant once per query, not once per row
 * (issue 16, item 1; migration V22): the organisations of the transaction are an
 * InitPlan.
 */
@VangnetTest
class TenantPoliciesTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void noPolicyReadsTheTenantPerRow() {
		List<String> perRow = this.jdbc.sql("""
				select tablename || '.' || policyname from pg_policies
				 where schemaname = current_schema()
				   and (qual ~ '= ANY \\(vangnet_organisations\\(\\)\\)'
				        or with_check ~ '= ANY \\(vangnet_organisations\\(\\)\\)')
				 order by 1""").query(String.class).list();
		assertThat(perRow).isEmpty();
		int tenantPolicies = this.jdbc
			.sql("select count(*) from pg_policies where schemaname = current_schema()"
					+ " and qual like '%SELECT vangnet_organisations()%'")
			.query(Integer.class)
			.single();
		assertThat(tenantPolicies).as("the rewritten policies are still there").isGreaterThanOrEqualTo(36);
	}

	@Test
	@Transactional
	void aPolicyOfAnEarlierMigrationNowPlansTheTenantOnce() {
		this.jdbc.sql("select set_config('vangnet.organisations', gen_random_uuid()::text, true)").query().singleRow();
		String plan = String.join("\n",
				this.jdbc.sql("explain select * from contact_moment").query(String.class).list());
		assertThat(plan).contains("InitPlan").doesNotContain("current_setting");
	}

}
