package o2o.messages.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "MessageMarked")
record Marked(int marked) {}
