package o2o.merchants.web;

import java.util.List;
import java.util.UUID;

record NewMember(String username, String password, String displayName, String role, List<UUID> storeIds) {}
