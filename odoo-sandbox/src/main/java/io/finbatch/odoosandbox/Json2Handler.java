package io.finbatch.odoosandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /json/2/<model>/<method>} (Odoo 19+): bearer API key, optional {@code X-Odoo-Database}, named
 * arguments in a JSON object ({@code ids}, {@code context} and the method's keywords). Errors are a bare JSON object
 * with Odoo's status: 401 bad key, 404 unknown model or method, 422 UserError/ValidationError or bad arguments,
 * 500 Python errors. Servers of 17 and 18 do not serve it: 404.
 */
final class Json2Handler extends ApiHandler {

    private static final Pattern ROUTE = Pattern.compile("^/json/2/([^/]+)/([^/]+)/?$");
    private static final Pattern BEARER = Pattern.compile("^bearer\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    Json2Handler(OdooSandbox sandbox) {
        super(sandbox);
    }

    @Override
    Reply answer(HttpExchange exchange, byte[] body) {
        if (!sandbox.options().json2Served()) {
            return new Reply(404, Map.of("Content-Type", "text/html; charset=utf-8"),
                    "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>".getBytes(), false);
        }
        try {
            Matcher route = ROUTE.matcher(exchange.getRequestURI().getPath());
            if (!route.matches() || !"POST".equals(exchange.getRequestMethod())) {
                throw OdooError.http("NotFound", "Did you mean POST /json/2/<model>/<method>?", 404);
            }
            String database = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
            if (database != null && !database.equals(sandbox.options().database())) {
                throw OdooError.http("NotFound", "The requested URL was not found on the server. If you entered the URL "
                        + "manually please check your spelling and try again.", 404);
            }
            authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            Map<String, Object> named = parseBody(body);
            String model = route.group(1);
            String method = route.group(2);
            Object ids = named.remove("ids");
            Map<String, Object> context = Json.asMap(named.remove("context"));
            SandboxDatabase db = sandbox.database();
            if (db.model(model) == null) {
                throw OdooError.http("NotFound", "the model " + PyRepr.repr(model) + " does not exist", 404);
            }
            if (method.startsWith("_")) {
                throw OdooError.accessError("Private methods (such as '" + model + "." + method
                        + "') cannot be called remotely.");
            }
            Methods.Signature signature = Methods.lookup(model, method);
            if (signature == null) {
                throw OdooError.http("NotFound", "The method '" + model + "." + method + "' does not exist", 404);
            }
            List<Long> recordIds = Methods.ids(ids);
            if (signature.apiModel() && !recordIds.isEmpty()) {
                throw OdooError.http("UnprocessableEntity", "cannot call " + model + "." + method + " with ids", 422);
            }
            Map<String, Object> bound = Methods.bindNamed(signature, named);
            SandboxDatabase.Result result = db.call(db.env(context), model, method, recordIds, bound);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Content-Type-Options", "nosniff");
            return Reply.json(200, result.value(), result.committed(), headers);
        } catch (RuntimeException e) {
            OdooError error = e instanceof OdooError odoo ? odoo
                    : OdooError.builtin(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            Map<String, String> headers = new LinkedHashMap<>();
            if (error.httpStatus() == 401) {
                headers.put("WWW-Authenticate", "Bearer");
            }
            return Reply.json(error.httpStatus(), errorData(error), false, headers);
        }
    }

    private void authenticate(String authorization) {
        if (sandbox.faults().takeUnauthorized()) {
            throw OdooError.http("Unauthorized", "Invalid apikey", 401);
        }
        Matcher bearer = authorization == null ? null : BEARER.matcher(authorization.trim());
        if (bearer == null || !bearer.matches()) {
            throw OdooError.http("Unauthorized", "User not authenticated, use the \"Authorization\" header", 401);
        }
        if (!sandbox.apiKeyValid(bearer.group(1).trim())) {
            throw OdooError.http("Unauthorized", "Invalid apikey", 401);
        }
    }

    private static Map<String, Object> parseBody(byte[] body) {
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (RuntimeException e) {
            throw OdooError.http("BadRequest", "could not parse the body as json: " + e.getMessage(), 400);
        }
        Map<String, Object> map = Json.asMap(parsed);
        if (map == null) {
            throw OdooError.http("BadRequest", "could not parse the body, expecting a json object", 400);
        }
        return new LinkedHashMap<>(map);
    }
}
