package o2o.reviews;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import o2o.shared.InvalidInput;

/**
 * What a customer writes: the scores, a text of at most 1000 characters and up to six photos. A photo is an https
 * address with a host, at most 500 characters: pages show it in an img tag, so nothing else may get there.
 */
public record ReviewContent(Scores scores, String text, List<String> photos) {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_PHOTOS = 6;
    public static final int MAX_PHOTO_URL = 500;

    public ReviewContent {
        text = text.strip();
        requireText("text", text);
        photos = List.copyOf(photos);
        if (photos.size() > MAX_PHOTOS) throw new InvalidInput("photos", "at most " + MAX_PHOTOS + " photos");
        for (int i = 0; i < photos.size(); i++) requirePhoto("photos[" + i + "]", photos.get(i));
    }

    /** At most 1000 characters, none of them a control character but line breaks and tabs (forms post them too). */
    static void requireText(String field, String text) {
        if (text.length() > MAX_TEXT) throw new InvalidInput(field, "at most " + MAX_TEXT + " characters");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInput(field, "must not hold control characters");
            }
        }
    }

    private static void requirePhoto(String field, String url) {
        if (url.length() > MAX_PHOTO_URL) throw new InvalidInput(field, "at most " + MAX_PHOTO_URL + " characters");
        try {
            var uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new InvalidInput(field, "must be an https address");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInput(field, "must be an https address");
        }
    }
}
