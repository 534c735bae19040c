package io.finbatch.odoosandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one call runs with, like Odoo's {@code env}: the caller's context, the current company
 * ({@code allowed_company_ids[0]}, else the user's), the companies whose records it may see, and today's date.
 */
final class Env {

    final Map<String, Object> context;
    final long companyId;
    final List<Long> allowedCompanyIds;
    final LocalDate today;

    Env(Map<String, Object> context, long companyId, List<Long> allowedCompanyIds, LocalDate today) {
        this.context = context;
        this.companyId = companyId;
        this.allowedCompanyIds = allowedCompanyIds;
        this.today = today;
    }

    static Env of(Map<String, Object> context, List<Long> userCompanies, long userCompany, LocalDate today) {
        Map<String, Object> ctx = context == null ? new HashMap<>() : new HashMap<>(context);
        List<Long> allowed = userCompanies;
        long company = userCompany;
        if (ctx.get("allowed_company_ids") instanceof List<?> ids && !ids.isEmpty()) {
            allowed = new ArrayList<>();
            for (Object id : ids) {
                allowed.add(Json.toLong(id));
            }
            company = allowed.get(0);
        }
        return new Env(ctx, company, allowed, today);
    }

    Env withContext(String key, Object value) {
        Map<String, Object> ctx = new HashMap<>(context);
        ctx.put(key, value);
        return new Env(ctx, companyId, allowedCompanyIds, today);
    }

    boolean flag(String key, boolean defaultValue) {
        Object value = context.get(key);
        return value == null ? defaultValue : Boolean.TRUE.equals(value);
    }
}
