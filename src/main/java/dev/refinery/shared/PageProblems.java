package dev.refinery.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On pages, a missing or forbidden thing becomes the error page with its status, rendered by the error
 * dispatch like any other page (with its layout), never a stack trace. So does a rejection that no form caught to
 * show next to its field (a conflict with the meeting's state, say): 409 or 400 with its message, never a 500.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    @ExceptionHandler
    void notFound(NotFound notFound, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, notFound.getMessage());
    }

    @ExceptionHandler
    void rejected(Rejected rejected, HttpServletResponse response) throws IOException {
        response.sendError(rejected.kind() == Rejected.Kind.CONFLICT ? HttpServletResponse.SC_CONFLICT
                : HttpServletResponse.SC_BAD_REQUEST, String.join(" ", rejected.errors().values()));
    }

    @ExceptionHandler
    void forbidden(Forbidden forbidden, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, forbidden.getMessage());
    }
}
