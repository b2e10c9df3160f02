// Skeleton entry point, replaced in this session by the benchmarks.
print("bench")
