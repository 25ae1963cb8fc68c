// Records the time stamps of what the first build made, to check the second build leaves them alone.
def project = new File(basedir, '../getting-started')
def outputs = ['target/bpf4j/include/vmlinux.h', 'target/classes/com/example/hello/hello.bpf.o',
               'target/classes/com/example/hello/HelloSkel.class',
               'target/generated-sources/annotations/com/example/hello/HelloSkel.java']
def stamps = new Properties()
outputs.each { path ->
    def file = new File(project, path)
    assert file.isFile() : "the first build did not make ${path}"
    stamps.setProperty(path, String.valueOf(file.lastModified()))
}
new File(basedir, 'stamps.properties').withOutputStream { stamps.store(it, 'before the second build') }
return true
