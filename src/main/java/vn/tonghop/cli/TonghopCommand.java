package vn.tonghop.cli;

import picocli.CommandLine.Command;

/** {@code tonghop}: the command and its subcommands. */
@Command(name = "tonghop", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "Tổng hợp báo cáo thi đua của công đoàn cơ sở (consolidates grassroots unions' emulation returns).",
		subcommands = { RunCommand.class, ServeCommand.class, IngestCommand.class, ConsolidateCommand.class,
				RegistryCommand.class, TraceCommand.class, TemplateCommand.class, HistoryCommand.class,
				UserCommand.class, DeadlineCommand.class, SamplesCommand.class, GenerateCommand.class })
class TonghopCommand {

}
