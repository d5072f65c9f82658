package vn.tonghop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.apache.commons.logging.LogFactory;

import picocli.CommandLine;
import vn.tonghop.job.HeapWatch;
import vn.tonghop.job.RunLock;
import vn.tonghop.store.DamagedStoreException;

/** Entry point of {@code tonghop.jar}: parses the command line and runs the command. */
public final class TonghopMain {

	private TonghopMain() {
	}

	/** The commands that run a job on the data folder, under its run lock. */
	static final List<String> JOBS = List.of("run", "ingest", "consolidate");

	/** The resource bundle of picocli's own texts in the usage help. */
	static final String USAGE_TEXTS = "i18n.cli";

	public static void main(String[] args) {
		// a second run on a data folder in use: refused before logging starts
		Integer refused = EarlyRefusal.status(args, System.err);
		if (refused != null) {
			System.exit(refused);
		}
		jdkXmlParsers();
		log4jProvider();
		Stopping.recordSignals();
		HeapWatch.start();
		System.exit(execute(args));
	}

	/**
	 * The JDK's own StAX factories for everything that looks one up (POI, the streaming
	 * reader): Aalto, on the class path for the fast {@code .xlsx} path only, would
	 * otherwise be found first. The Maven build sets the same for the tests.
	 * <p>
	 * The SAX, DOM and XSLT factories are named too, although the JDK's are the only ones
	 * on the class path: named, they are made at once; not named, each look-up searched
	 * the whole class path for another first. POI looks one up for each part of a
	 * workbook it opens or saves; for the feedback copies that search was 4-6% of the
	 * time (profiled, 1,000 copies).
	 */
	static void jdkXmlParsers() {
		// a factory chosen with -D on the java command line stays
		JDK_XML_FACTORIES.forEach(System.getProperties()::putIfAbsent);
	}

	/**
	 * The Log4j API, through which POI logs, picks its provider here, on the main thread,
	 * whose class loader sees tonghop's classes ({@code EagerLevelLogging}, named in
	 * {@code log4j2.component.properties}). Left to the first thread that logs, it could
	 * be a pool thread of a parallel stream, which in the packaged jar sees the JDK's
	 * classes only: Log4j printed an error with a stack trace, then took another
	 * provider.
	 */
	static void log4jProvider() {
		org.apache.logging.log4j.LogManager.getFactory();
	}

	/** The JDK's XML factories, by the system property that names each. */
	static final Map<String, String> JDK_XML_FACTORIES = Map.of("javax.xml.stream.XMLInputFactory",
			"com.sun.xml.internal.stream.XMLInputFactoryImpl", "javax.xml.stream.XMLOutputFactory",
			"com.sun.xml.internal.stream.XMLOutputFactoryImpl", "javax.xml.stream.XMLEventFactory",
			"com.sun.xml.internal.stream.events.XMLEventFactoryImpl", "javax.xml.parsers.SAXParserFactory",
			"com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl", "javax.xml.parsers.DocumentBuilderFactory",
			"com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
			"javax.xml.transform.TransformerFactory",
			"com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");

	/**
	 * Runs a command and returns its exit status: 0 when the job ran (rejected returns
	 * are findings, not failures), 2 for bad arguments, 1 when the job itself failed, 3
	 * ({@link RunLock#BUSY_STATUS}) when another run is using the database, 4
	 * ({@link ConsolidateCommand#UNFINISHED_STATUS}) when {@code consolidate} finds the
	 * year's last ingest unfinished; a job command stopped by SIGTERM exits with 143, by
	 * SIGINT (Ctrl-C) with 130 ({@link Stopping}).
	 */
	public static int execute(String... args) {
		CommandLine commandLine = new CommandLine(new TonghopCommand());
		// picocli's own texts (Usage:, Commands:, the help and version options) in
		// Vietnamese, for every command
		commandLine.setResourceBundle(ResourceBundle.getBundle(USAGE_TEXTS));
		commandLine.setParameterExceptionHandler(new BadArguments());
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			RunLock.Busy busy = busy(ex);
			if (busy != null) {
				line.getErr().println(busy.getMessage());
				return RunLock.BUSY_STATUS;
			}
			if (ex instanceof Arguments.NoRoom noRoom) {
				line.getErr().println(noRoom.getMessage());
				return 2;
			}
			DamagedStoreException damaged = DamagedStoreException.in(ex);
			if (damaged != null) {
				// the one line says what is damaged and how to recover; the trace is at
				// DEBUG
				line.getErr().println(damaged.getMessage());
				LogFactory.getLog(TonghopMain.class).debug(damaged.getMessage(), ex);
				return 1;
			}
			line.getErr().println("Lỗi: " + rootMessage(ex));
			return 1;
		});
		Map<String, String> exitCodes = new LinkedHashMap<>();
		exitCodes.put("0", "Đã chạy xong (báo cáo bị từ chối là phát hiện, không phải lỗi).");
		exitCodes.put("1", "Lần chạy thất bại.");
		exitCodes.put("2", "Tham số không hợp lệ, hoặc thư mục dữ liệu, thư mục kết quả hay thư mục tạm không ghi được"
				+ " hay không đủ chỗ trống (tonghop.limits.min-free-space).");
		exitCodes.put("3", "Một lần chạy khác đang dùng cơ sở dữ liệu; không thay đổi gì, hãy chạy lại sau.");
		exitCodes.put("130", "Đã dừng bằng Ctrl-C (SIGINT); chạy lại đúng lệnh này để chạy tiếp từ chỗ đã dừng.");
		exitCodes.put("143", "Đã dừng bằng SIGTERM; chạy lại đúng lệnh này để chạy tiếp từ chỗ đã dừng.");
		for (String job : JOBS) {
			Map<String, String> codes = new LinkedHashMap<>();
			exitCodes.forEach((code, meaning) -> {
				codes.put(code, meaning);
				if (code.equals("3") && job.equals("consolidate")) {
					codes.put(Integer.toString(ConsolidateCommand.UNFINISHED_STATUS),
							"Lần nhận báo cáo gần nhất của năm chưa xong: chưa tổng hợp gì (xem --allow-unfinished).");
				}
			});
			commandLine.getSubcommands()
				.get(job)
				.getCommandSpec()
				.usageMessage()
				.exitCodeListHeading("%nMã thoát:%n")
				.exitCodeList(codes);
		}
		Map<String, String> serveCodes = new LinkedHashMap<>();
		serveCodes.put("143", "Đã dừng bằng SIGTERM (130: bằng Ctrl-C), sau khi lần chạy đang dở đã xong.");
		serveCodes.put("1", "Không khởi động được (ví dụ: cổng đang được dùng).");
		serveCodes.put("2", "Tham số hoặc cấu hình tonghop.serve không hợp lệ.");
		serveCodes.put("3", "Một tiến trình khác đang giữ cơ sở dữ liệu H2 nhúng.");
		commandLine.getSubcommands()
			.get("serve")
			.getCommandSpec()
			.usageMessage()
			.exitCodeListHeading("%nMã thoát:%n")
			.exitCodeList(serveCodes);
		return commandLine.execute(args);
	}

	private static RunLock.Busy busy(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof RunLock.Busy busy) {
				return busy;
			}
		}
		return null;
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return (message != null) ? message : cause.getClass().getName();
	}

}
