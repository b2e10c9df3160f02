// Skeleton entry point, replaced in this session by the command-line tool.
print("reconcile")
