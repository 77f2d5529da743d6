package o2o.mallevents;

/** A sign-up and whether this request made it ({@code created}) or the customer held it already. */
public record SignUpOutcome(SignUp signUp, MallEvent event, boolean created) {}
