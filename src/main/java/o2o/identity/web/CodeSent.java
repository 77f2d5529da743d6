package o2o.identity.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "AuthCodeSent")
record CodeSent(long expiresInSeconds) {}
