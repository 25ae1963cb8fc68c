def log = new File(basedir, 'build.log').text.replaceAll('\u001b\\[[0-9;]*m', '')
assert log.contains('bpf4j: clang is needed to compile BPF C, and bpf4j-no-such-clang (named by BPF4J_CLANG)'
        + ' is not on the PATH; install it with: apt-get install clang-19')
assert log.readLines().count { it.contains('bpf4j: clang is needed') } == 1 : 'the message is repeated'
assert !log.contains('\tat ') : 'a stack trace was printed'
return true
