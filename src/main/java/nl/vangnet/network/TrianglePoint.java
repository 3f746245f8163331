package nl.vangnet.network;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where the client stood in the integration safety net on a date: weights (summing to
 * 100) for government, help and services, and society; or out of view, outside the
 * triangle, when she is in contact with none of the three (then the weights are empty).
 */
record TrianglePoint(UUID id, LocalDate placedOn, Integer government, Integer services, Integer society,
		boolean outOfView, String note) {

}
