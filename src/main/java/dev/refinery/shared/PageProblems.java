package dev.refinery.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On pages, a missing or forbidden thing becomes the error page with its status, rendered by the error
 * dispatch like any other page (with its layout), never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    @ExceptionHandler
    void notFound(NotFound notFound, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, notFound.getMessage());
    }

    @ExceptionHandler
    void forbidden(Forbidden forbidden, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, forbidden.getMessage());
    }
}
