package vn.tonghop.samples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import vn.tonghop.template.FormContent;

/**
 * Realistic figures for one union's return, drawn from a {@link Random}: the same random
 * state gives the same figures. Every figure keeps the return clean: female values at
 * most the total, members at most the workers, B03 at most 15% of B02, C03 ≤ C02 ≤ C01,
 * F02 ≤ F01, C04 ≤ A04, B05 ≤ A02, B06 at most the female workers; money in đồng, in
 * millions.
 */
final class Figures {

	/** Size and make-up of a union's workforce, by sector. */
	record Profile(int minWorkers, int maxWorkers, double minFemaleShare, double maxFemaleShare) {
	}

	static final String[] RATINGS = { "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
			"Không hoàn thành nhiệm vụ" };

	private static final Map<String, Profile> PROFILES = Map.of("HCSN", new Profile(25, 400, 0.45, 0.75), "DNNN",
			new Profile(80, 1500, 0.15, 0.45), "NNN", new Profile(20, 900, 0.25, 0.8), "FDI",
			new Profile(250, 6000, 0.5, 0.85), "HTX", new Profile(8, 60, 0.3, 0.6), "XP", new Profile(12, 45, 0.3, 0.6),
			"KHAC", new Profile(10, 150, 0.1, 0.5));

	private Figures() {
	}

	static Profile profile(String sectorCode) {
		Profile profile = PROFILES.get(sectorCode);
		if (profile == null) {
			throw new IllegalArgumentException("no figure profile for sector " + sectorCode);
		}
		return profile;
	}

	/**
	 * Figures for a union of the given sector.
	 * @param random the source of randomness
	 * @param sectorCode a code of {@code reference/sectors.csv}
	 * @param blankChance the chance that an optional indicator is left blank
	 * @return entries by code, in catalogue order
	 */
	static Map<String, FormContent.Entry> generate(Random random, String sectorCode, double blankChance) {
		return generate(random, profile(sectorCode), blankChance);
	}

	/** Figures for a union of the given size and make-up. */
	static Map<String, FormContent.Entry> generate(Random random, Profile profile, double blankChance) {
		double share = between(random, profile.minFemaleShare(), profile.maxFemaleShare());
		Map<String, FormContent.Entry> values = new LinkedHashMap<>();

		int a01 = (int) Math
			.round(Math.exp(between(random, Math.log(profile.minWorkers()), Math.log(profile.maxWorkers()))));
		int a01nu = clamp(Math.round(a01 * share), a01);
		int a02 = clamp(Math.round(a01 * between(random, 0.78, 1.0)), a01);
		int a02nu = clamp(Math.round(a02 * (double) a01nu / a01), Math.min(a02, a01nu));
		values.put("A01", new FormContent.Entry(a01, a01nu));
		values.put("A02", new FormContent.Entry(a02, a02nu));
		int a03 = clamp(Math.round(a02 * between(random, 0.0, 0.08)), a02);
		values.put("A03", new FormContent.Entry(a03, female(random, a03, share, a02nu)));
		int a04 = Math.max(1, (int) Math.round(a02 / between(random, 8, 25)));
		values.put("A04", FormContent.Entry.of(a04));

		int b01 = clamp(Math.round(a02 * between(random, 0.85, 1.0)), a01);
		int b01nu = female(random, b01, share, a01nu);
		values.put("B01", new FormContent.Entry(b01, b01nu));
		int b02 = clamp(Math.round(b01 * between(random, 0.7, 0.95)), b01);
		int b02nu = female(random, b02, share, b01nu);
		values.put("B02", new FormContent.Entry(b02, b02nu));
		int b03 = clamp((long) Math.floor(b02 * between(random, 0.03, 0.15)), (int) Math.floor(b02 * 0.15));
		values.put("B03", new FormContent.Entry(b03, female(random, b03, share, b02nu)));
		int b04 = clamp(Math.round(b02 * between(random, 0.1, 0.3)), b02);
		values.put("B04", new FormContent.Entry(b04, female(random, b04, share, b02nu)));
		int b05 = clamp(Math.round(a02 * between(random, 0.1, 0.35)), a02);
		values.put("B05", new FormContent.Entry(b05, female(random, b05, share, a02nu)));
		values.put("B06", FormContent.Entry.of(clamp(Math.round(a02nu * between(random, 0.1, 0.5)), a01nu)));
		values.put("B07", FormContent.Entry.of((int) Math.round(a01 * between(random, 0.0, 0.05))));

		int c01 = Math.max(1, (int) Math.round(a04 * between(random, 0.8, 1.5)));
		int c02 = clamp(Math.round(c01 * between(random, 0.6, 1.0)), c01);
		int c03 = clamp((long) Math.floor(c02 * between(random, 0.1, 0.4)), c02);
		values.put("C01", FormContent.Entry.of(c01));
		values.put("C02", FormContent.Entry.of(c02));
		values.put("C03", FormContent.Entry.of(c03));
		values.put("C04", FormContent.Entry.of(clamp((long) Math.floor(a04 * between(random, 0.0, 0.5)), a04)));

		int d01 = Math.min(a02, random.nextInt(4));
		values.put("D01", new FormContent.Entry(d01, female(random, d01, share, a02nu)));
		values.put("D02", FormContent.Entry.of(Math.min(c01, random.nextInt(3))));
		int d03 = clamp(Math.round(a02 * between(random, 0.02, 0.1)), a02);
		values.put("D03", new FormContent.Entry(d03, female(random, d03, share, a02nu)));
		values.put("D04", FormContent.Entry.of(random.nextInt(c01 / 2 + 1)));

		int e01 = random.nextInt(Math.min(5, a02 / 10) + 1);
		int e01nu = female(random, e01, share, a02nu);
		values.put("E01", new FormContent.Entry(e01, e01nu));
		int e02 = random.nextInt(e01 + 1);
		values.put("E02", new FormContent.Entry(e02, female(random, e02, share, e01nu)));
		values.put("E03", FormContent.Entry.of((int) Math.round(a02 * between(random, 0.02, 0.12))));
		values.put("E04", FormContent.Entry.of((int) Math.round(a02 * between(random, 0.1, 1.2))));
		values.put("E05", FormContent.Entry.of((random.nextInt(10) < 8) ? 0 : 1 + random.nextInt(2)));
		values.put("E06", FormContent.Entry.of(roundTo(a02 * between(random, 300_000, 2_500_000), 100_000)));
		values.put("E07",
				FormContent.Entry.of(roundTo(Math.max(2_000_000, a02 * between(random, 50_000, 400_000)), 500_000)));
		values.put("E08", FormContent.Entry.of(clamp(Math.round(a02 * between(random, 0.6, 0.95)), a02)));

		int f01 = 5 + random.nextInt(8);
		values.put("F01", FormContent.Entry.of(f01));
		values.put("F02", FormContent.Entry.of(f01 - Math.min(f01, random.nextInt(3))));
		int roll = random.nextInt(100);
		String rating = (roll < 40) ? RATINGS[0] : (roll < 85) ? RATINGS[1] : (roll < 97) ? RATINGS[2] : RATINGS[3];
		values.put("F03", FormContent.Entry.of(rating));
		values.put("F04", FormContent.Entry.of((random.nextInt(10) < 7) ? "Có" : "Không"));

		if (blankChance > 0) {
			for (String optional : new String[] { "A03", "B07", "D01", "D02", "D04", "E02", "E05", "E08", "F04" }) {
				if (random.nextDouble() < blankChance) {
					values.remove(optional);
				}
			}
		}
		return values;
	}

	/** The female part of a total: about {@code share} of it, never above {@code cap}. */
	private static int female(Random random, int total, double share, int cap) {
		long value = Math.round(total * share * between(random, 0.9, 1.1));
		return clamp(value, Math.min(total, cap));
	}

	private static int clamp(long value, int max) {
		return (int) Math.max(0, Math.min(value, max));
	}

	private static long roundTo(double value, long step) {
		return Math.max(step, Math.round(value / step) * step);
	}

	private static double between(Random random, double min, double max) {
		return min + (max - min) * random.nextDouble();
	}

}
