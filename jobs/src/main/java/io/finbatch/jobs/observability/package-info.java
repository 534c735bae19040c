/**
 * Health indicators ({@code inbox}, {@code odoo}; the database one is Spring Boot's) and the business gauges
 * exposed at {@code /actuator/prometheus} next to Spring Batch's own job and step metrics.
 */
package io.finbatch.jobs.observability;
