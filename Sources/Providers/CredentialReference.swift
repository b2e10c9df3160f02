// Skeleton placeholder, replaced in this session by the credentials resolver.
public enum ProvidersModule {}
