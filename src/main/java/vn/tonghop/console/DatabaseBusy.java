package vn.tonghop.console;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.tonghop.job.RunLock;

/**
 * A page asked for while another process (a command-line run, {@code trace}, ...) has the
 * embedded H2 database open: 503 with a Vietnamese page saying so, never a stack trace.
 * Any other database failure goes on to the error page.
 */
@ControllerAdvice
class DatabaseBusy {

	private static final Log logger = LogFactory.getLog(DatabaseBusy.class);

	@ExceptionHandler(DataAccessException.class)
	String busy(DataAccessException ex, HttpServletResponse response, Model model) throws DataAccessException {
		if (!RunLock.databaseInUse(ex)) {
			throw ex;
		}
		logger.debug("Cơ sở dữ liệu đang được tiến trình khác dùng", ex);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		model.addAttribute("status", 503);
		model.addAttribute("message", "Một lệnh tonghop khác (chạy từ dòng lệnh) đang dùng cơ sở dữ liệu; trang sẽ"
				+ " hiện lại khi lệnh đó xong. Hãy thử lại sau ít phút.");
		return "error";
	}

}
