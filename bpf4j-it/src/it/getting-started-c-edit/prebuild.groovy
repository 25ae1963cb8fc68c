// A C-only edit: a new .bss variable counting the events the ring buffer had no room for.
def source = new File(basedir, '../getting-started/src/main/bpf/com/example/hello/hello.bpf.c')
def text = source.text
def counted = text.replace('\tif (!e)\n\t\treturn 0;\n',
        '\tif (!e) {\n\t\t__sync_fetch_and_add(&lost_events, 1);\n\t\treturn 0;\n\t}\n')
        .replace('SEC("tracepoint/sched/sched_process_exec")',
        '/* Events the ring buffer had no room for. */\n__u64 lost_events;\n\nSEC("tracepoint/sched/sched_process_exec")')
assert counted != text && counted.contains('__u64 lost_events;') && counted.contains('&lost_events')
source.text = counted
def skeleton = new File(basedir, '../getting-started/target/generated-sources/annotations/com/example/hello/HelloSkel.java')
assert !skeleton.text.contains('lostEvents') : 'the skeleton has the accessor before the edit'
return true
