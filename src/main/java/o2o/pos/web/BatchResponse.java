package o2o.pos.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "PosBatchResponse")
record BatchResponse(List<BatchItem> results) {}
