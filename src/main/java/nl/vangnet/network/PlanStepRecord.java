package nl.vangnet.network;

import java.time.LocalDate;

/**
 * A step of the five-step plan, done on a date, for a life domain, in a cycle (each
 * evaluation starts the next).
 */
record PlanStepRecord(String domain, int cycle, PlanStep step, LocalDate on, String note) {
}
