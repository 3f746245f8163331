package nl.vangnet.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The focus ring stands out at least 3:1 from every background it is drawn on (WCAG 2.2,
 * 1.4.11 and 2.4.13; issue 18, item 4): the page, the cards and the brand-coloured
 * header.
 */
class FocusRingContrastTests {

	@Test
	void theFocusRingHasAtLeastThreeToOneOnEveryBackground() throws IOException {
		Map<String, String> colours = colours();
		for (String background : new String[] { "--paper", "--wash" }) {
			assertThat(contrast(colours.get("--focus"), colours.get(background))).as("focus ring on " + background)
				.isGreaterThanOrEqualTo(3.0);
		}
		assertThat(contrast(colours.get("--focus-on-brand"), colours.get("--brand"))).as("focus ring in the header")
			.isGreaterThanOrEqualTo(3.0);
		assertThat(css()).contains("header.top a:focus-visible").contains("outline-color: var(--focus-on-brand)");
	}

	private static String css() throws IOException {
		try (InputStream in = FocusRingContrastTests.class.getResourceAsStream("/static/css/app.css")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Map<String, String> colours() throws IOException {
		Map<String, String> colours = new HashMap<>();
		Matcher matcher = Pattern.compile("(--[a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(css());
		while (matcher.find()) {
			colours.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		return colours;
	}

	static double contrast(String a, String b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	private static double luminance(String hex) {
		double[] rgb = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			rgb[i] = (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
	}

	@Test
	void theOldAmberRingWouldHaveFailed() {
		assertThat(contrast("#f2b705", "#ffffff")).isLessThan(3.0);
	}

}
