package dev.threadlab.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation the API describes (/q/openapi) as an anonymous visitor, a learner, an instructor and an
 * admin, with made-up ids and an empty body: no answer is a server error, anonymous visitors are refused (401) and
 * learners forbidden (403) wherever the operation names roles they lack, and a role it names is never refused.
 */
@QuarkusTest
class EndpointAccessTest {
    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

    @Inject
    Accounts accounts;

    record Operation(String method, String path, List<String> roles, String contentType) {
        String url() {
            return path.replaceAll("\\{[^}]+}", "no-such-id");
        }
    }

    @Test
    void everyOperationAnswersEachRoleAsItsRolesSay() {
        String learner = TestAccounts.learnerToken("walker");
        String instructor = promoted("teacher", Role.INSTRUCTOR);
        String admin = promoted("admin", Role.ADMIN);
        List<Operation> operations = operations();
        assertTrue(operations.size() > 30, "the API describes " + operations.size() + " operations");
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations) {
            check(problems, operation, "anonymous", given(), null);
            check(problems, operation, "learner", given().auth().oauth2(learner), Role.LEARNER);
            check(problems, operation, "instructor", given().auth().oauth2(instructor), Role.INSTRUCTOR);
            check(problems, operation, "admin", given().auth().oauth2(admin), Role.ADMIN);
        }
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, Operation operation, String who, RequestSpecification request,
            Role role) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8); // bytes, so that any content type can carry it
        int status = request.contentType(operation.contentType()).body(body)
                .request(operation.method(), operation.url()).statusCode();
        String where = operation.method().toUpperCase() + " " + operation.path() + " as " + who + ": " + status;
        if (status >= 500) {
            problems.add(where + " (a server error)");
        }
        if (operation.roles().isEmpty()) {
            return;
        }
        boolean allowed = role != null && (operation.roles().contains(role.roleName())
                || role == Role.ADMIN && operation.roles().contains(Role.ADMIN_NAME));
        if (role == null && status != 401) {
            problems.add(where + " (anonymous must be 401)");
        } else if (role != null && !allowed && status != 403) {
            problems.add(where + " (needs " + operation.roles() + ", must be 403)");
        } else if (allowed && (status == 401 || status == 403)) {
            problems.add(where + " (has the role, must not be refused)");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        List<Operation> found = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> {
            for (String method : METHODS) {
                if (path.startsWith("/api/") && item.get(method) instanceof Map<?, ?> op) {
                    List<String> roles = new ArrayList<>();
                    if (op.get("security") instanceof List<?> security) {
                        security.forEach(s -> ((Map<String, List<String>>) s).values().forEach(roles::addAll));
                    }
                    String type = "application/json";
                    if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> c
                            && !c.isEmpty()) {
                        type = c.keySet().iterator().next().toString(); // e.g. a batch's application/zip
                    }
                    found.add(new Operation(method, path, roles, type));
                }
            }
        });
        return found;
    }

    private String promoted(String prefix, Role role) {
        String name = TestAccounts.signUp(prefix);
        accounts.grant(name, role);
        return TestAccounts.tokenOf(name);
    }
}
