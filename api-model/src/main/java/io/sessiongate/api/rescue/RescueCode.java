package io.sessiongate.api.rescue;

/**
 * A return code of one Rescue API method, with its two spellings: the text an {@code .aspx}
 * method answers over HTTP, and the enumeration value its SOAP operation returns.
 */
public interface RescueCode {

    /** The HTTP reply's first line, e.g. {@code NOTLOGGEDINASADMIN}. */
    String httpCode();

    /** The SOAP result value, e.g. {@code transferSessionRet_NotLoggedInAsAdmin}. */
    String soapValue();

    /** The constant of {@code values} whose HTTP code is exactly {@code code}, if any. */
    static <E extends RescueCode> java.util.Optional<E> fromHttpCode(E[] values, String code) {
        for (E value : values) {
            if (value.httpCode().equals(code)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
