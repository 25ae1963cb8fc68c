// After the C-only edit, `mvn package` without clean: the object is compiled again, javac generates
// the skeleton again, and the new .bss variable is an accessor of the compiled skeleton.
def log = new File(basedir, 'build.log').text
def project = new File(basedir, '../getting-started')

assert log.contains('Compiling 1 of 1 BPF programs with ')
assert !log.contains('vmlinux.h from') : 'vmlinux.h was written again though the kernel is the same'
assert log =~ /Removed the \d+ class files of /
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

def skeleton = new File(project, 'target/generated-sources/annotations/com/example/hello/HelloSkel.java').text
assert skeleton.contains('public long lostEvents()') : 'the skeleton has no accessor for lost_events'
def bss = new File(project, 'target/classes/com/example/hello/HelloSkel$Bss.class')
assert bss.isFile() : 'HelloSkel.Bss was not compiled'
assert new String(bss.bytes, 'ISO-8859-1').contains('lostEvents') : 'the compiled skeleton has no lostEvents()'
// The jar has the new skeleton too.
def jar = new java.util.jar.JarFile(new File(project, 'target/hello-bpf.jar'))
assert jar.getEntry('com/example/hello/HelloSkel$Bss.class') != null
jar.close()
return true
