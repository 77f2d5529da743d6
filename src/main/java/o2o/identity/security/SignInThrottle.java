package o2o.identity.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import o2o.shared.Buckets;
import o2o.shared.RateLimits;
import o2o.shared.web.ClientAddress;
import org.springframework.stereotype.Component;

/**
 * Limits that stop password guessing without letting a stranger lock a person out. Only wrong passwords count;
 * a sign-in that succeeds never does. Three counters, on the injected clock, the first two where
 * {@link SignInFailures} keeps them and the third where {@link Buckets} keeps buckets (both by default in PostgreSQL,
 * shared by every node):
 * <ol>
 *   <li><b>One client, one account.</b> A client (an IPv4 address, or an IPv6 /64 network, as {@code ClientAddress}
 *   resolves it) may give {@code sign-in-failures-before-delay} (5) wrong passwords for an account; after each
 *   further one it must wait, twice as long every time: 1 s, 2 s, 4 s… up to 5 minutes. A success from that client
 *   clears its failures for that account.</li>
 *   <li><b>One client, all accounts.</b> The same, from {@code client-sign-in-failures-before-delay} (20) wrong
 *   passwords for any accounts; a success does not clear this one, or one account the guesser owns would reset it.
 *   </li>
 *   <li><b>One account, all clients.</b> At most {@code account-sign-in-failures-per-hour} (100) wrong passwords an
 *   hour (a token bucket, refilled smoothly). Past that, a client that has failed for this account in the last hour
 *   is refused until the bucket refills; a client with no recent failure for it may still try. So someone spraying
 *   guesses for {@code admin} from many addresses slows themselves down but never the real admin, who signs in
 *   from an address that has not failed; and guessing stays bounded: per account and hour, 100 plus one per
 *   network the guesser holds (each such try makes that network a failed one).</li>
 * </ol>
 * A refused try is answered 429 with Retry-After, before the password is looked at, and counts as nothing. Counters
 * are forgotten an hour after their latest failure. Unknown usernames are counted like real ones, so the answers
 * do not tell which accounts exist.
 */
@Component
class SignInThrottle {

    private final Clock clock;
    private final FailureBackoff pairs;
    private final FailureBackoff clients;
    private final BucketConfiguration accountLimit;
    private final Buckets.Source accounts;

    SignInThrottle(Clock clock, IdentityProperties properties, SignInFailures failures, Buckets buckets) {
        this.clock = clock;
        this.pairs = new FailureBackoff(properties.signInFailuresBeforeDelay(), failures.of("pair"));
        this.clients = new FailureBackoff(properties.clientSignInFailuresBeforeDelay(), failures.of("client"));
        var perHour = properties.accountSignInFailuresPerHour();
        this.accountLimit = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                .build();
        this.accounts = buckets.on(clock);
    }

    /** A sign-in under way, counted as failed until {@link #succeeded()}. */
    final class Attempt {

        private final String pair;
        private final String client;
        private final Bucket account;
        private final boolean tookToken;

        private Attempt(String pair, String client, Bucket account, boolean tookToken) {
            this.pair = pair;
            this.client = client;
            this.account = account;
            this.tookToken = tookToken;
        }

        void succeeded() {
            pairs.clear(pair);
            clients.uncount(client);
            if (tookToken) account.addTokens(1);
        }
    }

    /** Starts a try of {@code username} from {@code clientAddress}, or refuses it with 429 and a Retry-After. */
    Attempt begin(String username, String clientAddress) {
        var now = clock.instant();
        var client = network(clientAddress);
        var name = username.length() > 128 ? username.substring(0, 128) : username;
        var pair = client + ' ' + name;
        var account = accounts.get("sign-in-account:" + name, accountLimit);

        long clientWait = clients.tryCount(client, now, failures -> true);
        if (clientWait > 0) throw RateLimits.tooMany(clientWait);

        var tookToken = new boolean[1];
        long pairWait = pairs.tryCount(pair, now, failures -> {
            tookToken[0] = account.tryConsume(1);
            // past the account's bound only clients that have not failed for it may try
            return tookToken[0] || failures == 0;
        });
        if (pairWait != 0) {
            clients.uncount(client);
            throw RateLimits.tooMany(pairWait > 0 ? pairWait : accountWait(account));
        }
        return new Attempt(pair, client, account, tookToken[0]);
    }

    private static long accountWait(Bucket account) {
        long nanos = account.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long seconds = nanos / 1_000_000_000L + (nanos % 1_000_000_000L > 0 ? 1 : 0);
        return Math.max(1, Math.min(seconds, Duration.ofHours(1).toSeconds()));
    }

    /** IPv6 clients are counted by /64: one subscriber holds a whole /64 and could otherwise rotate through it. */
    static String network(String address) {
        if (ClientAddress.literal(address) instanceof Inet6Address v6) {
            var bytes = v6.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }
}
