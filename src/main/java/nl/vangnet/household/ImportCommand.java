package nl.vangnet.household;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar vangnet.jar import FILE}: imports a vangnet-household/1 JSON Lines
 * file as the system, for the organisations the file names, all or nothing; prints the
 * counts or every invalid line, then the application exits (1 when nothing was stored).
 */
@Component
@ConditionalOnProperty(name = "vangnet.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private final HouseholdFiles files;

	private int exitCode;

	ImportCommand(HouseholdFiles files) {
		this.files = files;
	}

	@Override
	public void run(ApplicationArguments arguments) throws IOException {
		List<String> args = arguments.getNonOptionArgs();
		if (args.size() < 2) {
			System.err.println("Usage: java -jar vangnet.jar import FILE");
			this.exitCode = 2;
			return;
		}
		String content = Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8);
		HouseholdFiles.Report report = TenantScope.callAs(TenantScope.Scope.system(Set.of()),
				() -> this.files.importFile(content, Locale.ENGLISH));
		if (report.stored()) {
			System.out.println("Imported " + report.lines() + " households: " + report.created() + " new, "
					+ report.replaced() + " replaced.");
		}
		else {
			System.err.println("Nothing was imported. Invalid lines:");
			report.errors()
				.forEach((e) -> System.err.println("line " + e.line() + ", " + e.field() + ": " + e.reason()));
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
