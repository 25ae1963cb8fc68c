// The first build of the getting-started project (docs/getting-started.md), from a clean directory:
// the BPF C compiled, vmlinux.h written, the skeleton generated, the fake-kernel tests passed, the
// jar made. Then, as root, the tool itself runs on the real kernel and reports programs started.
def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')

assert log.contains('Wrote ' + new File(target, 'bpf4j/include/vmlinux.h').path + ' from /sys/kernel/btf/vmlinux')
assert log.contains('Compiling 1 of 1 BPF programs with ')
assert new File(target, 'classes/com/example/hello/hello.bpf.o').isFile()
assert new File(target, 'generated-sources/annotations/com/example/hello/HelloSkel.java').isFile()
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
// The JDK the build ran on (this job also runs on JDK 25): what Surefire's JVM reported.
def report = new File(target, 'surefire-reports/TEST-com.example.hello.ExecTracerTest.xml').text
assert report.contains('<property name="java.specification.version" value="' + expectedJava + '"/>')
assert new File(target, 'hello-bpf.jar').isFile()
assert new File(target, 'lib').list().any { it.startsWith('bpf-native-') }

if ('id -u'.execute().text.trim() != '0') {
    assert System.getenv('BPF4J_REQUIRE_KERNEL') != '1' : 'BPF4J_REQUIRE_KERNEL=1 but not root: the tool cannot run'
    println 'getting-started: not root, the tool is not run on the real kernel'
    return true
}
// What the page says to run, for 5 seconds, while programs are started.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def tool = [java, '-jar', new File(target, 'hello-bpf.jar').path, '5'].execute(null, basedir)
def out = new StringBuffer()
def err = new StringBuffer()
tool.consumeProcessOutput(out, err)
while (tool.isAlive()) {
    ['/bin/true'].execute().waitFor()
    Thread.sleep(100)
}
assert tool.exitValue() == 0 : "the tool failed: ${err}"
def lines = out.toString().readLines()
assert lines.any { it ==~ /\d+ true/ } : "no 'PID true' line in the tool's output:\n${out}\n${err}"
assert lines.any { it ==~ /uid 0: \d+/ } : "no count for uid 0 in the tool's output:\n${out}"
return true
