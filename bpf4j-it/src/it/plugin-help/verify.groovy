def log = new File(basedir, 'build.log').text
['bpf4j:compile', 'bpf4j:test-compile', 'bpf4j:generate', 'bpf4j:help'].each { goal ->
    assert log.contains(goal) : "the help does not list ${goal}"
}
assert log.contains('Compiles every src/main/bpf/**/*.bpf.c into a CO-RE BPF object')
assert log.contains('User property: bpf4j.clang')
assert log.contains('User property: bpf4j.btf')
assert log.contains('The package of the skeletons.')
return true
