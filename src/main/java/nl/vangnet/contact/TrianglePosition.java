package nl.vangnet.contact;

/**
 * Where she stands in the integration safety net at a follow-up check (seed 000): in
 * balance between government, help and services, and society; moved towards one corner,
 * depending on that actor; or outside the triangle, excluded. A quick answer, not the
 * network map's placement with weights.
 */
public enum TrianglePosition {

	BALANCED, GOVERNMENT, SERVICES, SOCIETY, OUTSIDE

}
