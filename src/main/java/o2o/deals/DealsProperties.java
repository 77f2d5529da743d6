package o2o.deals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxQuantity units of one deal per order */
@ConfigurationProperties("o2o.deals")
record DealsProperties(@DefaultValue("20") int maxQuantity) {}
