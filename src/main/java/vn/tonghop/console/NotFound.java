package vn.tonghop.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What a request asked for does not exist, or is not the user's to see: both answer 404,
 * so that a user of one province learns nothing of another's files by trying their
 * addresses.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NotFound(String what) {
		super(what);
	}

}
