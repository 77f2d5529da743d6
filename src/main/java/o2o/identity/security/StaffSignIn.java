package o2o.identity.security;

import java.util.List;
import java.util.UUID;

import o2o.identity.Role;
import o2o.shared.InputRules;
import o2o.identity.StaffPrincipal;
import o2o.shared.Problem;
import o2o.shared.SqlArrays;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff and operators sign in with username and password, on the API (token) and in the consoles (session, through
 * {@link ConsoleSignIn}); both doors go through the same {@link SignInThrottle}.
 */
@Component
public class StaffSignIn {

    /** Compared against when the username is unknown, so both failures take the same time. */
    private final String decoyHash;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;

    StaffSignIn(JdbcClient jdbc, PasswordEncoder passwords, SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.decoyHash = passwords.encode("decoy-" + UUID.randomUUID());
    }

    /** The staff member, or 401 for a wrong password or unknown name, or 429 while this client must wait. */
    public StaffPrincipal authenticate(String username, String password, String client) {
        return verify(username, password, client).principal();
    }

    /** The same check for a console session: the Spring Security user behind it. */
    StaffUser consoleUser(String username, String password, String client) {
        var account = verify(username, password, client);
        return new StaffUser(account.principal(), account.passwordHash(), account.enabled(), account.epoch());
    }

    private Account verify(String username, String password, String client) {
        var attempt = throttle.begin(username, client);
        // no username holds a control character (PostgreSQL would refuse a NUL in the lookup): nobody by that name
        var account = InputRules.hasControlCharacters(username) ? null : find(username);
        var hash = account == null ? decoyHash : account.passwordHash();
        if (!passwords.matches(password, hash) || account == null || !account.enabled()) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "wrong username or password");
        }
        attempt.succeeded();
        return account;
    }

    private Account find(String username) {
        return jdbc.sql("""
                        select id, merchant_id, username, role, store_ids, password_hash, enabled, token_epoch
                        from staff_account where username = :username
                        """)
                .param("username", username)
                .query((rs, row) -> new Account(
                        new StaffPrincipal(rs.getObject("id", UUID.class), rs.getString("username"),
                                rs.getObject("merchant_id", UUID.class), Role.valueOf(rs.getString("role")),
                                SqlArrays.uuids(rs.getArray("store_ids"))),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("token_epoch")))
                .optional()
                .orElse(null);
    }

    private record Account(StaffPrincipal principal, String passwordHash, boolean enabled, int epoch) {}

    /** The Spring Security user behind a console session; carries the same principal a token would. */
    static final class StaffUser extends User {

        private final StaffPrincipal principal;
        private final int epoch;

        StaffUser(StaffPrincipal principal, String passwordHash, boolean enabled, int epoch) {
            super(principal.username(), passwordHash, enabled, true, true, true,
                    List.of(new SimpleGrantedAuthority(principal.role().authority())));
            this.principal = principal;
            this.epoch = epoch;
        }

        StaffPrincipal principal() {
            return principal;
        }

        int epoch() {
            return epoch;
        }
    }
}
