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
 */
public final class LoadClient {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final String PASSWORD = "laad-test-wachtwoord-voor-de-bank";

	public static void main(String[] args) throws Exception {
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
