package o2o.messages.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "MessageUnread")
record Unread(long unread) {}
