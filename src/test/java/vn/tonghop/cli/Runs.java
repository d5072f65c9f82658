package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.TestDatabase;

/** Runs the command line as a user would, and reads back what it wrote. */
final class Runs {

	private Runs() {
	}

	/** What a command printed and its exit status. */
	record Result(int status, String out, String err) {
	}

	/**
	 * Runs the command line in this JVM. In the PostgreSQL run of the integration tests,
	 * {@code --data-dir X} becomes {@code --db} with the PostgreSQL database made for X.
	 */
	static synchronized Result tonghop(String... given) {
		String[] args = given.clone();
		if (TestDatabase.postgresql()) {
			for (int i = 0; i < args.length - 1; i++) {
				if (args[i].equals("--data-dir")) {
					args[i] = "--db";
					args[i + 1] = TestDatabase.url(Path.of(args[i + 1]));
				}
			}
		}
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
			int status = TonghopMain.execute(args);
			return new Result(status, outBytes.toString(StandardCharsets.UTF_8),
					errBytes.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	static List<String[]> csv(Path file) throws Exception {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		// the byte order mark every CSV of ours begins with (for Excel), passed over
		try (Reader reader = new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			return csv.readAll();
		}
	}

	/**
	 * The answer of a single-value query on a connection of the application's own pool,
	 * as the commands open the database of {@code options}: with their settings.
	 */
	static String asked(DatabaseOptions options, String sql) throws Exception {
		String[] answer = new String[1];
		Spring.inContext(options, (context) -> {
			answer[0] = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(sql, String.class);
			return 0;
		});
		return answer[0];
	}

	/**
	 * The value of a single-value query against the embedded database under
	 * {@code dataDir}.
	 */
	static long count(Path dataDir, String sql) throws Exception {
		try (Connection connection = TestDatabase.connect(dataDir);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static List<String> column(List<String[]> rows, String name) {
		int index = List.of(rows.get(0)).indexOf(name);
		List<String> values = new ArrayList<>();
		for (String[] row : rows.subList(1, rows.size())) {
			values.add(row[index]);
		}
		return values;
	}

}
