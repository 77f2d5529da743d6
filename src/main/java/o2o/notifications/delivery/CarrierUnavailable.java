package o2o.notifications.delivery;

/** The carrier did not take a message this time (unreachable, an error on its side, a rate limit): try again later. */
public class CarrierUnavailable extends RuntimeException {

    public CarrierUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public CarrierUnavailable(String message) {
        super(message);
    }
}
