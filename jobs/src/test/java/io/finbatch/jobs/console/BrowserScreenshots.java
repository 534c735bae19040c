package io.finbatch.jobs.console;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Saves a screenshot and the page source of the browser when a test fails, under
 * {@code target/browser-screenshots/} (taken right after the test method, before the browser is closed);
 * with FINBATCH_SCREENSHOTS=always also of a passing test, to look at the pages.
 */
final class BrowserScreenshots implements AfterTestExecutionCallback {

    private final Supplier<WebDriver> browser;
    private final Path dir;

    BrowserScreenshots(Supplier<WebDriver> browser, Path dir) {
        this.browser = browser;
        this.dir = dir;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        WebDriver driver = browser.get();
        boolean always = "always".equals(System.getenv("FINBATCH_SCREENSHOTS"));
        if ((context.getExecutionException().isEmpty() && !always) || driver == null) {
            return;
        }
        Files.createDirectories(dir);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
    }
}
