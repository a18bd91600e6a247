package dev.storytracker.web;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser-like session for RestAssured: keeps cookies and posts forms with the CSRF token the page carried. */
public class FormSession {

    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;
    private String basicUsername;
    private String basicPassword;

    /** Sends HTTP Basic credentials (preemptively) with every request, as a script would. */
    public FormSession withBasic(String username, String password) {
        basicUsername = username;
        basicPassword = password;
        return this;
    }

    /** Signs in through the real sign-in form; the sign-in cookie is kept for the following requests. */
    public Response signIn(String username, String password) {
        Response response = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
        remember(response);
        return response;
    }

    /** The value of a cookie this session holds, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Sets a cookie, for example one copied from another session. */
    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public Document get(String path) {
        Response response = request().get(path);
        remember(response);
        Document page = Jsoup.parse(response.asString());
        Element token = page.selectFirst("input[name=csrf-token]");
        if (token != null) {
            csrf = token.attr("value");
        }
        return page;
    }

    public Response getResponse(String path) {
        Response response = request().get(path);
        remember(response);
        return response;
    }

    /** Posts form fields with the token of the last page fetched (pass null values to leave a field out). */
    public Response post(String path, Map<String, ?> fields) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (csrf != null) {
            spec = spec.formParam("csrf-token", csrf);
        }
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (field.getValue() instanceof Iterable<?> values) {
                for (Object value : values) {
                    spec = spec.formParam(field.getKey(), value);
                }
            } else if (field.getValue() != null) {
                spec = spec.formParam(field.getKey(), field.getValue());
            }
        }
        Response response = spec.post(path);
        remember(response);
        return response;
    }

    public void forgetCsrf() {
        csrf = null;
        cookies.remove("tracker-csrf");
    }

    private RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).accept("text/html").cookies(cookies);
        return basicUsername == null ? spec : spec.auth().preemptive().basic(basicUsername, basicPassword);
    }

    private void remember(Response response) {
        response.getDetailedCookies().forEach(cookie -> {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }
}
