package nl.vangnet.household;

import java.time.LocalDate;

/**
 * The household was closed (archived) on a day, for a reason. Households are never
 * deleted here.
 */
record Closure(LocalDate on, String reason) {
}
