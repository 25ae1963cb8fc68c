// SPDX-License-Identifier: GPL-2.0
// The libbpf baseline of the map benchmarks, on the same map_ops.bpf.o as the Java side: prefills
// the hash map `values` (u32 key -> 64-byte value) with ENTRIES elements, then per round times
// OPS bpf_map_lookup_elem calls and OPS bpf_map_update_elem calls (BPF_ANY, existing keys) on the
// key sequence the Java side uses, and one dump of the whole map with bpf_map_lookup_batch in
// chunks of CHUNK elements. One warm-up round is not counted. Prints one line per round, then
// the medians: "lookup_ns" and "update_ns" per operation, "dump_ms" per whole dump.
//
// usage: map_ops OBJECT ENTRIES OPS ROUNDS
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Elements per batch call: the same as the Java side's BatchWalk.DEFAULT_CHUNK. */
#define CHUNK 4096
/* Visits the keys in a scattered order (a prime coprime with the entry counts used). */
#define KEY_STRIDE 7919

struct bench_value {
	__u64 words[8];
};

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
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

static __u32 key_at(long i, long entries)
{
	return (__u32)((i * KEY_STRIDE) % entries);
}

/* Nanoseconds per lookup, or a negative errno. */
static double time_lookups(int fd, long entries, long ops)
{
	struct bench_value value;
	__u64 sum = 0;
	double start = now_seconds();

	for (long i = 0; i < ops; i++) {
		__u32 key = key_at(i, entries);

		if (bpf_map_lookup_elem(fd, &key, &value))
			return -errno;
		sum += value.words[0];
	}
	if (sum == (__u64)-1) /* keeps the reads alive */
		printf("sum %llu\n", (unsigned long long)sum);
	return (now_seconds() - start) * 1e9 / ops;
}

/* Nanoseconds per update (the same zeroed value each time, as the Java side), or a negative errno. */
static double time_updates(int fd, long entries, long ops)
{
	struct bench_value value = { 0 };
	double start = now_seconds();

	for (long i = 0; i < ops; i++) {
		__u32 key = key_at(i, entries);

		if (bpf_map_update_elem(fd, &key, &value, BPF_ANY))
			return -errno;
	}
	return (now_seconds() - start) * 1e9 / ops;
}

/* Milliseconds per dump of the whole map, or a negative errno; checks every element came out. */
static double time_dump(int fd, long entries, __u32 *keys, struct bench_value *values)
{
	double start = now_seconds();
	__u32 cursor;
	long total = 0;
	int err;

	for (void *in = NULL;; in = &cursor) {
		__u32 count = CHUNK;

		err = bpf_map_lookup_batch(fd, in, &cursor, keys, values, &count, NULL);
		total += count;
		if (err)
			break;
	}
	if (errno != ENOENT)
		return -errno;
	if (total != entries) {
		fprintf(stderr, "map_ops: the dump returned %ld of %ld elements\n", total, entries);
		return -EPROTO;
	}
	return (now_seconds() - start) * 1e3;
}

int main(int argc, char **argv)
{
	struct bench_value value = { 0 }, *batch_values;
	double *lookups, *updates, *dumps;
	struct bpf_object *obj;
	long entries, ops, rounds;
	__u32 *batch_keys;
	int err, fd;

	if (argc != 5) {
		fprintf(stderr, "usage: %s OBJECT ENTRIES OPS ROUNDS\n", argv[0]);
		return 2;
	}
	entries = atol(argv[2]);
	ops = atol(argv[3]);
	rounds = atol(argv[4]);
	if (entries <= 0 || ops <= 0 || rounds <= 0) {
		fprintf(stderr, "map_ops: ENTRIES, OPS and ROUNDS must be positive\n");
		return 2;
	}
	lookups = calloc(rounds, sizeof(double));
	updates = calloc(rounds, sizeof(double));
	dumps = calloc(rounds, sizeof(double));
	batch_keys = calloc(CHUNK, sizeof(*batch_keys));
	batch_values = calloc(CHUNK, sizeof(*batch_values));
	if (!lookups || !updates || !dumps || !batch_keys || !batch_values) {
		fprintf(stderr, "map_ops: calloc: %s\n", strerror(errno));
		return 1;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, "map_ops: open %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "map_ops: load %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	fd = bpf_object__find_map_fd_by_name(obj, "values");
	for (__u32 key = 0; key < entries; key++) {
		value.words[0] = key;
		if (bpf_map_update_elem(fd, &key, &value, BPF_NOEXIST)) {
			fprintf(stderr, "map_ops: prefilling key %u: %s\n", key, strerror(errno));
			return 1;
		}
	}
	for (long round = -1; round < rounds; round++) { /* round -1: warm-up */
		double lookup = time_lookups(fd, entries, ops);
		double update = time_updates(fd, entries, ops);
		double dump = time_dump(fd, entries, batch_keys, batch_values);

		if (lookup < 0 || update < 0 || dump < 0) {
			fprintf(stderr, "map_ops: round %ld: lookup/update/batch lookup failed: %s\n", round,
				strerror((int)-(lookup < 0 ? lookup : update < 0 ? update : dump)));
			return 1;
		}
		printf("round %ld lookup_ns %.1f update_ns %.1f dump_ms %.2f\n", round, lookup, update, dump);
		if (round >= 0) {
			lookups[round] = lookup;
			updates[round] = update;
			dumps[round] = dump;
		}
	}
	printf("lookup_ns %.2f\n", median(lookups, rounds));
	printf("update_ns %.2f\n", median(updates, rounds));
	printf("dump_ms %.3f\n", median(dumps, rounds));
	bpf_object__close(obj);
	free(lookups);
	free(updates);
	free(dumps);
	free(batch_keys);
	free(batch_values);
	return 0;
}
