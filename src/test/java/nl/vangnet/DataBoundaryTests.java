package nl.vangnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data boundaries are as real as the Java ones (issue 11): a module's SQL names only
 * the tables it owns. Another module's data is read through that module's {@code XxxApi}
 * or through a view or function its migration publishes.
 * <p>
 * Who owns what is derived from the migrations: a migration's first line names its module
 * ({@code -- Module: contact}); every table, view and function it creates belongs to that
 * module. The migrations from before this rule ({@link #BEFORE_THE_RULE}) are listed here
 * once. Tables are private to their module; views and functions are what a module
 * publishes to the SQL of others.
 */
class DataBoundaryTests {

	// ---- The designed exceptions, in one place

	/**
	 * The monitor is the reporting module: it counts the common registration of every
	 * organisation (and generates synthetic households for it) with plain SQL over the
	 * tables of the modules that keep it.
	 */
	static final Set<String> READS_EVERY_TABLE = Set.of("monitor");

	/**
	 * Sharing between organisations rests on a consent row: the row-level-security
	 * policies of a migration ({@code create policy …}) may read the tables named here,
	 * whoever owns them.
	 */
	static final Set<String> CONSENT_TABLES_READ_BY_POLICIES = Set.of("consent");

	/**
	 * The one reader of the rows those policies share: the sections of a family that a
	 * consent lets another organisation read (EXCHANGE.md section 3, {@code shared}) are
	 * read live from the tables of the modules that keep them, under their sharing
	 * policies.
	 */
	static final Set<String> READS_SHARED_ROWS = Set.of("nl.vangnet.cooperation.SharedSections");

	// Erasure (the client's right to be forgotten) is no exception: it goes through each
	// owning module's API, so it needs no line here.

	// ---- Ownership derived from the migrations

	/** The first line of a migration from V13 on: {@code -- Module: name}. */
	private static final Pattern MODULE_LINE = Pattern.compile("^--\\s*Module:\\s*([a-z]+)\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

	/**
	 * The module of each migration from before the rule; {@code table=module} entries for
	 * the two migrations that laid down tables of several modules.
	 */
	static final Map<String, String> BEFORE_THE_RULE = Map.of("V1",
			"organisation organisation_district=organisation location=organisation team=organisation "
					+ "account=account access_trail=access vangnet_organisations=platform vangnet_role=platform",
			"V2", "household", "V3", "lifedomain", "V4",
			"help_question=plan progress_score=plan experience=plan time_entry=contact activity_participation=contact",
			"V5", "plan", "V6", "contact", "V7", "network", "V8", "monitor", "V12", "cooperation");

	private static final Pattern CREATED = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view|function)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	/** Where SQL names a table (or a view) it reads or writes. */
	private static final Pattern NAMED = Pattern.compile(
			"\\b(?:from|join|into|update|table|truncate|on)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CALLED = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\(", Pattern.CASE_INSENSITIVE);

	private static final Ownership OWNERSHIP = Ownership.fromMigrations();

	@Test
	void everyMigrationFromNowOnBelongsToOneModule() {
		assertThat(OWNERSHIP.problems()).isEmpty();
		assertThat(OWNERSHIP.owner("household_involves")).isEqualTo("household");
		assertThat(OWNERSHIP.owner("contact_moment")).isEqualTo("contact");
		assertThat(OWNERSHIP.owner("time_entry")).isEqualTo("contact");
		assertThat(OWNERSHIP.owner("help_question")).isEqualTo("plan");
	}

	@Test
	void aMigrationChangesAndReadsOnlyTheTablesOfItsModule() {
		List<String> violations = new ArrayList<>();
		OWNERSHIP.migrations.forEach((name, migration) -> {
			if (migration.module() == null) {
				return;
			}
			for (String statement : migration.sql().split(";")) {
				boolean policy = statement.strip().toLowerCase(Locale.ROOT).startsWith("create policy");
				for (String object : OWNERSHIP.named(statement.replaceAll("(?i)references\\s+[a-z_]+", ""))) {
					String owner = OWNERSHIP.owner(object);
					if (owner == null || owner.equals(migration.module()) || OWNERSHIP.published(object)
							|| (policy && CONSENT_TABLES_READ_BY_POLICIES.contains(object))) {
						continue;
					}
					violations
						.add(name + " (module " + migration.module() + ") names " + object + " of module " + owner);
				}
			}
		});
		assertThat(violations).isEmpty();
	}

	@Test
	void aModulesSqlNamesOnlyTheTablesItOwns() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("nl.vangnet");
		classes().should(nameOnlyTablesOfTheirModule()).check(main);
	}

	@Test
	void theRuleSeesTablesInTextBlocksConstantsAndConcatenations() {
		assertThat(OWNERSHIP.named("select h.id from household h join trajectory t on t.household_id = h.id"))
			.containsExactlyInAnyOrder("household", "trajectory");
		assertThat(OWNERSHIP.named("x household_involves(h.id, :me, :today)")).containsExactly("household_involves");
		assertThat(OWNERSHIP.named("delete from debt_history where debt_id = :id")).containsExactly("debt_history");
		assertThat(OWNERSHIP.named("Choose from the list; update the form")).isEmpty();
		assertThat(OWNERSHIP.named(String.join("\n", stringsOf(Sample.class)))).containsExactly("debt", "plan_goal");
	}

	private static ArchCondition<JavaClass> nameOnlyTablesOfTheirModule() {
		return new ArchCondition<>("name only the tables of their own module in SQL") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				String module = moduleOf(type.getPackageName());
				if (module == null || READS_EVERY_TABLE.contains(module)
						|| READS_SHARED_ROWS.contains(type.getName())) {
					return;
				}
				for (String text : stringsOf(type)) {
					for (String object : OWNERSHIP.named(text)) {
						String owner = OWNERSHIP.owner(object);
						if (owner != null && !owner.equals(module) && !"platform".equals(owner)
								&& !OWNERSHIP.published(object)) {
							events.add(SimpleConditionEvent.violated(type,
									type.getName() + " (module " + module + ") names the table " + object
											+ " of module " + owner + ": read it through that module's API or a view"
											+ " its migration publishes, or declare a designed exception in "
											+ DataBoundaryTests.class.getSimpleName()));
						}
					}
				}
			}
		};
	}

	static String moduleOf(String packageName) {
		if (!packageName.startsWith("nl.vangnet.")) {
			return null;
		}
		String rest = packageName.substring("nl.vangnet.".length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	/**
	 * The string constants of a class: literals and text blocks, constant fields, and the
	 * constant parts of concatenations.
	 */
	static List<String> stringsOf(JavaClass type) {
		URI uri = type.getSource().orElseThrow().getUri();
		try (InputStream in = uri.toURL().openStream()) {
			return stringsOf(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> stringsOf(Class<?> type) {
		String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
		try (InputStream in = type.getResourceAsStream(file)) {
			return stringsOf(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> stringsOf(byte[] bytes) {
		List<String> strings = new ArrayList<>();
		new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
			@Override
			public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
				if (value instanceof String text) {
					strings.add(text);
				}
				return null;
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				return new MethodVisitor(Opcodes.ASM9) {
					@Override
					public void visitLdcInsn(Object value) {
						if (value instanceof String text) {
							strings.add(text);
						}
					}

					@Override
					public void visitInvokeDynamicInsn(String name, String descriptor, Handle handle,
							Object... arguments) {
						for (Object argument : arguments) {
							if (argument instanceof String text) {
								strings.add(text.replace('\u0001', ' ').replace('\u0002', ' '));
							}
						}
					}
				};
			}
		}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return strings;
	}

	/**
	 * The owner of every table, view and function the migrations create.
	 */
	record Ownership(Map<String, Migration> migrations, Map<String, String> owners, Set<String> publishedObjects,
			List<String> problems) {

		static Ownership fromMigrations() {
			Map<String, Migration> migrations = new LinkedHashMap<>();
			Map<String, String> owners = new LinkedHashMap<>();
			Set<String> published = new LinkedHashSet<>();
			List<String> problems = new ArrayList<>();
			try {
				Resource[] files = new PathMatchingResourcePatternResolver()
					.getResources("classpath*:db/migration/V*.sql");
				for (Resource file : files) {
					String name = file.getFilename();
					String version = name.substring(0, name.indexOf("__"));
					String sql = stripComments(file.getContentAsString(StandardCharsets.UTF_8), true);
					String declared = declaredModule(file.getContentAsString(StandardCharsets.UTF_8));
					Map<String, String> exceptions = new LinkedHashMap<>();
					String module = declared;
					String before = BEFORE_THE_RULE.get(version);
					if (before != null) {
						module = null;
						for (String part : before.split(" ")) {
							if (part.contains("=")) {
								exceptions.put(part.substring(0, part.indexOf('=')),
										part.substring(part.indexOf('=') + 1));
							}
							else {
								module = part;
							}
						}
					}
					else if (declared == null) {
						problems.add(name + " does not say which module it belongs to: begin it with a line"
								+ " \"-- Module: <name>\"");
					}
					migrations.put(name, new Migration((before != null) ? null : module, sql));
					Matcher created = CREATED.matcher(sql);
					while (created.find()) {
						String object = created.group(2).toLowerCase(Locale.ROOT);
						String owner = exceptions.getOrDefault(object, module);
						if (owner == null) {
							problems.add(name + " creates " + object + " without an owning module");
							continue;
						}
						String previous = owners.putIfAbsent(object, owner);
						if (previous != null && !previous.equals(owner)) {
							problems.add(name + " creates " + object + " of module " + previous + " for " + owner);
						}
						if (!"table".equalsIgnoreCase(created.group(1))) {
							published.add(object);
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (migrations.isEmpty()) {
				problems.add("no migrations found");
			}
			return new Ownership(migrations, owners, published, problems);
		}

		String owner(String object) {
			return this.owners.get(object.toLowerCase(Locale.ROOT));
		}

		boolean published(String object) {
			return this.publishedObjects.contains(object.toLowerCase(Locale.ROOT));
		}

		/**
		 * The tables, views and functions a piece of SQL names.
		 */
		Set<String> named(String sql) {
			Set<String> found = new TreeSet<>();
			Matcher named = NAMED.matcher(sql);
			while (named.find()) {
				String object = named.group(1).toLowerCase(Locale.ROOT);
				if (this.owners.containsKey(object)) {
					found.add(object);
				}
			}
			Matcher called = CALLED.matcher(sql);
			while (called.find()) {
				String object = called.group(1).toLowerCase(Locale.ROOT);
				if (this.owners.containsKey(object) && this.publishedObjects.contains(object)) {
					found.add(object);
				}
			}
			return found;
		}

		private static String declaredModule(String sql) {
			Matcher line = MODULE_LINE.matcher(sql.lines().findFirst().orElse(""));
			return line.find() ? line.group(1).toLowerCase(Locale.ROOT) : null;
		}

		private static String stripComments(String sql, boolean keepLines) {
			return sql.replaceAll("--[^\\n]*", keepLines ? "" : " ");
		}

	}

	record Migration(String module, String sql) {
	}

	/** Strings as the rule reads them from a class file. */
	@SuppressWarnings("unused")
	static final class Sample {

		static final String CONSTANT = "select id from plan_goal where household_id = :h";

		String concatenated(String columns) {
			return "insert into debt (" + columns + ") values (:id)";
		}

	}

}
