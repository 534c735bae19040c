package io.finbatch.bench.jobs;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application as the command line starts it (no web server), on a given database; Flyway migrates the
 * schema from the packaged {@code sql/migration} when it starts, as in production.
 * <p>
 * The jobs module's jar is Spring Boot's repackaged jar (its classes under {@code BOOT-INF/}), which javac cannot
 * compile against; the bench jar's manifest puts {@code jobs/target/classes} on the class path at run time, and
 * the two service calls measured here are made by name: {@code StatementImportService.importFile(Path)} and
 * {@code OdooPostingService.post(String)}, whose result records are read as maps.
 */
final class ApplicationContexts {

    private ApplicationContexts() {
    }

    static ConfigurableApplicationContext start(String jdbcUrl, String user, Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", "");
        properties.put("finbatch.webhooks.dispatch", "false");
        properties.put("finbatch.odoo.sandbox-data", target().resolve("jobs-bench/odoo-sandbox").toString());
        properties.put("finbatch.inbox", target().resolve("jobs-bench/inbox").toString());
        properties.put("logging.level.io.finbatch", "WARN");
        properties.putAll(more);
        return new SpringApplicationBuilder(jobsClass("io.finbatch.jobs.FinanceBatchApplication"))
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                // as command-line arguments: above application.yml (SpringApplication's default properties are below it)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    /** {@code StatementImportService.importFile(file)}: the fields of its {@code ImportResult}. */
    static Map<String, Object> importFile(ConfigurableApplicationContext context, Path file) {
        return call(context, "io.finbatch.jobs.statementimport.StatementImportService", "importFile", Path.class, file);
    }

    /** {@code OdooPostingService.post(kind)}: the fields of its {@code PostingRunResult}. */
    static Map<String, Object> post(ConfigurableApplicationContext context, String kind) {
        return call(context, "io.finbatch.jobs.odooposting.OdooPostingService", "post", String.class, kind);
    }

    private static Map<String, Object> call(ConfigurableApplicationContext context, String service, String method,
            Class<?> parameter, Object argument) {
        Object bean = context.getBean(jobsClass(service));
        try {
            Method m = bean.getClass().getMethod(method, parameter);
            Object result = m.invoke(bean, argument);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : result.getClass().getRecordComponents()) {
                fields.put(component.getName(), component.getAccessor().invoke(result));
            }
            return fields;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(service + "." + method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + service + "." + method
                    + " (is jobs/target/classes built? ./mvnw -Pbench -pl bench -am package)", e);
        }
    }

    private static Class<?> jobsClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the class path: build with"
                    + " ./mvnw -Pbench -pl bench -am package (the bench jar finds jobs/target/classes)", e);
        }
    }

    static Path target() {
        return Path.of(System.getProperty("bench.target", "bench/target")).toAbsolutePath();
    }
}
