package o2o;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import o2o.dining.TableScans;
import o2o.shared.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public method outside the web and persistence packages that takes two or more bare UUIDs names the customer,
 * merchant, store or order among them by type (CustomerId, MerchantId, StoreId, OrderId), so they cannot be passed
 * the wrong way round. Ids of a module's own things may stay UUIDs: once the other side is typed they cannot be
 * swapped with it. Records are data: their canonical constructors and accessors are not checked.
 */
class TypedIdsTests {

    private static final Set<String> KINDS = Set.of("customer", "merchant", "store", "order");
    private static final List<String> SUFFIXES = List.of("CustomerId", "MerchantId", "StoreId", "OrderId");

    @Test
    void noPublicMethodTakesACustomerMerchantStoreOrOrderAsABareUuidBesideAnotherUuid() {
        var offenders = new ArrayList<String>();
        for (var executable : publicExecutables()) {
            var uuids = Arrays.stream(executable.getParameters()).filter(p -> p.getType() == UUID.class).toList();
            if (uuids.size() >= 2 && uuids.stream().anyMatch(TypedIdsTests::namesACustomerMerchantStoreOrOrder)) {
                offenders.add(describe(executable));
            }
        }
        assertThat(offenders).as("public methods taking a customer, merchant, store or order as a bare UUID").isEmpty();
    }

    @Test
    void theScanSeesRealParameterNamesAndManyMethods() throws NoSuchMethodException {
        var join = TableScans.class.getMethod("join", UUID.class, CustomerId.class, String.class);
        assertThat(join.getParameters()[0].getName()).as("compiled with -parameters").isEqualTo("scanId");
        assertThat(publicExecutables()).as("public methods and constructors scanned").hasSizeGreaterThan(500);
    }

    private static boolean namesACustomerMerchantStoreOrOrder(Parameter parameter) {
        var name = parameter.getName();
        return KINDS.contains(name) || KINDS.contains(name.replaceFirst("Id$", ""))
                || SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static List<Executable> publicExecutables() {
        var executables = new ArrayList<Executable>();
        for (var javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("o2o")) {
            if (!scanned(javaClass)) {
                continue;
            }
            var type = javaClass.reflect();
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (var constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers()) && !isCanonical(type, constructor)) {
                    executables.add(constructor);
                }
            }
            for (var method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                        && !isAccessor(type, method)) {
                    executables.add(method);
                }
            }
        }
        return executables;
    }

    private static boolean scanned(JavaClass javaClass) {
        var packageName = "." + javaClass.getPackageName() + ".";
        return !packageName.contains(".web.") && !packageName.contains(".persistence.")
                && !packageName.startsWith(".o2o.demo.");
    }

    private static boolean isCanonical(Class<?> type, Constructor<?> constructor) {
        return type.isRecord() && Arrays.equals(constructor.getParameterTypes(),
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray());
    }

    private static boolean isAccessor(Class<?> type, Method method) {
        return type.isRecord() && method.getParameterCount() == 0 && Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.getName().equals(method.getName()));
    }

    private static String describe(Executable executable) {
        return executable.getDeclaringClass().getName() + "." + executable.getName() + "("
                + Arrays.stream(executable.getParameters())
                        .map(p -> p.getType().getSimpleName() + " " + p.getName())
                        .collect(Collectors.joining(", "))
                + ")";
    }
}
