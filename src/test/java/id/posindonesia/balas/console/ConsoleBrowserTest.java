package id.posindonesia.balas.console;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.InstagramCustomer;
import id.posindonesia.balas.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real headless Chromium, against the whole application: an agent logs in through the form, sees a
 * customer who asks for a human appear in the queue without reloading, claims the conversation, reads its
 * transcript, answers (the answer reaches the Send API) and gives it back to the bot; then takes it again from the
 * recent conversations and resolves it. Screenshots of each step are saved under {@code target/console-screenshots/}.
 */
@BalasIntegrationTest
class ConsoleBrowserTest {

	private static final String ACCOUNT = "17841400000000001";

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private AgentDirectory agents;

	@Autowired
	private Sandbox sandbox;

	private ChromeDriver browser;

	private WebDriverWait wait;

	private String screenshotPrefix;

	@BeforeEach
	void startTheBrowser(TestInfo test) {
		browser = Chromium.start(1366, 768);
		wait = new WebDriverWait(browser, PATIENCE);
		screenshotPrefix = test.getTestMethod().orElseThrow().getName() + "-";
	}

	@AfterEach
	void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAgentTakesAQueuedConversationAnswersItAndGivesItBack() {
		String agent = "budi-" + UUID.randomUUID().toString().substring(0, 6);
		agents.add(agent, "password-of-" + agent, AgentRole.AGENT).block();
		InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());
		String conversation = customer.conversationId();
		try {
			browser.get("http://localhost:" + port + "/console");
			wait.until(ExpectedConditions.urlContains("/console/login"));
			screenshot("1-login");
			browser.findElement(By.id("username")).sendKeys(agent);
			browser.findElement(By.id("password")).sendKeys("password-of-" + agent, Keys.ENTER);
			wait.until(ExpectedConditions.textToBe(By.id("connection"), "Tersambung"));
			assertThat(browser.findElement(By.id("me-name")).getText()).isEqualTo(agent);
			browser.executeScript("window.stillTheSamePage = true;");
			screenshot("2-console");

			customer.write("min tolong sambungin ke admin dong kak <b>segera</b>");
			By queued = By.cssSelector("#queue .item[data-id='" + conversation + "']");
			WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(queued));
			assertThat(browser.executeScript("return window.stillTheSamePage === true;"))
				.as("the queue updated without a reload").isEqualTo(true);
			assertThat(item.getText()).contains("Minta bicara dengan agen", "sambungin ke admin");
			String waited = item.findElement(By.className("time")).getText();
			wait.until(driver -> !driver.findElement(queued).findElement(By.className("time")).getText().equals(waited));
			screenshot("3-queued-live");

			item.click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "sambungin ke admin"));
			assertThat(browser.findElement(By.cssSelector("#transcript .line.CUSTOMER .bubble")).getText())
				.as("what customers write is shown, never run as markup")
				.endsWith("dong kak <b>segera</b>");
			assertThat(browser.findElements(By.cssSelector(".sidebar b, #transcript b"))).isEmpty();
			wait.until(ExpectedConditions.textToBe(By.id("fact-username"), "@pelanggan_" + customer.id()));
			assertThat(browser.findElement(By.id("fact-followers")).getText()).isEqualTo("120");
			assertThat(browser.findElement(By.id("reply-text")).isEnabled()).as("no reply before the claim").isFalse();
			screenshot("4-conversation");

			browser.findElement(By.id("claim")).click();
			wait.until(ExpectedConditions.textToBe(By.id("conv-status"), "Anda menangani percakapan ini"));
			wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("#held .item[data-id='" + conversation + "']")));
			assertThat(browser.findElements(queued)).isEmpty();
			WebElement reply = browser.findElement(By.id("reply-text"));
			wait.until(ExpectedConditions.elementToBeClickable(reply));
			screenshot("5-claimed");

			String marker = UUID.randomUUID().toString().substring(0, 8);
			reply.sendKeys("Halo Kak, saya cek dulu ya.", Keys.chord(Keys.SHIFT, Keys.ENTER), "Kode " + marker,
					Keys.ENTER);
			await().atMost(PATIENCE).until(() -> customer.texts().stream().anyMatch(text -> text.contains(marker)));
			assertThat(customer.texts()).anyMatch(text -> text.contains("Halo Kak, saya cek dulu ya.\\nKode " + marker));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#transcript .line.AGENT"),
					"Kode " + marker));
			assertThat(browser.findElement(By.cssSelector("#transcript .line.AGENT .by")).getText())
				.startsWith(agent + " (Anda)");
			assertThat(browser.findElements(By.cssSelector("#transcript .line.CUSTOMER"))).isNotEmpty();
			assertThat(browser.findElements(By.cssSelector("#transcript .line.BOT"))).isNotEmpty();
			assertThat(reply.getAttribute("value")).as("the box empties once sent").isEmpty();

			new Select(browser.findElement(By.id("canned"))).selectByVisibleText("Minta nomor resi");
			assertThat(reply.getAttribute("value")).startsWith("Boleh kami minta nomor resi");
			reply.sendKeys(Keys.ENTER);
			await().atMost(PATIENCE)
				.until(() -> customer.texts().stream().anyMatch(text -> text.contains("Boleh kami minta nomor resi")));
			screenshot("6-replied");

			int sentBeforeRelease = customer.texts().size();
			browser.findElement(By.id("release")).click();
			wait.until(ExpectedConditions.textToBe(By.id("conv-status"), "Dilayani bot"));
			wait.until(ExpectedConditions.invisibilityOfElementLocated(
					By.cssSelector(".sidebar .item[data-id='" + conversation + "']")));
			await().atMost(PATIENCE).until(() -> customer.texts().size() > sentBeforeRelease);
			assertThat(browser.findElement(By.id("reply-text")).isEnabled()).isFalse();
			assertThat(browser.findElement(By.id("claim")).isDisplayed()).as("it can be taken again").isTrue();
			screenshot("7-released");

			// any recent conversation can be taken, queued or not, and closed with an outcome
			browser.findElement(By.id("tab-recent")).click();
			wait.until(ExpectedConditions.elementToBeClickable(
					By.cssSelector("#recent .item[data-id='" + conversation + "']")))
				.click();
			wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
			wait.until(ExpectedConditions.textToBe(By.id("conv-status"), "Anda menangani percakapan ini"));
			assertThat(browser.findElement(By.id("fact-reason")).getText()).isEqualTo("Diambil agen");
			browser.findElement(By.id("resolve")).click();
			browser.findElement(By.id("outcome")).sendKeys("Informasi sudah diberikan", Keys.ENTER);
			// the event may say it before the answer to the request does
			wait.until(ExpectedConditions.textToBe(By.id("notice-text"), "Percakapan diselesaikan."));
			assertThat(browser.findElement(By.id("conv-status")).getText()).isEqualTo("Dilayani bot");
			screenshot("8-resolved");
		}
		catch (RuntimeException | AssertionError failure) {
			screenshot("failure");
			throw failure;
		}
	}

	private void screenshot(String step) {
		Chromium.screenshot(browser, screenshotPrefix + step);
	}

}
