package nl.vangnet.safety;

import java.util.Set;
import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.platform.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpSession;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A family for the safety tests, registered through the API as a worker would: a mother
 * (m1) and a child (m2), the worker as fixed contact person, and a network map of the
 * mother with her sister and her ex-partner marked as a danger.
 */
record SafetyFamily(String household, String mother, String child, String sisterKey, String exPartnerKey) {

	static SafetyFamily register(ApiClient api, TestData data, TestData.Person worker, MockHttpSession session)
			throws Exception {
		JsonNode household = api.read(api.send(post("/api/v1/households"),
				"""
						{"format":"vangnet-household/1","composition":"ONE_PARENT","members":[
						 {"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Samira","familyName":"Test","birthDate":"1991-04-02"},
						 {"ref":"m2","role":"CHILD","givenName":"Yara","birthDate":"2018-03-04"}],
						 "trajectories":[{"kind":"INTENSIVE","start":"2026-01-05","contactPerson":"%s"}]}
						"""
					.formatted(worker.id()),
				session, 201));
		String id = household.get("id").stringValue();
		TenantScope.Scope scope = TenantScope.Scope.system(Set.of(worker.organisation().id()));
		String mother = memberId(data, scope, id, "m1");
		String child = memberId(data, scope, id, "m2");
		JsonNode snapshot = api
			.read(api.send(post("/api/v1/network/members/" + mother + "/snapshots"), "{}", session, 201));
		String snapshotId = snapshot.get("id").stringValue();
		JsonNode withSister = api.read(api.send(post("/api/v1/network/snapshots/" + snapshotId + "/contacts"),
				"{\"version\":0,\"name\":\"Zus Nadia\",\"relation\":\"FAMILY\",\"closeness\":\"INNER\",\"tie\":\"STRONG\"}",
				session, 200));
		JsonNode withEx = api.read(api.send(post("/api/v1/network/snapshots/" + snapshotId + "/contacts"),
				"""
						{"version":%d,"name":"Ex-partner Karim","relation":"EX_PARTNER","closeness":"OUTER","tie":"WEAK","danger":true}"""
					.formatted(withSister.get("version").asInt()),
				session, 200));
		String sister = null;
		String ex = null;
		for (JsonNode contact : withEx.findValue("contacts")) {
			if (contact.get("danger").asBoolean()) {
				ex = contact.get("key").stringValue();
			}
			else {
				sister = contact.get("key").stringValue();
			}
		}
		return new SafetyFamily(id, mother, child, sister, ex);
	}

	private static String memberId(TestData data, TenantScope.Scope scope, String household, String ref) {
		return data.inScope(scope,
				(sql) -> sql.sql("select id from household_member where household_id = :h and ref = :ref")
					.param("h", UUID.fromString(household))
					.param("ref", ref)
					.query(UUID.class)
					.single()
					.toString());
	}

	UUID householdId() {
		return UUID.fromString(this.household);
	}

}
