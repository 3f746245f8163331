package nl.vangnet.network;

import java.util.List;

/**
 * The five-step plan on one life domain: the current cycle, its steps done so far and the
 * next one.
 *
 * @param completedCycles how many times the plan went round (each evaluation ends one)
 */
record PlanDomain(String code, String label, int cycle, List<PlanStepRecord> steps, PlanStep next,
		int completedCycles) {

	static PlanDomain of(String code, String label, List<PlanStepRecord> all) {
		int cycle = all.stream().mapToInt(PlanStepRecord::cycle).max().orElse(1);
		List<PlanStepRecord> inCycle = all.stream().filter((s) -> s.cycle() == cycle).toList();
		boolean evaluated = inCycle.stream().anyMatch((s) -> s.step() == PlanStep.EVALUATE);
		int completed = (int) all.stream().filter((s) -> s.step() == PlanStep.EVALUATE).count();
		if (evaluated) {
			return new PlanDomain(code, label, cycle + 1, List.of(), PlanStep.MAP, completed);
		}
		PlanStep next = inCycle.isEmpty() ? PlanStep.MAP : inCycle.get(inCycle.size() - 1).step().next();
		return new PlanDomain(code, label, cycle, inCycle, next, completed);
	}

	/** When the step was done in the current cycle, or {@code null}. */
	public java.time.LocalDate doneOn(PlanStep step) {
		return this.steps.stream().filter((s) -> s.step() == step).map(PlanStepRecord::on).findFirst().orElse(null);
	}

}
