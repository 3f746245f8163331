package nl.vangnet.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar vangnet.jar bench-monitor [--from D] [--to D] [--repeat N] [--warmup N] [--out FILE]
 * [--explain] [--dump FILE] [--export DIR]}: counts the monitor of every participant a
 * few times and writes the timings (after the warm-ups, default 3: the JIT compiles the
 * counting's Java in the first few; then the median and the fastest) to a file; used by
 * {@code bench/run.sh}, never by the build. {@code --export} writes the rows the monitor
 * counts from as CSV files, and the reference statements' results, for
 * {@code bench/MonitorDuckDB.java} to count the same tables in DuckDB.
 */
@Component
@ConditionalOnProperty(name = "vangnet.command", havingValue = "bench-monitor")
class BenchmarkCommand implements ApplicationRunner {

	private final MonitorService monitor;

	private final JdbcClient jdbc;

	BenchmarkCommand(MonitorService monitor, JdbcClient jdbc) {
		this.monitor = monitor;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments arguments) throws IOException {
		String[] args = arguments.getSourceArgs();
		LocalDate from = LocalDate.parse(GenerateCommand.option(args, "from", "2019-01-01"));
		LocalDate to = LocalDate.parse(GenerateCommand.option(args, "to", "2021-08-31"));
		int repeat = Integer.parseInt(GenerateCommand.option(args, "repeat", "5"));
		Path out = Path.of(GenerateCommand.option(args, "out", "bench/results.md"));
		long households = this.monitor.participantsHouseholds(this.jdbc);
		Map<String, Object> report = null;
		for (int i = Integer.parseInt(GenerateCommand.option(args, "warmup", "3")); i > 0; i--) {
			report = this.monitor.participantsMonitor(from, to);
		}
		long[] ms = new long[repeat];
		for (int i = 0; i < repeat; i++) {
			long started = System.nanoTime();
			report = this.monitor.participantsMonitor(from, to);
			ms[i] = (System.nanoTime() - started) / 1_000_000;
		}
		Arrays.sort(ms);
		String line = String.format("| %,d | %s | %d | %d ms | %d ms |%n", households,
				((Cell) report.get("population")).count(), repeat, ms[repeat / 2], ms[0]);
		System.out.print(line);
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		String dump = GenerateCommand.option(args, "dump", null);
		if (dump != null) {
			// The whole report, to compare two versions of the counting on the same data.
			Files.writeString(Path.of(dump), String.valueOf(report));
		}
		String export = GenerateCommand.option(args, "export", null);
		if (export != null) {
			this.monitor.exportParticipants(Path.of(export), from, to);
		}
		if (Arrays.asList(args).contains("--explain")) {
			String plans = this.monitor.explainParticipants(from, to);
			Files.writeString(Path.of(out + ".plans-" + households + ".txt"), plans);
		}
	}

}
