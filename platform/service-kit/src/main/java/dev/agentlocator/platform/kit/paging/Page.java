package dev.agentlocator.platform.kit.paging;

import java.util.List;

/** {@code {items,page,limit,total,pages}}, the list shape of the whole API. */
public record Page<T>(List<T> items, int page, int limit, long total, int pages) {}
