package nl.vangnet.network;

/**
 * The five steps of the network plan (seed 000): map the network, analyse what it means
 * for the goal (with reciprocity), choose whom to activate or where to extend, use and
 * join networks, evaluate and map again.
 */
enum PlanStep {

	MAP, ANALYSE, CHOOSE, USE, EVALUATE;

	PlanStep next() {
		return (this == EVALUATE) ? null : values()[ordinal() + 1];
	}

}
