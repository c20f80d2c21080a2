package id.posindonesia.balas.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, on a laptop-sized window. Both come from the
 * {@code chromium} and {@code chromium-driver} packages, which {@code .ci/run} installs: on CI (where {@code CI} is
 * set) a missing browser fails the test; elsewhere the test is skipped.
 */
final class Chromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private Chromium() {
	}

	static ChromeDriver start(int width, int height) {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		String missing = "The console's browser test needs " + BROWSER + " and " + DRIVER
				+ ": apt-get install -y chromium chromium-driver (.ci/run does it)";
		if (System.getenv("CI") != null) {
			Assertions.assertTrue(installed, missing);
		}
		else {
			Assumptions.assumeTrue(installed, missing);
		}
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
			// root in a container: Chromium's sandbox needs user namespaces that are not there
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=" + width + "," + height, "--lang=id-ID");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		// the window's size includes what headless Chromium still counts as its frame: the page gets the size asked
		Map<?, ?> inner = (Map<?, ?>) browser.executeScript("return {w: window.innerWidth, h: window.innerHeight};");
		browser.manage().window().setSize(new Dimension(2 * width - ((Number) inner.get("w")).intValue(),
				2 * height - ((Number) inner.get("h")).intValue()));
		return browser;
	}

	/** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
	static Path screenshot(ChromeDriver browser, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
