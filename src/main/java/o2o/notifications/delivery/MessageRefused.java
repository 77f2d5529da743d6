package o2o.notifications.delivery;

/**
 * The carrier refused a message for good (an invalid number, an unknown template, a parameter it will never
 * accept): the relay records it as failed instead of trying again.
 */
public class MessageRefused extends RuntimeException {

    public MessageRefused(String message) {
        super(message);
    }
}
