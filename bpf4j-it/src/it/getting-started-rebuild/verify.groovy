// An unchanged second build does no work: no clang, vmlinux.h not rewritten, nothing for javac.
def log = new File(basedir, 'build.log').text
def project = new File(basedir, '../getting-started')

assert log.contains('BPF objects up to date: 1 in ' + new File(project, 'target/classes').canonicalPath)
assert !log.contains('Compiling 1 of 1 BPF programs') : 'clang ran again'
assert !log.contains('vmlinux.h from') : 'vmlinux.h was written again'
assert !log.contains('Removed the ') : 'class files were removed'
def compile = log.substring(log.indexOf('maven-compiler-plugin:3.13.0:compile'))
assert compile.readLines()[1].contains('Nothing to compile - all classes are up to date') : 'javac ran again'
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

def stamps = new Properties()
new File(basedir, 'stamps.properties').withInputStream { stamps.load(it) }
stamps.each { path, stamp ->
    assert new File(project, path).lastModified() == Long.parseLong(stamp) : "${path} was rewritten"
}
return true
