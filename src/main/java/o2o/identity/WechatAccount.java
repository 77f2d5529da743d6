package o2o.identity;

import java.io.Serializable;
import java.util.regex.Pattern;

import o2o.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A WeChat user as WeChat itself told us, never as a client claimed: the openid of our official account's app, the
 * unionid when the app belongs to an open-platform account, and the profile when the user agreed to share it.
 */
public record WechatAccount(String openid, @Nullable String unionid, @Nullable String nickname,
        @Nullable String avatarUrl) implements Serializable {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,128}");

    public WechatAccount {
        if (!ID.matcher(openid).matches()) throw new InvalidInput("openid", "1 to 128 letters, digits, _ or -");
        if (unionid != null && !ID.matcher(unionid).matches()) {
            throw new InvalidInput("unionid", "1 to 128 letters, digits, _ or -");
        }
        if (nickname != null && nickname.length() > 100) nickname = nickname.substring(0, 100);
        if (avatarUrl != null && (avatarUrl.length() > 500 || !(avatarUrl.startsWith("https://") || avatarUrl.startsWith("http://")))) avatarUrl = null;
    }

    public static WechatAccount of(String openid) {
        return new WechatAccount(openid, null, null, null);
    }
}
