package o2o.identity.web;

import java.io.Serializable;

/** What we sent the customer to WeChat with: the state we expect back, where to go after, which scope. */
record WechatAuthorization(String state, String next, boolean profile) implements Serializable {}
