package io.bpf4j.processor;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rule that keeps the SPI out of the user's API: no public or protected signature of a class a
 * user can see mentions a type of {@code io.bpf4j.spi} — not a method's parameters, return type,
 * thrown types or type parameters, not a field's type, not a supertype, not a type argument
 * anywhere in them. A class a user can see is public, and so is every class it is nested in.
 */
final class SpiExposure {
    static final String SPI = "io.bpf4j.spi";

    private SpiExposure() {}

    /** The rule over {@code userFacing} classes. */
    static ArchRule rule(DescribedPredicate<JavaClass> userFacing) {
        return ArchRuleDefinition.classes()
                .that(userFacing)
                .and(visibleToUsers())
                .should(notMentionTheSpiInASignature())
                .allowEmptyShould(false);
    }

    /** Public, and nested (if at all) only in public classes. */
    private static DescribedPredicate<JavaClass> visibleToUsers() {
        return DescribedPredicate.describe("are visible to users (public, in public classes)", type -> {
            for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
                if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass() || c.isLocalClass()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> notMentionTheSpiInASignature() {
        return new ArchCondition<>("not mention an " + SPI + " type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (String violation : violations(type)) {
                    events.add(SimpleConditionEvent.violated(type, violation));
                }
            }
        };
    }

    /** Every place of {@code type}'s visible signatures that names an SPI type, described. */
    static List<String> violations(JavaClass type) {
        List<String> found = new ArrayList<>();
        String owner = type.getName();
        type.getRawSuperclass().ifPresent(superclass -> check(type.getSuperclass().orElseThrow(),
                owner + " extends", found));
        for (JavaType implemented : type.getInterfaces()) {
            check(implemented, owner + " implements", found);
        }
        for (JavaTypeVariable<JavaClass> variable : type.getTypeParameters()) {
            check(variable, owner + " type parameter " + variable.getName(), found);
        }
        for (JavaField field : type.getFields()) {
            if (visible(field)) {
                check(field.getType(), "field " + field.getFullName(), found);
            }
        }
        for (JavaCodeUnit code : type.getCodeUnits()) {
            if (!visible(code) || code.getModifiers().contains(JavaModifier.SYNTHETIC)
                    || code.getModifiers().contains(JavaModifier.BRIDGE) || code.getName().equals("<clinit>")) {
                continue;
            }
            String where = code.getFullName();
            check(code.getReturnType(), where + " returns", found);
            for (JavaType parameter : code.getParameterTypes()) {
                check(parameter, where + " takes", found);
            }
            for (JavaClass thrown : code.getThrowsClause().getTypes()) {
                check(thrown, where + " throws", found);
            }
            for (JavaTypeVariable<? extends JavaCodeUnit> variable : code.getTypeParameters()) {
                check(variable, where + " type parameter " + variable.getName(), found);
            }
        }
        return found;
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    /** Adds {@code where} for each SPI type {@code type} involves (itself, its type arguments, bounds). */
    private static void check(JavaType type, String where, List<String> found) {
        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            if (involved.getPackageName().equals(SPI) || involved.getPackageName().startsWith(SPI + ".")) {
                found.add(where + " " + involved.getName());
            }
        }
    }
}
