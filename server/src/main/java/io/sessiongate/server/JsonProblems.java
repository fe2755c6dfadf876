package io.sessiongate.server;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sessiongate.api.admin.FieldError;
import io.sessiongate.api.problem.Problem;
import io.sessiongate.server.api.ProblemType;
import io.sessiongate.server.api.Problems;
import java.util.List;

/**
 * Why a JSON body could not be read, as a 400 problem that names the field and the reason in the
 * request's own terms (never a Java class or Jackson's message): not JSON at all, an unknown field, a
 * duplicate key, something after the value, a wrong type.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        String field = e instanceof DatabindException d ? path(d) : "";
        String message = String.valueOf(e.getOriginalMessage());
        String code;
        String sentence;
        if (e instanceof UnrecognizedPropertyException u) {
            code = "UNKNOWN_FIELD";
            sentence = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof JsonParseException && message.startsWith("Duplicate field")) {
            code = "DUPLICATE_FIELD";
            sentence = "a field appears twice";
            int quote = message.indexOf('\'');
            if (quote >= 0 && message.indexOf('\'', quote + 1) > quote) {
                field = message.substring(quote + 1, message.indexOf('\'', quote + 1));
            }
        } else if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            code = "TRAILING_CONTENT";
            sentence = "something follows the JSON value";
            field = "";
        } else if (e instanceof MismatchedInputException || e instanceof JsonMappingException) {
            code = "WRONG_TYPE";
            sentence = field.isEmpty() ? "the body is not the JSON object this call takes"
                    : "field '" + field + "' has the wrong type";
        } else {
            code = "NOT_JSON";
            sentence = "the body is not valid JSON";
            field = "";
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            sentence += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return Problems.problem(ProblemType.MALFORMED_REQUEST, sentence, code,
                List.of(new FieldError(field, code, sentence)));
    }

    /** The field's path as the request wrote it: {@code masterAdministrator.email}, {@code customFields[2]}. */
    private static String path(DatabindException e) {
        StringBuilder b = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    if (b.length() > 0) {
                        b.append('.');
                    }
                    b.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    b.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return b.toString();
    }
}
