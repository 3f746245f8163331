package nl.vangnet.household;

import java.util.List;
import java.util.Set;

import nl.vangnet.platform.DomainException;

/**
 * A module that keeps sections of the household document (such as {@code helpQuestions}
 * or {@code timeEntries}) implements this as a Spring bean. The household module calls it
 * in the same transaction as the household itself, so that a document is stored whole or
 * not at all, and asks it to fill in its sections when it writes a document.
 * <p>
 * A section that no bean claims is refused in a document ("cannot be stored yet").
 */
public interface HouseholdSections {

	/**
	 * The names of the document sections this module keeps, such as
	 * {@code helpQuestions}.
	 */
	Set<String> sections();

	/**
	 * The rules of this module that the document's sections break, without storing
	 * anything, with fields named as paths into the document; so that every error of a
	 * document is reported at once, also while its household part has errors of its own.
	 * The document may be read in part: an entry or a value that could not be read is
	 * {@code null} and is left to its reading errors.
	 */
	default List<DomainException> check(HouseholdDocument document) {
		return List.of();
	}

	/**
	 * Stores this module's sections of a document for a household that was just stored. A
	 * section that the document left out ({@code null}) stays as it is; a section that it
	 * gave replaces what was stored. The document has been read strictly already (codes,
	 * dates, member references); rules of the module itself are reported by throwing
	 * {@link nl.vangnet.platform.DomainErrors} with fields named as paths into the
	 * document, such as {@code helpQuestions[2].description}.
	 */
	void store(StoredHousehold household, HouseholdDocument document);

	/**
	 * The document with this module's sections filled in from what is stored.
	 */
	HouseholdDocument fill(StoredHousehold household, HouseholdDocument document);

}
