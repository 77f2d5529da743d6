package o2o.payments.web;

import java.util.Map;

record Refused(String provider, Map<String, String> posted, String field, String message) {}
