package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A C struct as the record generated for it.
 *
 * @param className the record, nested in the skeleton
 * @param cName how C spells the type, e.g. {@code struct event}
 * @param cDefinition the struct's C definition, for the Javadoc
 * @param size {@code sizeof} the struct, trailing padding included
 * @param fields the members in declaration (and so offset) order
 */
record RecordModel(ClassName className, String cName, String cDefinition, int size, List<Field> fields) {
    RecordModel {
        fields = List.copyOf(fields);
    }

    /**
     * One member of the struct.
     *
     * @param name the record component's name
     * @param cDeclaration the member's C declaration, e.g. {@code char comm[16]}
     * @param offset the byte offset inside the struct, from BTF
     * @param type how the member is held in Java
     */
    record Field(String name, String cDeclaration, int offset, JavaType type) {}
}
