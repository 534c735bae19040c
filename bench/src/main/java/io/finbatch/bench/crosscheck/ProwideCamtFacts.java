package io.finbatch.bench.crosscheck;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import io.finbatch.bench.crosscheck.FileFacts.StatementFacts;
import io.finbatch.bench.crosscheck.FileFacts.TypedBalance;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prowide ISO 20022's view of a camt file: {@link AbstractMX#parse(String)} picks the model class from the
 * namespace (camt.052/053/054, every version Prowide ships), and the model is read through its getters by
 * name ({@code getBkToCstmrStmt().getStmt().getNtry()...}), because each version has its own classes.
 */
final class ProwideCamtFacts {

    private ProwideCamtFacts() {
    }

    /** Null when Prowide returns no message (unknown namespace, not parseable). */
    static FileFacts read(String xml) throws ReflectiveOperationException {
        AbstractMX mx = AbstractMX.parse(xml);
        if (mx == null) {
            return null;
        }
        Object message = first(mx, "BkToCstmrStmt", "BkToCstmrAcctRpt", "BkToCstmrDbtCdtNtfctn",
                "BkToCstmrStmtV01", "BkToCstmrAcctRptV01", "BkToCstmrDbtCdtNtfctnV01");
        if (message == null) {
            return null;
        }
        List<StatementFacts> statements = new ArrayList<>();
        for (Object statement : list(message, "Stmt", "Rpt", "Ntfctn")) {
            long entries = 0;
            long lines = 0;
            BigDecimal sum = BigDecimal.ZERO;
            for (Object entry : list(statement, "Ntry")) {
                entries++;
                sum = sum.add(signed(get(entry, "Amt"), get(entry, "CdtDbtInd")));
                long details = 0;
                for (Object block : list(entry, "NtryDtls")) {
                    details += list(block, "TxDtls").size();
                }
                lines += Math.max(1, details);
            }
            List<TypedBalance> balances = new ArrayList<>();
            for (Object balance : list(statement, "Bal")) {
                balances.add(new TypedBalance(balanceType(balance), signed(get(balance, "Amt"), get(balance, "CdtDbtInd"))));
            }
            statements.add(new StatementFacts(entries, lines, sum, balances, null, null));
        }
        return new FileFacts(mx.getClass().getSimpleName(), statements, null);
    }

    private static String balanceType(Object balance) throws ReflectiveOperationException {
        Object type = get(balance, "Tp");
        Object choice = get(type, "CdOrPrtry");
        Object code = choice != null ? first(choice, "Cd", "Prtry") : first(type, "Cd", "Prtry");
        return code == null ? null : code.toString();
    }

    private static BigDecimal signed(Object amount, Object direction) throws ReflectiveOperationException {
        BigDecimal value = amount == null ? null : (BigDecimal) get(amount, "Value");
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return direction != null && direction.toString().equals("DBIT") ? value.negate() : value;
    }

    static Object get(Object target, String property) throws ReflectiveOperationException {
        if (target == null) {
            return null;
        }
        Method getter;
        try {
            getter = target.getClass().getMethod("get" + property);
        } catch (NoSuchMethodException e) {
            return null;
        }
        return getter.invoke(target);
    }

    private static Object first(Object target, String... properties) throws ReflectiveOperationException {
        for (String property : properties) {
            Object value = get(target, property);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<?> list(Object target, String... properties) throws ReflectiveOperationException {
        Object value = first(target, properties);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> values ? values : List.of(value);
    }
}
