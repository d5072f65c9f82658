package vn.tonghop.samples;

import java.util.Map;
import java.util.Random;

/**
 * Plausible, made-up Vietnamese names for synthetic unions and the people who fill in
 * forms.
 */
final class Names {

	private static final String[] PLACES = { "An Phú", "Bình Minh", "Tân Thành", "Hòa Bình", "Phú Mỹ", "Long Hải",
			"Thuận An", "Đông Hòa", "Tân Uyên", "Hưng Lợi", "Quang Trung", "Trần Phú", "Nam Sơn", "Phước Long",
			"Hòa Khánh", "Cẩm Thành", "Yên Thế", "Tiên Sơn", "Vĩnh Hưng", "Mỹ Xuân" };

	private static final String[] TRADES = { "May", "Cơ khí", "Xây dựng", "Thực phẩm", "Bao bì", "Nhựa", "Gỗ",
			"Vận tải", "Dệt", "Giày da", "Thủy sản", "Điện tử", "Vật liệu xây dựng", "Dược phẩm", "In" };

	private static final String[] BRANDS = { "Phú Thịnh", "Hồng Phát", "Thành Đạt", "Sao Mai", "Tân Tiến", "Đông Á",
			"Trường Thành", "Hoàng Long", "Phong Phú", "Hưng Thịnh", "Minh Khang", "Việt Tín", "An Khang", "Kim Long",
			"Bảo Ngọc", "Đại Dương" };

	private static final String[] FOREIGN = { "Daeyang", "Kwang Il", "Shinwoo", "Meiwa", "Kyoei", "Hansol", "Sunrise",
			"Pacific Star", "Tae Kwang", "Evergreen", "Nichirin", "Golden Bay" };

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ",
			"Huỳnh", "Phan", "Vũ" };

	private static final String[] GIVEN = { "Thị Lan", "Văn Hùng", "Thị Thu Hà", "Minh Tuấn", "Thị Mai", "Văn Nam",
			"Thị Hồng", "Quang Huy", "Thị Ngọc", "Văn Phúc", "Thị Hạnh", "Đức Thắng" };

	private static final Map<String, String[]> KINDS = Map.of("HCSN", new String[] { "Công đoàn Bệnh viện Đa khoa %s",
			"Công đoàn Trung tâm Y tế %s", "Công đoàn Trường Cao đẳng Kỹ thuật %s", "Công đoàn Ban Quản lý dự án %s" },
			"DNNN",
			new String[] { "Công đoàn Công ty TNHH MTV %s", "Công đoàn Công ty Điện lực %s",
					"Công đoàn Công ty Cấp nước %s" },
			"NNN", new String[] { "Công đoàn Công ty TNHH %s", "Công đoàn Công ty Cổ phần %s" }, "FDI",
			new String[] { "Công đoàn Công ty TNHH %s Việt Nam" }, "HTX",
			new String[] { "Công đoàn Hợp tác xã %s", "Công đoàn Hợp tác xã Nông nghiệp %s" }, "XP",
			new String[] { "Công đoàn cơ sở xã %s", "Công đoàn cơ sở phường %s" }, "KHAC",
			new String[] { "Nghiệp đoàn Vận tải %s", "Nghiệp đoàn Nghề cá %s" });

	private Names() {
	}

	/** A union name fitting the sector. */
	static String union(Random random, String sectorCode) {
		String[] kinds = KINDS.get(sectorCode);
		String kind = kinds[random.nextInt(kinds.length)];
		String what = switch (sectorCode) {
			case "DNNN", "NNN" -> (kind.contains("Điện lực") || kind.contains("Cấp nước")) ? pick(random, PLACES)
					: pick(random, TRADES) + " " + pick(random, BRANDS);
			case "FDI" -> pick(random, TRADES) + " " + pick(random, FOREIGN);
			case "HTX" -> pick(random, BRANDS);
			default -> pick(random, PLACES);
		};
		return String.format(kind, what);
	}

	static String person(Random random) {
		return pick(random, FAMILY) + " " + pick(random, GIVEN);
	}

	static String phone(Random random) {
		String[] prefixes = { "091", "098", "090", "097", "083", "035" };
		return pick(random, prefixes) + String.format(" %03d %04d", random.nextInt(1000), random.nextInt(10000));
	}

	static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

}
