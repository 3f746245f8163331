package nl.vangnet.platform;

/**
 * What was asked for does not exist, or is not visible to the one who asks. The two are
 * deliberately indistinguishable.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}

}
