// bpf4j:generate wrote the skeleton into its source root, copied the object beside its class,
// and the second build found everything up to date.
def log = new File(basedir, 'build.log').text.replaceAll('\u001b\\[[0-9;]*m', '')
def skeleton = new File(basedir, 'target/generated-sources/bpf4j/com/example/gen/CounterSkel.java')
assert skeleton.isFile()
assert skeleton.text.contains('BpfRingBuffer<CounterSample> samples()')
assert new File(basedir, 'target/classes/com/example/gen/counter.bpf.o').isFile()
assert new File(basedir, 'target/classes/com/example/gen/CounterSkel.class').isFile()
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('Skeletons up to date: 1 in ' + new File(basedir, 'target/generated-sources/bpf4j').canonicalPath)
return true
