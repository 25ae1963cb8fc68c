/* The record type, in a header from the <includes> directory. */
struct counter_sample {
	__u32 cpu;
	__u64 value;
};
