def log = new File(basedir, 'build.log').text.replaceAll('\u001b\\[[0-9;]*m', '')
def broken = new File(basedir, 'src/main/bpf/broken.bpf.c').canonicalPath
def warns = new File(basedir, 'src/main/bpf/warns.bpf.c').canonicalPath

assert log.contains("[ERROR] ${broken}:7:9: error: use of undeclared identifier 'undeclared_thing'")
assert log.contains("[WARNING] ${warns}:7:6: warning: unused variable 'spare' [-Wunused-variable]")
// The failure names the error, once, with its place; Maven's usual one-line failure, no stack trace.
assert log.contains("bpf4j: 1 of 2 BPF programs did not compile: ${broken}:7:9: error: use of undeclared"
        + " identifier 'undeclared_thing'")
assert !log.contains('\tat ') : 'a stack trace was printed'
// The program that compiled has its object; the broken one has none (no half-written file either).
assert new File(basedir, 'target/classes/warns.bpf.o').isFile()
assert !new File(basedir, 'target/classes/broken.bpf.o').exists()
assert !new File(basedir, 'target/classes/broken.bpf.o.tmp').exists()
return true
