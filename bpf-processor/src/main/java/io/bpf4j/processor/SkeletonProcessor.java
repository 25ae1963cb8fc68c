package io.bpf4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.bpf4j.BpfSkeleton;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.SpecException;
import io.bpf4j.text.Printable;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates a typed skeleton for every type annotated with {@link BpfSkeleton}, from the BPF object
 * the annotation names (see {@link ObjectLocator} for where it is looked for).
 *
 * <p>This class is the javac glue only: it reads the request, finds and parses the object, hands
 * it to {@link SkeletonGenerator} and writes the result. Every problem is reported as an error on
 * the annotated type, every default the generator chose as a warning there, and nothing is ever
 * thrown into javac: a bug in the generator becomes an error naming the object and the exception,
 * not a crashed compiler. Messages name what the object holds and are made safe for the terminal
 * ({@link #printable}) before javac prints them.
 */
@AutoService(Processor.class)
public final class SkeletonProcessor extends AbstractProcessor {
    /** Turns a request and the object's bytes into a source file; a seam for tests. */
    interface Generator {
        GeneratedSkeleton generate(SkeletonRequest request, byte[] object, boolean generatedAnnotation)
                throws GenerationException;
    }

    /** Starts every message, so a reader (and {@code bpf4j gen}) tells them from javac's own. */
    public static final String PREFIX = "bpf4j: ";

    private final Generator generator;

    /** The processor javac loads. */
    public SkeletonProcessor() {
        this(SkeletonProcessor::generateSkeleton);
    }

    SkeletonProcessor(Generator generator) {
        this.generator = generator;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(BpfSkeleton.class.getCanonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ObjectLocator.OBJECT_DIRS);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getElementsAnnotatedWith(BpfSkeleton.class)) {
            process((TypeElement) element);
        }
        return true;
    }

    private void process(TypeElement element) {
        String object = "";
        try {
            SkeletonRequest request = SkeletonRequest.of(element, processingEnv.getElementUtils());
            object = " from " + request.object();
            byte[] bytes = new ObjectLocator(processingEnv.getFiler(), processingEnv.getOptions())
                    .read(request.object());
            boolean generatedAnnotation =
                    processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
            GeneratedSkeleton skeleton = generator.generate(request, bytes, generatedAnnotation);
            write(skeleton.file(), element);
            skeleton.warnings().forEach(warning -> report(Diagnostic.Kind.WARNING, warning, element));
        } catch (GenerationException e) {
            report(Diagnostic.Kind.ERROR, e.getMessage(), element);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // A bug, not a user mistake: say so, with enough to report it, and let javac go on.
            report(Diagnostic.Kind.ERROR, "internal error while generating the skeleton of "
                    + element.getSimpleName() + object + ": " + e + " (please report it, with the object)", element);
        }
    }

    /** Writes the file with {@code element} as its origin, so incremental builds know what it came from. */
    private void write(JavaFile file, TypeElement element) throws GenerationException {
        String name = file.packageName().isEmpty()
                ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try {
            JavaFileObject source = processingEnv.getFiler().createSourceFile(name, element);
            try (Writer writer = source.openWriter()) {
                file.writeTo(writer);
            }
        } catch (IOException e) {
            throw new GenerationException("cannot write " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reports on the annotation of {@code element}. Messages name what the object holds, which its
     * author chose: they are made safe for the terminal here, once ({@link #printable}).
     */
    private void report(Diagnostic.Kind kind, String message, Element element) {
        processingEnv.getMessager().printMessage(kind, PREFIX + printable(message), element, annotationOn(element));
    }

    /**
     * {@code message} as it is when every character in it is printable, else escaped with
     * {@link Printable#escape}. A backslash alone is harmless on a terminal and is left as it is:
     * the readers' messages may already hold escapes ({@code \x7fELF}), which must not double.
     */
    public static String printable(String message) {
        return Printable.isClean(message.replace('\\', '_')) ? message : Printable.escape(message);
    }

    /** The {@code @BpfSkeleton} mirror on {@code element}, so the error points at the annotation. */
    private static AnnotationMirror annotationOn(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().toString().equals(BpfSkeleton.class.getCanonicalName())) {
                return mirror;
            }
        }
        return null;
    }

    /** Parses the object and generates its skeleton: the {@link Generator} javac's instance uses. */
    static GeneratedSkeleton generateSkeleton(SkeletonRequest request, byte[] bytes, boolean generatedAnnotation)
            throws GenerationException {
        ObjectSpec spec;
        String objectName = request.object().objectName();
        try {
            spec = ObjectSpec.read(objectName, bytes);
        } catch (SpecException e) {
            throw new GenerationException(unusable(request, problem(e, objectName)), e);
        } catch (RuntimeException e) {
            // The reader is meant to turn every malformed input into a SpecException; if one slips
            // through, it is still this object that is unusable.
            throw new GenerationException(unusable(request, e.toString()), e);
        }
        return new SkeletonGenerator(request, spec, generatedAnnotation).generate();
    }

    private static String unusable(SkeletonRequest request, String problem) {
        return request.object() + " is not a usable BPF object: " + problem;
    }

    /** The exception's message without the object-name prefix SpecException adds. */
    private static String problem(SpecException e, String objectName) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(objectName + ": ") ? message.substring(objectName.length() + 2) : message;
    }
}
