package dev.refinery.shared;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error is an RFC 9457 problem; validation problems carry {@code errors}, one entry per field,
 * so a client can show each message next to its field.
 */
// First, so that REST controllers (which are controllers too) never get the page treatment.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this call.");
        problem.setTitle("Unreadable request");
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            var field = JsonPaths.of(unknown);
            problem.setDetail("This call has no property " + field + ".");
            problem.setProperty("errors", List.of(new FieldProblem(field, "There is no property \"" + unknown.getPropertyName()
                    + "\" here; the known ones are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                        .collect(Collectors.joining(", ")) + ".")));
        }
        else if (ex.getCause() instanceof MismatchedInputException missing && missing(missing)) {
            var field = JsonPaths.of(missing);
            problem.setDetail("The property " + field + " is required.");
            problem.setProperty("errors", List.of(new FieldProblem(field, "This property is required and takes a value.")));
        }
        else if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            var field = JsonPaths.of(json);
            problem.setDetail("The value of " + field + " has the wrong type or form.");
            problem.setProperty("errors", List.of(new FieldProblem(field, "This value has the wrong type or form.")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A property that must have a value and has none: left out, or null where a number must be. */
    private static boolean missing(MismatchedInputException problem) {
        var message = problem.getOriginalMessage();
        return problem instanceof InvalidNullException || message.startsWith("Cannot map `null` into type")
                || message.startsWith("Missing required creator property");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(Rejected rejected) {
        var status = rejected.kind() == Rejected.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(status, rejected.getMessage());
        problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Invalid input");
        problem.setProperty("errors", rejected.errors().entrySet().stream()
            .map(error -> new FieldProblem(error.getKey(), error.getValue()))
            .toList());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFound notFound) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(Forbidden forbidden) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage()));
    }

}
