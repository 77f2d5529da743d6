/**
 * The small kernel every module may use: ids, value objects, problem types, paging, time and the database set-up.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package o2o.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
