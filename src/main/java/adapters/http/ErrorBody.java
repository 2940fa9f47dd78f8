package adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error response: what went wrong, and which request field to fix when it is about one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String error, String field) {

    static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }
}
