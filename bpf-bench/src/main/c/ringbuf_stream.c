// SPDX-License-Identifier: GPL-2.0
// The libbpf baseline of the sustained-stream benchmark, on the same ringbuf_drain.bpf.o as the
// Java side: a producer thread pinned to CPU 0 calls getpid(2) EVENTS times (the program submits
// one 64-byte record per call with BPF_RB_NO_WAKEUP, so nothing ever wakes the consumer); the
// consumer, pinned to CPU 1, calls ring_buffer__consume every 10 ms, and once more as soon as the
// producer is done. Per round it reports the events consumed per second (from the producer's
// start to the last record consumed), the records the program dropped because the ring was full
// (the object's `drops` counter in .bss), the consumer thread's CPU time per event and the
// producer's time per getpid. One warm-up round is not counted. Prints one line per round, then
// the medians: "events_per_second", "drops" (the largest of any round), "cpu_ns_per_event",
// "getpid_ns".
//
// With --produce it is only the producer, for a consumer in another process (the Java side, so
// that both consumers are fed by the same C loop): pinned to CPU 0, for each line read from
// stdin it calls getpid(2) EVENTS times and answers "getpid_ns NS"; it ends at end of input.
//
// usage: ringbuf_stream OBJECT EVENTS ROUNDS
//        ringbuf_stream --produce EVENTS
#define _GNU_SOURCE
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DRAIN_INTERVAL_NS (10 * 1000 * 1000L)
#define PRODUCER_CPU 0
#define CONSUMER_CPU 1

/* What the producer and the consumer of one round share. */
struct stream {
	long events;
	pthread_mutex_t lock;
	pthread_cond_t done_signal; /* signalled when the producer is done */
	bool done;
	double produce_seconds;
	int error;
};

static double clock_seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *values, long n)
{
	qsort(values, n, sizeof(*values), compare_doubles);
	return values[n / 2];
}

static int count_record(void *ctx, void *data, size_t size)
{
	(void)data;
	(void)size;
	(*(long *)ctx)++;
	return 0;
}

static int pin_to_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static struct bpf_map *map_with_suffix(struct bpf_object *obj, const char *suffix)
{
	struct bpf_map *map;
	size_t suffix_len = strlen(suffix);

	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);
		size_t len = strlen(name);

		if (len >= suffix_len && strcmp(name + len - suffix_len, suffix) == 0)
			return map;
	}
	return NULL;
}

/* The object's .rodata holds only target_tgid; libbpf names the map "<object>.rodata". */
static int set_target_tgid(struct bpf_object *obj, __u32 tgid)
{
	struct bpf_map *map = map_with_suffix(obj, ".rodata");
	const void *initial;
	char copy[64];
	size_t size;

	if (!map)
		return -ENOENT;
	initial = bpf_map__initial_value(map, &size);
	if (!initial || size < sizeof(tgid) || size > sizeof(copy))
		return -EINVAL;
	memcpy(copy, initial, size);
	memcpy(copy, &tgid, sizeof(tgid));
	return bpf_map__set_initial_value(map, copy, size);
}

/* The mmap'd `drops` counter of the loaded object's .bss, found through the object's BTF. */
static volatile __u64 *drops_counter(struct bpf_object *obj)
{
	struct bpf_map *bss = map_with_suffix(obj, ".bss");
	struct btf *btf = bpf_object__btf(obj);
	const struct btf_var_secinfo *var;
	const struct btf_type *sec;
	size_t size;
	char *memory;
	int id;

	if (!bss || !btf)
		return NULL;
	memory = (char *)bpf_map__initial_value(bss, &size); /* after load: the mmap'd map */
	id = btf__find_by_name_kind(btf, ".bss", BTF_KIND_DATASEC);
	if (!memory || id < 0)
		return NULL;
	sec = btf__type_by_id(btf, id);
	var = btf_var_secinfos(sec);
	for (int i = 0; i < btf_vlen(sec); i++, var++) {
		const struct btf_type *t = btf__type_by_id(btf, var->type);

		if (strcmp(btf__name_by_offset(btf, t->name_off), "drops") == 0)
			return (volatile __u64 *)(memory + var->offset);
	}
	return NULL;
}

static void *produce(void *arg)
{
	struct stream *s = arg;
	double start;

	s->error = pin_to_cpu(PRODUCER_CPU);
	start = clock_seconds(CLOCK_MONOTONIC);
	for (long i = 0; i < s->events; i++)
		syscall(SYS_getpid);
	s->produce_seconds = clock_seconds(CLOCK_MONOTONIC) - start;
	pthread_mutex_lock(&s->lock);
	s->done = true;
	pthread_cond_signal(&s->done_signal);
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

/* Sleeps until `deadline` (CLOCK_MONOTONIC) or until the producer is done; answers whether it is. */
static bool wait_tick(struct stream *s, const struct timespec *deadline)
{
	bool done;

	pthread_mutex_lock(&s->lock);
	while (!s->done && pthread_cond_timedwait(&s->done_signal, &s->lock, deadline) == 0)
		;
	done = s->done;
	pthread_mutex_unlock(&s->lock);
	return done;
}

static void add_ns(struct timespec *t, long ns)
{
	t->tv_nsec += ns;
	while (t->tv_nsec >= 1000000000L) {
		t->tv_nsec -= 1000000000L;
		t->tv_sec++;
	}
}

struct round_result {
	double events_per_second, cpu_ns_per_event, getpid_ns;
	long consumed, drops;
};

/* One round on the calling (consumer) thread; 0 or an error number. */
static int run_round(struct ring_buffer *rb, long *consumed, volatile __u64 *drops, long events,
		     struct round_result *out)
{
	struct stream s = { .events = events };
	pthread_condattr_t attr;
	struct timespec tick;
	pthread_t producer;
	double start, cpu_start;
	bool done;
	int err;

	pthread_mutex_init(&s.lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&s.done_signal, &attr);
	*drops = 0;
	*consumed = 0;
	cpu_start = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
	start = clock_seconds(CLOCK_MONOTONIC);
	clock_gettime(CLOCK_MONOTONIC, &tick);
	err = pthread_create(&producer, NULL, produce, &s);
	if (err)
		return err;
	do {
		add_ns(&tick, DRAIN_INTERVAL_NS);
		done = wait_tick(&s, &tick);
		if (ring_buffer__consume(rb) < 0) {
			err = errno;
			break;
		}
	} while (!done); /* the consume after `done` took the last records: they are all committed */
	out->events_per_second = *consumed / (clock_seconds(CLOCK_MONOTONIC) - start);
	out->cpu_ns_per_event = (clock_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu_start) * 1e9 / (*consumed ? *consumed : 1);
	pthread_join(producer, NULL);
	out->getpid_ns = s.produce_seconds * 1e9 / events;
	out->consumed = *consumed;
	out->drops = (long)*drops;
	pthread_cond_destroy(&s.done_signal);
	pthread_condattr_destroy(&attr);
	pthread_mutex_destroy(&s.lock);
	if (!err && s.error)
		err = s.error;
	if (!err && out->consumed + out->drops != events) {
		fprintf(stderr, "ringbuf_stream: consumed %ld + dropped %ld records of %ld events\n",
			out->consumed, out->drops, events);
		err = EPROTO;
	}
	return err;
}

/* The --produce mode: one burst of getpid calls per line of input. */
static int produce_on_request(long events)
{
	char line[64];
	int err = pin_to_cpu(PRODUCER_CPU);

	if (err) {
		fprintf(stderr, "ringbuf_stream: pinning the producer to CPU %d: %s\n", PRODUCER_CPU, strerror(err));
		return 1;
	}
	while (fgets(line, sizeof(line), stdin)) {
		double start = clock_seconds(CLOCK_MONOTONIC);

		for (long i = 0; i < events; i++)
			syscall(SYS_getpid);
		printf("getpid_ns %.1f\n", (clock_seconds(CLOCK_MONOTONIC) - start) * 1e9 / events);
		fflush(stdout);
	}
	return 0;
}

int main(int argc, char **argv)
{
	double *rates, *cpu, *getpid_ns;
	volatile __u64 *drops;
	struct bpf_object *obj;
	struct bpf_program *prog;
	struct bpf_link *link;
	struct ring_buffer *rb;
	long events, rounds, consumed = 0, max_drops = 0;
	int err;

	if (argc == 3 && strcmp(argv[1], "--produce") == 0 && atol(argv[2]) > 0)
		return produce_on_request(atol(argv[2]));
	if (argc != 4) {
		fprintf(stderr, "usage: %s OBJECT EVENTS ROUNDS | --produce EVENTS\n", argv[0]);
		return 2;
	}
	events = atol(argv[2]);
	rounds = atol(argv[3]);
	if (events <= 0 || rounds <= 0) {
		fprintf(stderr, "ringbuf_stream: EVENTS and ROUNDS must be positive\n");
		return 2;
	}
	rates = calloc(rounds, sizeof(*rates));
	cpu = calloc(rounds, sizeof(*cpu));
	getpid_ns = calloc(rounds, sizeof(*getpid_ns));
	if (!rates || !cpu || !getpid_ns) {
		fprintf(stderr, "ringbuf_stream: calloc: %s\n", strerror(errno));
		return 1;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, "ringbuf_stream: open %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	err = set_target_tgid(obj, getpid());
	if (!err)
		err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "ringbuf_stream: load %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	drops = drops_counter(obj);
	if (!drops) {
		fprintf(stderr, "ringbuf_stream: %s has no mmap'd .bss variable 'drops'\n", argv[1]);
		return 1;
	}
	prog = bpf_object__find_program_by_name(obj, "fill");
	link = prog ? bpf_program__attach(prog) : NULL;
	if (!link) {
		fprintf(stderr, "ringbuf_stream: attach fill: %s\n", strerror(errno));
		return 1;
	}
	rb = ring_buffer__new(bpf_object__find_map_fd_by_name(obj, "records"), count_record, &consumed, NULL);
	if (!rb) {
		fprintf(stderr, "ringbuf_stream: ring_buffer__new: %s\n", strerror(errno));
		return 1;
	}
	err = pin_to_cpu(CONSUMER_CPU);
	if (err) {
		fprintf(stderr, "ringbuf_stream: pinning the consumer to CPU %d: %s\n", CONSUMER_CPU, strerror(err));
		return 1;
	}
	for (long round = -1; round < rounds; round++) { /* round -1: warm-up */
		struct round_result r;

		err = run_round(rb, &consumed, drops, events, &r);
		if (err) {
			fprintf(stderr, "ringbuf_stream: round %ld: %s\n", round, strerror(err));
			return 1;
		}
		printf("round %ld consumed %ld drops %ld events_per_second %.0f cpu_ns_per_event %.1f getpid_ns %.1f\n",
		       round, r.consumed, r.drops, r.events_per_second, r.cpu_ns_per_event, r.getpid_ns);
		if (round < 0)
			continue;
		rates[round] = r.events_per_second;
		cpu[round] = r.cpu_ns_per_event;
		getpid_ns[round] = r.getpid_ns;
		if (r.drops > max_drops)
			max_drops = r.drops;
	}
	printf("drops %ld\n", max_drops);
	printf("cpu_ns_per_event %.2f\n", median(cpu, rounds));
	printf("getpid_ns %.1f\n", median(getpid_ns, rounds));
	printf("events_per_second %.0f\n", median(rates, rounds));
	ring_buffer__free(rb);
	bpf_link__destroy(link);
	bpf_object__close(obj);
	free(rates);
	free(cpu);
	free(getpid_ns);
	return 0;
}
