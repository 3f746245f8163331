import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load client for Vangnet (bench/load.sh runs it; not part of the build, started as a
 * single source file with {@code java bench/LoadClient.java}). It signs in as the administrator,
 * creates the organisations and one professional per virtual user, signs every user in first
 * (each with a session of its own), registers one household per user, and then lets the users
 * work for a while: half of them with a think time of 1 to 3 seconds between requests, half
 * without. At the end it prints p50, p95 and p99 of the response times, requests per second and
 * the errors (any answer that is not 2xx, and failed connections).
 *
 * <pre>
 * java bench/LoadClient.java BASE_URL ADMIN_EMAIL ADMIN_PASSWORD SCENARIO ORGANISATIONS USERS SECONDS
 * </pre>
 *
 * Scenario {@code write}: each request writes into the organisation's access trail (its chain):
 * the household read through the API (one VIEW row) and a contact moment recorded (the moment
 * and a CREATE row), alternately. With ORGANISATIONS 1 every writer shares one chain; with more
 * they are spread evenly, so the difference shows what the per-organisation chains save.
 *
 * <pre>
 * java bench/LoadClient.java BASE_URL pages PASSWORD SMALL_CODE:SIZE LARGE_CODE:SIZE [RUNS]
 * </pre>
 *
 * Mode {@code pages} (bench/pages.sh): in two organisations of generated caseloads (generate
 * --password), signs in the coordinator and the first professional of each and prints the
 * median of RUNS (8) requests of every page after two not counted, per organisation, and their
 * ratio, as a Markdown table. The workload per worker has one row per worker, and the two
 * organisations have different numbers of workers (as many as their running families fill,
 * at most 40): it is printed once more per worker shown.
 *
 * <pre>
 * java bench/LoadClient.java BASE_URL city PASSWORD CODE USERS SECONDS [WARMUP]
 * </pre>
 *
 * Mode {@code city} (bench/pages.sh): USERS professionals of the generated organisation CODE
 * (pro1, pro2, …; signed in first) read the pages of the families of their caseload (dossier,
 * contacts, plan, the document, their worklist and caseload, in turn): once all of them with a
 * think time of 1 to 3 s (before the first request too, so they do not all start at once), once
 * all without; p50/p95/p99, requests per second and errors of each. WARMUP seconds (0) of all
 * of them without think time go first, not counted.
 */
public final class LoadClient {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final String PASSWORD = "laad-test-wachtwoord-voor-de-bank";

	public static void main(String[] args) throws Exception {
		if (args.length >= 6 && args[1].equals("city")) {
			city(args);
			return;
		}
		if (args.length >= 5 && args[1].equals("pages")) {
			pages(args);
			return;
		}
		if (args.length < 7) {
			System.err.println("usage: LoadClient BASE ADMIN_EMAIL ADMIN_PASSWORD SCENARIO ORGANISATIONS USERS SECONDS");
			System.exit(2);
		}
		String base = args[0];
		String scenario = args[3];
		int organisations = Integer.parseInt(args[4]);
		int users = Integer.parseInt(args[5]);
		int seconds = Integer.parseInt(args[6]);
		if (!scenario.equals("write")) {
			throw new IllegalArgumentException("unknown scenario " + scenario + " (write)");
		}
		String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

		Session admin = Session.signIn(base, args[1], args[2]);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < organisations; i++) {
			String code = "L" + run + i;
			admin.post("/api/v1/organisations",
					"{\"code\":\"" + code + "\",\"name\":\"Last " + code + "\",\"kind\":\"INFORMAL\"}", 201);
			codes.add(code);
		}
		List<User> people = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			String email = "load-" + run.toLowerCase(Locale.ROOT) + "-" + i + "@bench.example";
			String code = codes.get(i % organisations);
			admin.post("/api/v1/users", "{\"email\":\"" + email + "\",\"displayName\":\"Bank " + i
					+ "\",\"role\":\"PROFESSIONAL\",\"organisation\":\"" + code + "\",\"password\":\"" + PASSWORD + "\"}",
					201);
			people.add(new User(email, i < users / 2));
		}
		System.err.printf("%d organisations and %d users created%n", organisations, users);
		// Every user signs in first and registers a household of her own.
		for (User user : people) {
			user.session = Session.signIn(base, user.email, PASSWORD);
			String created = user.session.post("/api/v1/households",
					"{\"format\":\"vangnet-household/1\",\"composition\":\"ONE_PARENT\",\"members\":[{\"ref\":\"m1\","
							+ "\"role\":\"PARENT\",\"mainContact\":true,\"givenName\":\"Bank\"}],\"trajectories\":[{"
							+ "\"kind\":\"INTENSIVE\",\"start\":\"" + LocalDate.now().minusDays(30) + "\"}]}",
					201);
			Matcher id = ID.matcher(created);
			if (!id.find()) {
				throw new IllegalStateException("no household id in " + created);
			}
			user.household = id.group(1);
		}

		System.err.printf("%d users signed in, each with a household; working for %d s%n", users, seconds);
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (User user : people) {
			Thread thread = new Thread(() -> work(user, deadline, latencies, errors));
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"scenario %s, %d organisation(s), %d users (%d with 1-3 s think time, %d without), %d s%n", scenario,
				organisations, users, users / 2, users - users / 2, seconds);
		System.out.printf(Locale.ROOT, "requests %d, %.1f/s, errors %d%n", all.length, all.length / elapsed,
				errors.get());
		System.out.printf(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(all, 50),
				percentile(all, 95), percentile(all, 99), (all.length > 0) ? all[all.length - 1] / 1e6 : 0.0);
	}

	private static final Pattern HOUSEHOLD = Pattern.compile("\"householdId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	/** A page to time: whose session, its address, and whether htmx asks for it. */
	private record Page(String label, boolean coordinator, String path, boolean htmx) {
	}

	private static void pages(String[] args) throws Exception {
		String base = args[0];
		String password = args[2];
		String[][] organisations = { args[3].split(":"), args[4].split(":") };
		int runs = (args.length > 5) ? Integer.parseInt(args[5]) : 8;
		List<Page> pages = List.of(new Page("dossier of a family", false, "/households/{id}", false),
				new Page("plan of a family", false, "/households/{id}/plan", false),
				new Page("contacts of a family", false, "/households/{id}/contacts", false),
				new Page("`GET /api/v1/households/{id}`", false, "/api/v1/households/{id}", false),
				new Page("a professional's start page", false, "/", false),
				new Page("its worklist (htmx, 30 families)", false, "/worklist", true),
				new Page("`/caseload` (30 families)", false, "/caseload", false),
				new Page("the organisation's `/households` (first page)", true, "/households", false),
				new Page("a coordinator's `/worklist` (first page)", true, "/worklist", false),
				new Page("`GET /api/v1/worklist` (coordinator)", true, "/api/v1/worklist", false),
				new Page("`/team/workload` (coordinator)", true, "/team/workload", false));
		double[][] medians = new double[2][pages.size()];
		long[][] bytes = new long[2][pages.size()];
		int[] workers = new int[2];
		long[][][] times = new long[2][pages.size()][runs];
		Session[][] sessions = new Session[2][2];
		String[] families = new String[2];
		for (int o = 0; o < 2; o++) {
			String domain = organisations[o][0].toLowerCase(Locale.ROOT) + ".bench.example";
			sessions[o][0] = Session.signIn(base, "pro1@" + domain, password);
			sessions[o][1] = Session.signIn(base, "coordinator@" + domain, password);
			Matcher first = HOUSEHOLD.matcher(sessions[o][0].body("/api/v1/worklist?size=1", false));
			if (!first.find()) {
				throw new IllegalStateException("no family on the worklist of pro1@" + domain);
			}
			families[o] = first.group(1);
		}
		// Two rounds not counted, then RUNS rounds; each round asks every page of both
		// organisations in turn, so that both see the same warm (or busy) machine.
		for (int r = -2; r < runs; r++) {
			for (int p = 0; p < pages.size(); p++) {
				for (int o = 0; o < 2; o++) {
					Page page = pages.get(p);
					Session session = sessions[o][page.coordinator() ? 1 : 0];
					long begin = System.nanoTime();
					String body = session.body(page.path().replace("{id}", families[o]), page.htmx());
					long took = System.nanoTime() - begin;
					if (r >= 0) {
						times[o][p][r] = took;
						bytes[o][p] = body.length();
					}
					if (page.path().equals("/team/workload")) {
						workers[o] = count(body, "id=\"worker-");
					}
				}
			}
		}
		for (int o = 0; o < 2; o++) {
			for (int p = 0; p < pages.size(); p++) {
				long[] sorted = times[o][p];
				java.util.Arrays.sort(sorted);
				medians[o][p] = ((runs % 2 == 1) ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2.0)
						/ 1e6;
			}
		}
		System.out.printf(Locale.ROOT, "| page (median of %d) | %s households | %s households | ratio |%n", runs,
				organisations[0][1], organisations[1][1]);
		System.out.println("| --- | ---: | ---: | ---: |");
		for (int p = 0; p < pages.size(); p++) {
			System.out.printf(Locale.ROOT, "| %s | %.1f ms (%d kB) | %.1f ms (%d kB) | %.2f |%n", pages.get(p).label(),
					medians[0][p], bytes[0][p] / 1024, medians[1][p], bytes[1][p] / 1024, medians[1][p] / medians[0][p]);
			if (pages.get(p).path().equals("/team/workload") && workers[0] > 0 && workers[1] > 0) {
				// Its content is one row per worker, and the organisations have different
				// numbers of workers: the same page per worker shown as well.
				System.out.printf(Locale.ROOT, "| the same per worker shown (%d and %d workers) | %.2f ms | %.2f ms | %.2f |%n",
						workers[0], workers[1], medians[0][p] / workers[0], medians[1][p] / workers[1],
						(medians[1][p] / workers[1]) / (medians[0][p] / workers[0]));
			}
		}
	}

	private static int count(String body, String what) {
		int n = 0;
		for (int at = body.indexOf(what); at >= 0; at = body.indexOf(what, at + what.length())) {
			n++;
		}
		return n;
	}

	private static void city(String[] args) throws Exception {
		String base = args[0];
		String password = args[2];
		String domain = args[3].toLowerCase(Locale.ROOT) + ".bench.example";
		int users = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		List<Session> sessions = new ArrayList<>();
		List<List<String>> caseloads = new ArrayList<>();
		for (int i = 1; i <= users; i++) {
			Session session = Session.signIn(base, "pro" + i + "@" + domain, password);
			Matcher ids = HOUSEHOLD.matcher(session.body("/api/v1/worklist?size=30", false));
			List<String> families = new ArrayList<>();
			while (ids.find()) {
				families.add(ids.group(1));
			}
			if (families.isEmpty()) {
				throw new IllegalStateException("no families on the worklist of pro" + i + "@" + domain);
			}
			sessions.add(session);
			caseloads.add(families);
		}
		System.err.printf("%d professionals of %s signed in%n", users, args[3]);
		// A warm-up not counted (all without think time), so that the runs measure a server
		// whose JIT has compiled the pages, not one still compiling them on the same cores.
		int warmup = (args.length > 6) ? Integer.parseInt(args[6]) : 0;
		for (int run = (warmup > 0) ? -1 : 0; run < 2; run++) {
			boolean thinking = run == 0;
			long deadline = System.nanoTime() + Duration.ofSeconds((run < 0) ? warmup : seconds).toNanos();
			List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
			AtomicLong errors = new AtomicLong();
			List<Thread> threads = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < users; i++) {
				Session session = sessions.get(i);
				List<String> families = caseloads.get(i);
				Thread thread = new Thread(() -> read(session, families, thinking, deadline, latencies, errors));
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
			double elapsed = (System.nanoTime() - start) / 1e9;
			long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
			if (run < 0) {
				System.err.printf(Locale.ROOT, "warm-up %d s: %.1f requests/s, p95 %.1f ms%n", warmup, all.length / elapsed,
						percentile(all, 95));
				continue;
			}
			System.out.printf(Locale.ROOT, "| %d users %s | %.1f | %.1f ms | %.1f ms | %.1f ms | %d |%n", users,
					thinking ? "with 1-3 s think time" : "without think time", all.length / elapsed,
					percentile(all, 50), percentile(all, 95), percentile(all, 99), errors.get());
		}
	}

	private static final String[] READS = { "/households/{id}", "/households/{id}/contacts", "/households/{id}/plan",
			"/api/v1/households/{id}", "/worklist", "/caseload" };

	private static void read(Session session, List<String> families, boolean thinking, long deadline,
			List<long[]> latencies, AtomicLong errors) {
		long[] mine = new long[200_000];
		int n = 0;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (thinking) {
			// each user thinks before her first request too: 40 users do not click at once
			try {
				Thread.sleep(random.nextLong(0, 3001));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		while (System.nanoTime() < deadline && n < mine.length) {
			String path = READS[n % READS.length].replace("{id}", families.get(random.nextInt(families.size())));
			long begin = System.nanoTime();
			try {
				session.body(path, false);
			}
			catch (Exception ex) {
				errors.incrementAndGet();
			}
			mine[n++] = System.nanoTime() - begin;
			if (thinking) {
				try {
					Thread.sleep(random.nextLong(1000, 3001));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		latencies.add(java.util.Arrays.copyOf(mine, n));
	}

	private static void work(User user, long deadline, List<long[]> latencies, AtomicLong errors) {
		long[] mine = new long[200_000];
		int n = 0;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		boolean read = true;
		while (System.nanoTime() < deadline && n < mine.length) {
			long begin = System.nanoTime();
			try {
				int status;
				if (read) {
					status = user.session.get("/api/v1/households/" + user.household);
				}
				else {
					status = user.session.send("POST", "/api/v1/households/" + user.household + "/contacts",
							"{\"occurredAt\":\"" + LocalDate.now().minusDays(1) + "T10:00:00\",\"channel\":\"PHONE\","
									+ "\"reached\":true,\"sensitive\":false,\"note\":\"Gebeld\"}")
						.statusCode();
				}
				if (status / 100 != 2) {
					errors.incrementAndGet();
				}
			}
			catch (Exception ex) {
				errors.incrementAndGet();
			}
			mine[n++] = System.nanoTime() - begin;
			read = !read;
			if (user.thinks) {
				try {
					Thread.sleep(random.nextLong(1000, 3001));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		latencies.add(java.util.Arrays.copyOf(mine, n));
	}

	private static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static final class User {

		final String email;

		final boolean thinks;

		Session session;

		String household;

		User(String email, boolean thinks) {
			this.email = email;
			this.thinks = thinks;
		}

	}

	/** A signed-in session: its cookies (SESSION, XSRF-TOKEN) and the token sent back. */
	private static final class Session {

		private final String base;

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http;

		private Session(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder()
				.cookieHandler(this.cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		static Session signIn(String base, String email, String password) throws Exception {
			Session session = new Session(base);
			session.http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8);
			HttpResponse<String> answer = session.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", session.token())
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() / 100 != 2 || answer.body().contains("secondFactorStep\":\"")) {
				throw new IllegalStateException(
						"sign-in of " + email + ": " + answer.statusCode() + " " + answer.body());
			}
			return session;
		}

		String token() {
			for (HttpCookie cookie : this.cookies.getCookieStore().getCookies()) {
				if (cookie.getName().equals("XSRF-TOKEN")) {
					return cookie.getValue();
				}
			}
			return "";
		}

		/** The body of a page (HTML, or JSON from the API), failing on anything but 200. */
		String body(String path, boolean htmx) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
			if (htmx) {
				request.header("HX-Request", "true");
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + ": " + response.statusCode());
			}
			return response.body();
		}

		int get(String path) throws Exception {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "application/json").build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}

		HttpResponse<String> send(String method, String path, String json) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", token())
				.method(method, HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String post(String path, String json, int expected) throws Exception {
			HttpResponse<String> response = send("POST", path, json);
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						"POST " + path + ": " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}

	}

}
