package dev.threadlab.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pages and API answers carry headers that keep any markup that slips through from running or being framed. */
@QuarkusTest
class SecurityHeadersTest {
    /** A script element that runs: neither loaded from a file nor a JSON data block (which browsers never run). */
    private static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script(?![^>]*\\bsrc=)(?![^>]*\\btype=\"application/json\")[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void everyAnswerForbidsInlineScriptFramingAndSniffing() {
        for (String path : List.of("/", "/lessons/threads", "/lessons/locks?lang=zh-CN", "/no-such-page",
                "/api/lessons", "/api/exercises", "/api/runs/none")) {
            Response response = given().when().get(path);
            String policy = response.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'")
                    && policy.contains("object-src 'none'"), path + ": " + policy);
            assertFalse(policy.substring(policy.indexOf("script-src")).split(";")[0].contains("unsafe"), path + ": " + policy);
            assertTrue("nosniff".equals(response.header("X-Content-Type-Options")), path);
            assertTrue("DENY".equals(response.header("X-Frame-Options")), path);
        }
    }

    @Test
    void pagesNeedNoInlineScript() {
        for (String path : List.of("/", "/lessons/threads", "/lessons/producer-consumer?lang=zh-CN")) {
            String html = given().when().get(path).then().statusCode(200).extract().asString();
            assertFalse(INLINE_SCRIPT.matcher(html).find(), path + " has an inline script");
            assertFalse(EVENT_HANDLER.matcher(html).find(), path + " has an inline event handler");
        }
    }
}
