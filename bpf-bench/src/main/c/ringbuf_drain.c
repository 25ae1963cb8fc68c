// SPDX-License-Identifier: GPL-2.0
// The libbpf baseline of the ring-buffer drain benchmark: loads the same ringbuf_drain.bpf.o as
// the Java side, queues RECORDS records by calling getpid(2) RECORDS times, then times
// ring_buffer__consume with a trivial callback. Then times ring_buffer__consume on the empty
// ring. Prints one line per round, then "empty_consume_ns NS" and, last,
// "records_per_second MEDIAN".
//
// usage: ringbuf_drain OBJECT RECORDS ROUNDS
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int count_record(void *ctx, void *data, size_t size)
{
	(void)data;
	(void)size;
	(*(long *)ctx)++;
	return 0;
}

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

/* The object's .rodata holds only target_tgid; libbpf names the map "<object>.rodata". */
static int set_target_tgid(struct bpf_object *obj, __u32 tgid)
{
	struct bpf_map *map;
	size_t size;

	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);
		size_t len = strlen(name);

		if (len >= 7 && strcmp(name + len - 7, ".rodata") == 0) {
			const void *initial = bpf_map__initial_value(map, &size);
			char copy[64];

			if (!initial || size < sizeof(tgid) || size > sizeof(copy))
				return -EINVAL;
			memcpy(copy, initial, size);
			memcpy(copy, &tgid, sizeof(tgid));
			return bpf_map__set_initial_value(map, copy, size);
		}
	}
	return -ENOENT;
}

int main(int argc, char **argv)
{
	struct bpf_object *obj;
	struct bpf_program *prog;
	struct bpf_link *link;
	struct ring_buffer *rb;
	long records, rounds, consumed = 0;
	double *rates;
	int err, fd;

	if (argc != 4) {
		fprintf(stderr, "usage: %s OBJECT RECORDS ROUNDS\n", argv[0]);
		return 2;
	}
	records = atol(argv[2]);
	rounds = atol(argv[3]);
	if (records <= 0 || rounds <= 0) {
		fprintf(stderr, "ringbuf_drain: RECORDS and ROUNDS must be positive\n");
		return 2;
	}
	rates = calloc(rounds, sizeof(*rates));
	if (!rates) {
		fprintf(stderr, "ringbuf_drain: calloc: %s\n", strerror(errno));
		return 1;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		fprintf(stderr, "ringbuf_drain: open %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	err = set_target_tgid(obj, getpid());
	if (!err)
		err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "ringbuf_drain: load %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	prog = bpf_object__find_program_by_name(obj, "fill");
	link = prog ? bpf_program__attach(prog) : NULL;
	if (!link) {
		fprintf(stderr, "ringbuf_drain: attach fill: %s\n", strerror(errno));
		return 1;
	}
	fd = bpf_object__find_map_fd_by_name(obj, "records");
	rb = ring_buffer__new(fd, count_record, &consumed, NULL);
	if (!rb) {
		fprintf(stderr, "ringbuf_drain: ring_buffer__new: %s\n", strerror(errno));
		return 1;
	}
	for (long round = 0; round < rounds; round++) {
		double start, seconds;
		int n;

		for (long i = 0; i < records; i++)
			syscall(SYS_getpid);
		start = now_seconds();
		n = ring_buffer__consume(rb);
		seconds = now_seconds() - start;
		if (n != records) {
			fprintf(stderr, "ringbuf_drain: round %ld consumed %d records, expected %ld\n", round, n, records);
			return 1;
		}
		rates[round] = n / seconds;
		printf("round %ld records %d seconds %.6f records_per_second %.0f\n", round, n, seconds, rates[round]);
	}
	{
		/* The ring is empty now: what a poll that finds nothing costs. */
		const long empty_polls = 10 * 1000 * 1000;
		double start = now_seconds();

		for (long i = 0; i < empty_polls; i++)
			ring_buffer__consume(rb);
		printf("empty_consume_ns %.1f\n", (now_seconds() - start) * 1e9 / empty_polls);
	}
	qsort(rates, rounds, sizeof(*rates), compare_doubles);
	printf("records_per_second %.0f\n", rates[rounds / 2]);
	ring_buffer__free(rb);
	bpf_link__destroy(link);
	bpf_object__close(obj);
	free(rates);
	return 0;
}
