package io.consort.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16's "try every call from a browser": a real headless Chromium (Debian's, driven by Selenium through Debian's
 * chromedriver) opens Swagger UI at the gateway, signs in through Keycloak's login page as a channel manager with the
 * {@code consort-portal} client (authorization code + PKCE, in Swagger UI's own popup), and runs "list programs"
 * from the merged document against the whole stack: the call goes through the gateway's edge check to recruitment
 * with the token the browser got, and answers 200.
 */
class SwaggerUiBrowserIT {

    private static final String CHROMIUM = System.getProperty("consort.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("consort.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90); // a cold Keycloak on a loaded 2-core machine

    private static SuiteStack stack;
    private static Path profile;
    private static ChromeDriverService service;
    private static WebDriver browser;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        ensureChromium();
        stack = SuiteStack.get();
        profile = Files.createTempDirectory("consort-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,2000", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    @Test
    void aManagerSignsInThroughKeycloakInSwaggerUiAndListsPrograms() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get(stack.gateway() + "/q/swagger-ui/");
        // The merged document has loaded once its operations are listed.
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-Programs-listPrograms")));
        String page = browser.getWindowHandle();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".scheme-container button.authorize"))).click();
        // The keycloak scheme's dialog: client consort-portal and PKCE come from the page's initOAuth; its Authorize opens the login.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-container .auth-btn-wrapper button.authorize"))).click();
        wait.until(d -> d.getWindowHandles().size() > 1);
        String login = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.switchTo().window(login);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("manager-pw");
        String loginPage = browser.getCurrentUrl();
        browser.findElement(By.id("kc-login")).click();
        // Keycloak redirects to the gateway's oauth2-redirect.html, which hands the code to the page and closes itself;
        // the page then redeems it (with the PKCE verifier) at the realm's token endpoint.
        wait.until(d -> d.getWindowHandles().size() == 1);
        browser.switchTo().window(page);
        assertTrue(loginPage.startsWith(stack.keycloak() + "/realms/prm/"), "the login was the realm's: " + loginPage);
        // Signed in: the dialog offers to log out. If the code could not be redeemed, the dialog says why.
        wait.withMessage(() -> "no sign-in; the dialog says: " + browser.findElements(By.cssSelector(".dialog-ux")).stream()
                        .map(WebElement::getText).findFirst().orElse("(no dialog)"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container button[aria-label='Remove authorization']")));
        browser.findElement(By.cssSelector(".dialog-ux .close-modal")).click();

        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Programs-listPrograms .try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Programs-listPrograms .execute"))).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Programs-listPrograms .live-responses-table .response .response-col_status")));
        String answer = browser.findElements(By.cssSelector("#operations-Programs-listPrograms .live-responses-table .response-col_description"))
                .stream().map(WebElement::getText).findFirst().orElse("");
        assertEquals("200", status.getText().trim(), "list programs answered " + status.getText() + ": " + answer);
        // The call went to the gateway with the token the browser signed in for.
        String curl = browser.findElements(By.cssSelector("#operations-Programs-listPrograms .curl-command")).stream()
                .map(WebElement::getText).findFirst().orElse("");
        assertTrue(curl.contains(stack.gateway() + "/api/v1/programs"), curl);
        assertTrue(curl.contains("Authorization: Bearer "), curl);
    }

    /** Debian's chromium and chromedriver, installed by the project's script when missing (CI machines start without). */
    private static void ensureChromium() throws IOException, InterruptedException {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
            return;
        }
        Path root = Path.of(System.getProperty("consort.root", "..")).toAbsolutePath().normalize();
        Process install = new ProcessBuilder("bash", root.resolve("system-tests/browser/ensure-chromium.sh").toString())
                .inheritIO().start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("chromium and chromedriver could not be installed (system-tests/browser/ensure-chromium.sh)");
        }
    }
}
