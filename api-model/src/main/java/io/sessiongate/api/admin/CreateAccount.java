package io.sessiongate.api.admin;

/** The operator's request for a new account with its master administrator. */
public record CreateAccount(String siteKey, String name, MasterAdministrator masterAdministrator) {

    /** Who will run the account: they log in through {@code login.aspx} like any administrator. */
    public record MasterAdministrator(String email, String name, String password) {

        @Override
        public String toString() {
            return "MasterAdministrator[email=" + email + ", name=" + name + ", password=***]";
        }
    }
}
