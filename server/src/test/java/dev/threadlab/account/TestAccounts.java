package dev.threadlab.account;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Accounts for API tests, made through the real API: sign up, then a bearer token through HTTP Basic. */
public final class TestAccounts {
    public static final String PASSWORD = "correct horse battery";

    private TestAccounts() {
    }

    /** A new learner account's name (unique per call). */
    public static String signUp(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/auth/signup").then().statusCode(201);
        return username;
    }

    /** A bearer token for a new learner account. */
    public static String learnerToken(String prefix) {
        return tokenOf(signUp(prefix));
    }

    /** A bearer token of this account (password {@link #PASSWORD}), made through HTTP Basic as a script would. */
    public static String tokenOf(String username) {
        return given().auth().preemptive().basic(username, PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", "test")).post("/api/tokens").then().statusCode(201).extract().path("token");
    }

    /**
     * A bearer token made through a logged-in browser session (session cookie and CSRF token), for any name:
     * RestAssured's HTTP Basic would send a Chinese name as '?'.
     */
    public static String tokenThroughSession(String username, String password) {
        String session = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().cookie(SessionCookie.NAME);
        String csrf = given().cookie(SessionCookie.NAME, session).get("/").getCookie("csrf-token");
        return given().cookie(SessionCookie.NAME, session).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", csrf)
                .contentType(ContentType.JSON).body(Map.of("name", "test")).post("/api/tokens").then().statusCode(201)
                .extract().path("token");
    }
}
