package vn.tonghop.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms sent to the running console over HTTP as a browser sends them (through Tomcat,
 * which MockMvc skips): a client signed in with its session cookie, a page's CSRF token,
 * a multipart upload.
 */
public final class HttpForms {

	private HttpForms() {
	}

	/** A client signed in to {@code server} as {@code username}. */
	public static HttpClient signedIn(ConsoleServer server, String username, String password) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String signIn = http
			.send(HttpRequest.newBuilder(server.url("/sign-in")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String token = match(signIn, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(server.url("/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
						+ "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return http;
	}

	/** The first group of {@code pattern} in {@code text}, unescaped. */
	public static String match(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		assertThat(matcher.find()).as(pattern).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	/**
	 * A multipart form as a page sends it: the CSRF token and the fields before the file
	 * {@code name} in part {@code file}.
	 */
	public static HttpRequest multipartPost(URI uri, String token, Map<String, String> fields, String name,
			byte[] content) {
		String boundary = "----tonghop" + System.nanoTime();
		List<byte[]> parts = new ArrayList<>();
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		fields.forEach((field, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ field + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8)));
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		parts.add(content);
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
			.build();
	}

}
