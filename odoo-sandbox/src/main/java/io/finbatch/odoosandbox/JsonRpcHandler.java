package io.finbatch.odoosandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /jsonrpc}: services {@code common} (version, authenticate, login), {@code object} (execute_kw,
 * execute) and {@code db} (list, server_version). Errors are HTTP 200 with an {@code error} member, as Odoo answers.
 */
final class JsonRpcHandler extends ApiHandler {

    JsonRpcHandler(OdooSandbox sandbox) {
        super(sandbox);
    }

    @Override
    Reply answer(HttpExchange exchange, byte[] body) {
        Object id = null;
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw OdooError.http("MethodNotAllowed", "The method is not allowed for the requested URL.", 405);
            }
            Map<String, Object> request;
            try {
                request = Json.asMap(Json.parse(body));
            } catch (RuntimeException e) {
                throw OdooError.http("BadRequest", "Invalid JSON data", 400);
            }
            if (request == null) {
                throw OdooError.http("BadRequest", "Invalid JSON-RPC data", 400);
            }
            id = request.get("id");
            Map<String, Object> params = Json.asMap(request.get("params"));
            if (params == null) {
                params = Map.of();
            }
            List<Object> args = Json.asList(params.get("args"));
            if (args == null) {
                args = List.of();
            }
            SandboxDatabase.Result result = dispatch(String.valueOf(params.get("service")),
                    String.valueOf(params.get("method")), args);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("jsonrpc", "2.0");
            response.put("id", id);
            response.put("result", result.value());
            return Reply.json(200, response, result.committed(), Map.of());
        } catch (RuntimeException e) {
            OdooError error = e instanceof OdooError odoo ? odoo
                    : OdooError.builtin(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("jsonrpc", "2.0");
            response.put("id", id);
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("code", 0L);
            err.put("message", "Odoo Server Error");
            err.put("data", errorData(error));
            response.put("error", err);
            return Reply.json(200, response, false, Map.of());
        }
    }

    private SandboxDatabase.Result dispatch(String service, String method, List<Object> args) {
        SandboxOptions options = sandbox.options();
        switch (service + "." + method) {
            case "common.version":
                return new SandboxDatabase.Result(version(options), false);
            case "common.authenticate", "common.login": {
                checkDatabase(arg(args, 0));
                boolean ok = !sandbox.faults().takeUnauthorized()
                        && sandbox.credentialsValid(String.valueOf(arg(args, 1)), arg(args, 2));
                return new SandboxDatabase.Result(ok ? (Object) OdooSandbox.ADMIN_UID : Boolean.FALSE, false);
            }
            case "db.list":
                return new SandboxDatabase.Result(List.of(options.database()), false);
            case "db.server_version":
                return new SandboxDatabase.Result(options.serverVersion(), false);
            case "object.execute_kw", "object.execute":
                return execute(method, args);
            default:
                throw OdooError.builtin("Exception", "Unknown method " + PyRepr.repr(method) + " of service "
                        + PyRepr.repr(service));
        }
    }

    private SandboxDatabase.Result execute(String rpcMethod, List<Object> args) {
        checkDatabase(arg(args, 0));
        Object uid = arg(args, 1);
        if (sandbox.faults().takeUnauthorized() || !(uid instanceof Long u) || u != OdooSandbox.ADMIN_UID
                || !sandbox.credentialsValid(sandbox.options().login(), arg(args, 2))) {
            throw OdooError.accessDenied();
        }
        String model = String.valueOf(arg(args, 3));
        String method = String.valueOf(arg(args, 4));
        List<Object> positional;
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if ("execute_kw".equals(rpcMethod)) {
            positional = args.size() > 5 && args.get(5) != null ? Json.asList(args.get(5)) : List.of();
            if (positional == null) {
                throw OdooError.builtin("TypeError", "execute_kw() arguments must be a list");
            }
            if (args.size() > 6 && Json.asMap(args.get(6)) != null) {
                kwargs.putAll(Json.asMap(args.get(6)));
            }
        } else {
            positional = args.size() > 5 ? args.subList(5, args.size()) : List.of();
        }
        Map<String, Object> context = Json.asMap(kwargs.remove("context"));
        if (sandbox.database().model(model) == null) {
            throw OdooError.userError("Object " + model + " doesn't exist");
        }
        if (method.startsWith("_")) {
            throw OdooError.accessError("Private methods (such as '" + model + "." + method
                    + "') cannot be called remotely.");
        }
        Methods.Signature signature = Methods.lookup(model, method);
        if (signature == null) {
            throw OdooError.builtin("AttributeError", "The method '" + model + "." + method + "' does not exist");
        }
        List<Long> ids = List.of();
        List<Object> rest = positional;
        if (!signature.apiModel()) {
            if (positional.isEmpty()) {
                throw OdooError.builtin("TypeError", "BaseModel." + method + "() missing the record ids");
            }
            ids = Methods.ids(positional.get(0));
            rest = positional.subList(1, positional.size());
        }
        Map<String, Object> bound = Methods.bindPositional(signature, rest, kwargs);
        SandboxDatabase db = sandbox.database();
        SandboxDatabase.Result result = db.call(db.env(context), model, method, ids, bound);
        // create() with one dict answers one id, with a list a list of ids (odoo.service.model)
        if ("create".equals(method) && bound.get("vals_list") instanceof Map) {
            return new SandboxDatabase.Result(((List<?>) result.value()).get(0), result.committed());
        }
        return result;
    }

    private void checkDatabase(Object database) {
        if (!sandbox.options().database().equals(database)) {
            throw new OdooError("psycopg2.OperationalError", "connection to server failed: FATAL:  database \""
                    + database + "\" does not exist\n", List.of("connection to server failed: FATAL:  database \""
                    + database + "\" does not exist\n"), 500);
        }
    }

    private static Object arg(List<Object> args, int index) {
        return args.size() > index ? args.get(index) : null;
    }

    static Map<String, Object> version(SandboxOptions options) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("server_version", options.serverVersion());
        version.put("server_version_info", versionInfo(options));
        version.put("server_serie", options.serverVersion());
        version.put("protocol_version", 1L);
        return version;
    }
}
