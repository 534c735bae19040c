package io.finbatch.odoosandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Odoo search domain in prefix notation ({@code '&'}, {@code '|'}, {@code '!'} and leaves
 * {@code [path, operator, value]}, implicitly and-ed), evaluated on in-memory records. Paths follow many2one and
 * x2many fields ({@code bank_account_id.acc_number}, {@code line_ids.account_id}); a leaf through an x2many holds
 * when any of the related values satisfies it, and its negative operators mean "none does", as in Odoo.
 */
final class Domain {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=", "=?", "in", "not in",
            "like", "not like", "ilike", "not ilike", "=like", "=ilike", "child_of", "parent_of", "any", "not any");
    private static final Set<String> NEGATIVE = Set.of("!=", "<>", "not in", "not like", "not ilike", "not any");

    private sealed interface Node permits And, Or, Not, Leaf, Constant {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private record Not(Node operand) implements Node {
    }

    private record Constant(boolean value) implements Node {
    }

    private record Leaf(List<Object> raw, String[] path, String operator, Object value) implements Node {
    }

    private final Node root;
    private final ModelDef model;

    private Domain(Node root, ModelDef model) {
        this.root = root;
        this.model = model;
    }

    /** Parses and checks a domain against a model: unknown fields or operators are Odoo's ValueError. */
    static Domain parse(Object json, ModelDef model, SandboxDatabase db) {
        List<Object> items = json == null || Boolean.FALSE.equals(json) ? List.of() : Json.asList(json);
        if (items == null) {
            throw OdooError.builtin("ValueError", "Invalid domain: " + PyRepr.repr(json));
        }
        int[] pos = {0};
        Node root = null;
        while (pos[0] < items.size()) {
            Node node = parseNode(items, pos, model, db);
            root = root == null ? node : new And(root, node);
        }
        return new Domain(root == null ? new Constant(true) : root, model);
    }

    private static Node parseNode(List<Object> items, int[] pos, ModelDef model, SandboxDatabase db) {
        if (pos[0] >= items.size()) {
            throw OdooError.builtin("ValueError", "Invalid domain: missing operand in " + PyRepr.repr(items));
        }
        Object item = items.get(pos[0]++);
        if ("&".equals(item) || "|".equals(item)) {
            Node left = parseNode(items, pos, model, db);
            Node right = parseNode(items, pos, model, db);
            return "&".equals(item) ? new And(left, right) : new Or(left, right);
        }
        if ("!".equals(item)) {
            return new Not(parseNode(items, pos, model, db));
        }
        List<Object> leaf = Json.asList(item);
        if (leaf == null || leaf.size() != 3) {
            throw OdooError.builtin("ValueError", "Invalid domain term " + PyRepr.repr(item));
        }
        Object left = leaf.get(0);
        String operator = String.valueOf(leaf.get(1)).toLowerCase(Locale.ROOT);
        if (left instanceof Long l && (l == 0 || l == 1) && "=".equals(operator) && Long.valueOf(1).equals(leaf.get(2))) {
            return new Constant(l == 1); // Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1)
        }
        if (!(left instanceof String path) || !OPERATORS.contains(operator)) {
            throw OdooError.builtin("ValueError", "Invalid leaf " + PyRepr.repr(leaf));
        }
        String[] parts = path.split("\\.");
        ModelDef current = model;
        for (int i = 0; i < parts.length; i++) {
            FieldDef field = current.field(parts[i]);
            if (field == null) {
                throw OdooError.builtin("ValueError",
                        "Invalid field " + current.name + "." + parts[i] + " in leaf " + PyRepr.repr(leaf));
            }
            if (i < parts.length - 1) {
                if (!field.relational() || db.model(field.relation) == null) {
                    throw OdooError.builtin("ValueError",
                            "Invalid field " + current.name + "." + parts[i + 1] + " in leaf " + PyRepr.repr(leaf));
                }
                current = db.model(field.relation);
            }
        }
        Object value = leaf.get(2);
        if (("any".equals(operator) || "not any".equals(operator))) {
            FieldDef last = db.fieldAt(model, parts);
            if (!last.relational()) {
                throw OdooError.builtin("ValueError", "Invalid leaf " + PyRepr.repr(leaf));
            }
            value = parse(value, db.model(last.relation), db);
        }
        return new Leaf(leaf, parts, operator, value);
    }

    boolean matches(SandboxDatabase db, Env env, Map<String, Object> record) {
        return eval(root, db, env, record);
    }

    private boolean eval(Node node, SandboxDatabase db, Env env, Map<String, Object> record) {
        if (node instanceof And a) {
            return eval(a.left(), db, env, record) && eval(a.right(), db, env, record);
        }
        if (node instanceof Or o) {
            return eval(o.left(), db, env, record) || eval(o.right(), db, env, record);
        }
        if (node instanceof Not n) {
            return !eval(n.operand(), db, env, record);
        }
        if (node instanceof Constant c) {
            return c.value();
        }
        return evalLeaf((Leaf) node, db, env, record);
    }

    /** Whether the domain mentions the field at its top level (then archived records are not hidden). */
    boolean mentions(String field) {
        return mentions(root, field);
    }

    private static boolean mentions(Node node, String field) {
        if (node instanceof And a) {
            return mentions(a.left(), field) || mentions(a.right(), field);
        }
        if (node instanceof Or o) {
            return mentions(o.left(), field) || mentions(o.right(), field);
        }
        if (node instanceof Not n) {
            return mentions(n.operand(), field);
        }
        return node instanceof Leaf l && l.path()[0].equals(field);
    }

    private boolean evalLeaf(Leaf leaf, SandboxDatabase db, Env env, Map<String, Object> record) {
        boolean negative = NEGATIVE.contains(leaf.operator());
        String positiveOp = negative ? positive(leaf.operator()) : leaf.operator();
        FieldDef field = db.fieldAt(model, leaf.path());
        List<Object> values = new ArrayList<>();
        boolean x2many = collect(db, env, model, record, leaf.path(), 0, values);
        boolean any;
        if (field.x2many() && leaf.path().length == 1 && Boolean.FALSE.equals(leaf.value())
                && ("=".equals(positiveOp))) {
            any = values.isEmpty();
        } else {
            any = false;
            if (values.isEmpty() && (x2many || field.x2many())) {
                any = test(db, env, field, null, positiveOp, leaf.value());
            }
            for (Object value : values) {
                if (test(db, env, field, value, positiveOp, leaf.value())) {
                    any = true;
                    break;
                }
            }
        }
        return negative != any;
    }

    private static String positive(String op) {
        return switch (op) {
            case "!=", "<>" -> "=";
            case "not in" -> "in";
            case "not like" -> "like";
            case "not ilike" -> "ilike";
            case "not any" -> "any";
            default -> op;
        };
    }

    /** Collects the raw values at the end of the path; returns whether an x2many was crossed. */
    private static boolean collect(SandboxDatabase db, Env env, ModelDef def, Map<String, Object> record, String[] path,
            int index, List<Object> out) {
        FieldDef field = def.field(path[index]);
        Object raw = db.raw(env, def, record, field.name);
        if (index == path.length - 1) {
            if (field.x2many()) {
                out.addAll((Collection<?>) raw);
                return true;
            }
            out.add(raw);
            return false;
        }
        ModelDef next = db.model(field.relation);
        boolean crossed = field.x2many();
        List<Long> ids = new ArrayList<>();
        if (raw instanceof Collection<?> list) {
            list.forEach(id -> ids.add((Long) id));
        } else if (raw != null) {
            ids.add((Long) raw);
        } else {
            out.add(null); // an unset many2one: the rest of the path is unset too
            return false;
        }
        for (Long id : ids) {
            Map<String, Object> related = db.store(next.name).get(id);
            if (related != null) {
                crossed |= collect(db, env, next, related, path, index + 1, out);
            }
        }
        return crossed;
    }

    private boolean test(SandboxDatabase db, Env env, FieldDef field, Object value, String op, Object target) {
        switch (op) {
            case "=?":
                return target == null || Boolean.FALSE.equals(target) || test(db, env, field, value, "=", target);
            case "=":
                return equal(db, env, field, value, target);
            case "in", "child_of", "parent_of": {
                Collection<?> targets = target instanceof Collection<?> c ? c : List.of(target);
                for (Object t : targets) {
                    if (equal(db, env, field, value, t)) {
                        return true;
                    }
                }
                return false;
            }
            case "<", "<=", ">", ">=": {
                if (value == null || target == null || Boolean.FALSE.equals(target)) {
                    return false;
                }
                int cmp = compare(value, target);
                return switch (op) {
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    default -> cmp >= 0;
                };
            }
            case "like", "ilike", "=like", "=ilike": {
                String text = textOf(db, env, field, value);
                if (text == null) {
                    return false;
                }
                String pattern = String.valueOf(target);
                if (op.equals("like") || op.equals("ilike")) {
                    pattern = "%" + pattern + "%";
                }
                return sqlLike(pattern, op.contains("ilike")).matcher(text).matches();
            }
            case "any": {
                if (value == null) {
                    return false;
                }
                ModelDef comodel = db.model(field.relation);
                Map<String, Object> related = db.store(comodel.name).get((Long) value);
                return related != null && ((Domain) target).matches(db, env, related);
            }
            default:
                throw OdooError.builtin("ValueError", "Invalid operator " + PyRepr.repr(op));
        }
    }

    private static boolean equal(SandboxDatabase db, Env env, FieldDef field, Object value, Object target) {
        if (target == null || Boolean.FALSE.equals(target)) {
            return value == null || Boolean.FALSE.equals(value)
                    || ("boolean".equals(field.type) && Boolean.FALSE.equals(value));
        }
        if (value == null) {
            return false;
        }
        if (field.relational() && target instanceof String name) {
            // many2one = 'name' compares with the record's display name, as Odoo's name_search does
            return name.equals(db.displayName(env, field.relation, (Long) value));
        }
        if (value instanceof Number a && target instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        if (value instanceof Boolean a && target instanceof Boolean b) {
            return a.equals(b);
        }
        return Objects.equals(String.valueOf(value), String.valueOf(target));
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String textOf(SandboxDatabase db, Env env, FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        if (field.relational()) {
            return db.displayName(env, field.relation, (Long) value);
        }
        return String.valueOf(value);
    }

    /** SQL LIKE pattern ({@code %}, {@code _}, backslash escapes) as a regex. */
    static Pattern sqlLike(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL
                | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }
}
