package dev.threadlab.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's description at /q/openapi lists the endpoints and, for protected ones, the roles they need. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyApiAreaIsDescribedWithTheRolesItNeeds() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        for (String path : List.of("/api/runs", "/api/auth/signup", "/api/me", "/api/tokens", "/api/drafts/{key}",
                "/api/exercises/{id}/submissions", "/api/exercises/{id}/regrade", "/api/exercises/{id}/batch",
                "/api/classes", "/api/classes/{id}/grades.csv", "/api/batches/{id}", "/api/progress")) {
            assertTrue(paths.containsKey(path), path + " is missing from " + paths.keySet());
        }
        String regrade = doc.getString("paths.'/api/exercises/{id}/regrade'.post.security");
        assertTrue(regrade != null && regrade.contains("instructor") && regrade.contains("admin"), regrade);
        String responses = doc.getString("paths.'/api/exercises/{id}/regrade'.post.responses");
        assertTrue(responses.contains("401") && responses.contains("403"), responses);
    }
}
