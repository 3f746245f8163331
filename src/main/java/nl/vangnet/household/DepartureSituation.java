package nl.vangnet.household;

/**
 * Her situation when the stay or trajectory ended (issue 15, item 3): housing, income and
 * whether the children go to school; each {@code null} when unknown.
 */
record DepartureSituation(HousingSituation housing, IncomeSituation income, SchoolSituation school) {

	static final DepartureSituation UNKNOWN = new DepartureSituation(null, null, null);

	static DepartureSituation of(String housing, String income, String school) {
		return new DepartureSituation((housing != null) ? HousingSituation.valueOf(housing) : null,
				(income != null) ? IncomeSituation.valueOf(income) : null,
				(school != null) ? SchoolSituation.valueOf(school) : null);
	}

	boolean known() {
		return this.housing != null || this.income != null || this.school != null;
	}

}
